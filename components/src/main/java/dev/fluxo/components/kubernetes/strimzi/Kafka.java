package dev.fluxo.components.kubernetes.strimzi;

import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Strimzi {@code Kafka} cluster in KRaft mode: its nodes come from {@link KafkaNodePool}s, so it carries the
 * {@value #KRAFT_ANNOTATION} and {@value #NODE_POOLS_ANNOTATION} annotations (required before Strimzi 0.48, ignored
 * from 0.48 on, where both are the only mode).
 */
public class Kafka extends StrimziResource {
    public static final String KIND = "Kafka";
    public static final String KRAFT_ANNOTATION = "strimzi.io/kraft";
    public static final String NODE_POOLS_ANNOTATION = "strimzi.io/node-pools";

    public Kafka(String name, Args args, CustomResourceOptions opts) {
        super(KIND, name, args.metadata, args.spec(), opts);
    }

    /** A builder for a KRaft cluster: the metadata gets both KRaft annotations. */
    public static Args.Builder builder(StrimziResource.Metadata metadata) {
        var annotations = new LinkedHashMap<>(metadata.annotations());
        annotations.put(KRAFT_ANNOTATION, "enabled");
        annotations.put(NODE_POOLS_ANNOTATION, "enabled");
        return new Args.Builder(new StrimziResource.Metadata(metadata.name(), metadata.namespace(), metadata.labels(),
                annotations));
    }

    /** {@code spec.kafka} (version, metadataVersion, listeners, authorization, config) and {@code spec.entityOperator}. */
    public static final class Args {
        private final StrimziResource.Metadata metadata;
        private final Map<String, Object> kafka;
        private final boolean entityOperator;

        private Args(Builder b) {
            this.metadata = b.metadata;
            var kafka = new LinkedHashMap<String, Object>();
            kafka.put("version", b.version);
            if (b.metadataVersion != null) {
                kafka.put("metadataVersion", b.metadataVersion);
            }
            kafka.put("listeners", List.copyOf(b.listeners));
            if (b.authorization != null) {
                kafka.put("authorization", Map.of("type", b.authorization));
            }
            kafka.put("config", Map.copyOf(b.config));
            this.kafka = kafka;
            this.entityOperator = b.entityOperator;
        }

        Map<String, Object> spec() {
            var spec = new LinkedHashMap<String, Object>();
            spec.put("kafka", kafka);
            if (entityOperator) {
                // Empty objects deploy the operators with their defaults, watching this cluster's namespace.
                spec.put("entityOperator", Map.of("topicOperator", Map.of(), "userOperator", Map.of()));
            }
            return spec;
        }

        public static final class Builder {
            private final StrimziResource.Metadata metadata;
            private String version;
            private String metadataVersion;
            private final List<Map<String, Object>> listeners = new ArrayList<>();
            private String authorization;
            private final Map<String, Object> config = new LinkedHashMap<>();
            private boolean entityOperator;

            Builder(StrimziResource.Metadata metadata) {
                this.metadata = metadata;
            }

            /** {@code spec.kafka.version}, e.g. {@code 4.1.0}. */
            public Builder version(String version) {
                this.version = version;
                return this;
            }

            /** {@code spec.kafka.metadataVersion}, e.g. {@code 4.1-IV1}. */
            public Builder metadataVersion(String metadataVersion) {
                this.metadataVersion = metadataVersion;
                return this;
            }

            /**
             * One {@code spec.kafka.listeners[]} entry of {@code type: internal}.
             *
             * @param authentication {@code tls}, {@code scram-sha-512}, or null for none
             */
            public Builder internalListener(String name, int port, boolean tls, String authentication) {
                var listener = new LinkedHashMap<String, Object>();
                listener.put("name", name);
                listener.put("port", port);
                listener.put("type", "internal");
                listener.put("tls", tls);
                if (authentication != null) {
                    listener.put("authentication", Map.of("type", authentication));
                }
                listeners.add(listener);
                return this;
            }

            /** {@code spec.kafka.authorization.type}, e.g. {@code simple} (ACLs from {@link KafkaUser}s). */
            public Builder authorization(String type) {
                this.authorization = type;
                return this;
            }

            /** One broker setting in {@code spec.kafka.config}. */
            public Builder config(String key, Object value) {
                config.put(key, value);
                return this;
            }

            /** {@code spec.entityOperator} with the topic and user operators, so KafkaTopic/KafkaUser take effect. */
            public Builder entityOperator(boolean on) {
                this.entityOperator = on;
                return this;
            }

            public Args build() {
                if (version == null || listeners.isEmpty()) {
                    throw new IllegalArgumentException("Kafka " + metadata.name() + " needs a version and a listener");
                }
                return new Args(this);
            }
        }
    }
}
