package dev.fluxo.components.kubernetes.strimzi;

import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Strimzi {@code KafkaConnector} run by a {@link KafkaConnect} cluster that sets
 * {@value KafkaConnect#USE_CONNECTOR_RESOURCES} (its {@code strimzi.io/cluster} label names the Connect cluster).
 * {@code connector.class} and {@code tasks.max} are {@code spec.class} and {@code spec.tasksMax}, never config keys.
 */
public class KafkaConnector extends StrimziResource {
    public static final String KIND = "KafkaConnector";

    /**
     * @param connectCluster the {@link KafkaConnect}'s Kubernetes name
     * @param connectorClass {@code spec.class}
     * @param tasksMax       {@code spec.tasksMax}
     * @param config         {@code spec.config}
     * @param autoRestart    {@code spec.autoRestart.enabled}: the operator restarts failed connectors and tasks
     */
    public KafkaConnector(String name, StrimziResource.Metadata metadata, String connectCluster, String connectorClass,
                          int tasksMax, Output<Map<String, String>> config, boolean autoRestart,
                          CustomResourceOptions opts) {
        super(KIND, name, metadata.inCluster(connectCluster), config.applyValue(c -> spec(connectorClass, tasksMax, c,
                autoRestart)), opts);
    }

    static Map<String, Object> spec(String connectorClass, int tasksMax, Map<String, String> config, boolean autoRestart) {
        var spec = new LinkedHashMap<String, Object>();
        spec.put("class", connectorClass);
        spec.put("tasksMax", tasksMax);
        spec.put("autoRestart", Map.of("enabled", autoRestart));
        var settings = new LinkedHashMap<String, Object>(config);
        settings.remove("connector.class");
        settings.remove("tasks.max");
        spec.put("config", settings);
        return spec;
    }
}
