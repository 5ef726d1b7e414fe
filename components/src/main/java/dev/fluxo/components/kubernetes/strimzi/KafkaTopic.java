package dev.fluxo.components.kubernetes.strimzi;

import com.pulumi.resources.CustomResourceOptions;

import java.util.LinkedHashMap;
import java.util.Map;

/** A Strimzi {@code KafkaTopic}, reconciled by the cluster's topic operator. */
public class KafkaTopic extends StrimziResource {
    public static final String KIND = "KafkaTopic";

    /**
     * @param topicName  {@code spec.topicName} (Kafka names may hold dots, Kubernetes names may not)
     * @param partitions {@code spec.partitions}
     * @param replicas   {@code spec.replicas}
     * @param config     {@code spec.config}, e.g. {@code retention.ms}
     */
    public KafkaTopic(String name, StrimziResource.Metadata metadata, String cluster, String topicName, int partitions,
                      int replicas, Map<String, Object> config, CustomResourceOptions opts) {
        super(KIND, name, metadata.inCluster(cluster), spec(topicName, partitions, replicas, config), opts);
    }

    static Map<String, Object> spec(String topicName, int partitions, int replicas, Map<String, Object> config) {
        var spec = new LinkedHashMap<String, Object>();
        spec.put("topicName", topicName);
        spec.put("partitions", partitions);
        spec.put("replicas", replicas);
        spec.put("config", Map.copyOf(config));
        return spec;
    }
}
