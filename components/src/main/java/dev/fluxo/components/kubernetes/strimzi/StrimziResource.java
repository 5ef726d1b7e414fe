package dev.fluxo.components.kubernetes.strimzi;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.Import;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceArgs;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A Strimzi custom resource ({@value #GROUP}/{@value #VERSION}) registered through the Kubernetes provider.
 * {@code com.pulumi:kubernetes} 4.0.0 has no generic Java {@code CustomResource}; the provider accepts any
 * {@code kubernetes:<group>/<version>:<Kind>} token whose inputs are {@code apiVersion}, {@code kind},
 * {@code metadata} and {@code spec}, which is what this class sends. The typed subclasses ({@link Kafka},
 * {@link KafkaNodePool}, {@link KafkaTopic}, {@link KafkaUser}, {@link KafkaConnect}, {@link KafkaConnector}) build
 * {@code spec} from builders named after the CRD fields they set.
 */
public class StrimziResource extends CustomResource {
    /** The Strimzi API group. */
    public static final String GROUP = "kafka.strimzi.io";
    /** The API version every Fluxo Strimzi resource uses (served by Strimzi 0.4x, KRaft-only from 0.46). */
    public static final String VERSION = "v1beta2";
    /** The label that ties node pools, topics, users and connectors to their cluster. */
    public static final String CLUSTER_LABEL = "strimzi.io/cluster";

    @Export(name = "metadata", refs = {Map.class, String.class, Object.class}, tree = "[0,1,2]")
    private Output<Map<String, Object>> metadata;

    protected StrimziResource(String kind, String name, Metadata metadata, Map<String, Object> spec,
                              CustomResourceOptions opts) {
        this(kind, name, metadata, Output.of(spec), opts);
    }

    protected StrimziResource(String kind, String name, Metadata metadata, Output<Map<String, Object>> spec,
                              CustomResourceOptions opts) {
        super(token(kind), name, new Args(kind, metadata, spec), opts);
    }

    /** {@code kubernetes:kafka.strimzi.io/v1beta2:<kind>}. */
    public static String token(String kind) {
        return "kubernetes:" + GROUP + "/" + VERSION + ":" + kind;
    }

    /** The metadata the cluster returned (name, namespace, uid...). */
    public Output<Map<String, Object>> metadata() {
        return metadata;
    }

    /**
     * The {@code metadata} Fluxo sets on a Strimzi resource.
     *
     * @param name        the Kubernetes name
     * @param namespace   the namespace
     * @param labels      labels (the {@value #CLUSTER_LABEL} label for resources that belong to a cluster)
     * @param annotations annotations (e.g. {@code strimzi.io/kraft: enabled})
     */
    public record Metadata(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
        public Metadata {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(namespace, "namespace");
            labels = Map.copyOf(labels);
            annotations = Map.copyOf(annotations);
        }

        /** Metadata with labels only. */
        public static Metadata of(String name, String namespace, Map<String, String> labels) {
            return new Metadata(name, namespace, labels, Map.of());
        }

        /** These labels plus {@value #CLUSTER_LABEL}: {@code cluster}. */
        public Metadata inCluster(String cluster) {
            var all = new LinkedHashMap<>(labels);
            all.put(CLUSTER_LABEL, cluster);
            return new Metadata(name, namespace, all, annotations);
        }

        ObjectMetaArgs toArgs() {
            var b = ObjectMetaArgs.builder().name(name).namespace(namespace).labels(labels);
            if (!annotations.isEmpty()) {
                b.annotations(annotations);
            }
            return b.build();
        }
    }

    /** The wire inputs of a Strimzi resource. */
    static final class Args extends ResourceArgs {
        @Import(name = "apiVersion", required = true)
        private final Output<String> apiVersion;
        @Import(name = "kind", required = true)
        private final Output<String> kind;
        @Import(name = "metadata", required = true)
        private final Output<ObjectMetaArgs> metadata;
        @Import(name = "spec", required = true)
        private final Output<Map<String, Object>> spec;

        Args(String kind, Metadata metadata, Output<Map<String, Object>> spec) {
            this.apiVersion = Output.of(GROUP + "/" + VERSION);
            this.kind = Output.of(kind);
            this.metadata = Output.of(metadata.toArgs());
            this.spec = spec;
        }
    }
}
