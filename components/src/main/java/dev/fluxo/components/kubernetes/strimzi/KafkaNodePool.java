package dev.fluxo.components.kubernetes.strimzi;

import com.pulumi.resources.CustomResourceOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A Strimzi {@code KafkaNodePool}: the KRaft nodes (controllers and/or brokers) of a {@link Kafka} cluster. */
public class KafkaNodePool extends StrimziResource {
    public static final String KIND = "KafkaNodePool";

    public KafkaNodePool(String name, Args args, CustomResourceOptions opts) {
        super(KIND, name, args.metadata, args.spec(), opts);
    }

    public static Args.Builder builder(StrimziResource.Metadata metadata, String cluster) {
        return new Args.Builder(metadata.inCluster(cluster));
    }

    /** {@code spec.replicas}, {@code spec.roles}, {@code spec.storage}, {@code spec.resources}. */
    public static final class Args {
        private final StrimziResource.Metadata metadata;
        private final int replicas;
        private final List<String> roles;
        private final Map<String, Object> storage;
        private final Map<String, Object> resources;

        private Args(Builder b) {
            this.metadata = b.metadata;
            this.replicas = b.replicas;
            this.roles = List.copyOf(b.roles);
            this.storage = b.storage;
            this.resources = b.resources;
        }

        Map<String, Object> spec() {
            var spec = new LinkedHashMap<String, Object>();
            spec.put("replicas", replicas);
            spec.put("roles", roles);
            spec.put("storage", storage);
            if (resources != null) {
                spec.put("resources", resources);
            }
            return spec;
        }

        public static final class Builder {
            private final StrimziResource.Metadata metadata;
            private int replicas = 1;
            private List<String> roles = List.of("controller", "broker");
            private Map<String, Object> storage = Map.of("type", "ephemeral");
            private Map<String, Object> resources;

            Builder(StrimziResource.Metadata metadata) {
                this.metadata = metadata;
            }

            /** {@code spec.replicas}; default 1. */
            public Builder replicas(int replicas) {
                this.replicas = replicas;
                return this;
            }

            /** {@code spec.roles}; default both {@code controller} and {@code broker} (dual-role nodes). */
            public Builder roles(String... roles) {
                this.roles = List.of(roles);
                return this;
            }

            /** {@code spec.storage: {type: ephemeral}} (the default): data is lost with the pod. */
            public Builder ephemeralStorage() {
                this.storage = Map.of("type", "ephemeral");
                return this;
            }

            /**
             * {@code spec.storage: {type: jbod, volumes: [{id: 0, type: persistent-claim, size, deleteClaim,
             * kraftMetadata: shared}]}}: one persistent volume per node that also holds the KRaft metadata log.
             */
            public Builder persistentClaimStorage(int sizeGb, boolean deleteClaim) {
                var volume = new LinkedHashMap<String, Object>();
                volume.put("id", 0);
                volume.put("type", "persistent-claim");
                volume.put("size", sizeGb + "Gi");
                volume.put("deleteClaim", deleteClaim);
                volume.put("kraftMetadata", "shared");
                this.storage = Map.of("type", "jbod", "volumes", List.of(volume));
                return this;
            }

            /** {@code spec.resources}: requests and limits of each node's container. */
            public Builder resources(Map<String, String> requests, Map<String, String> limits) {
                this.resources = Map.of("requests", requests, "limits", limits);
                return this;
            }

            public Args build() {
                return new Args(this);
            }
        }
    }
}
