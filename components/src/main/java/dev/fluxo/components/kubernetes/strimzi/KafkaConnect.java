package dev.fluxo.components.kubernetes.strimzi;

import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Strimzi {@code KafkaConnect} cluster. With {@code spec.build} the operator builds the Connect image with the
 * listed connector plugins and pushes it to {@code spec.build.output.image}; the
 * {@value #USE_CONNECTOR_RESOURCES} annotation makes it run {@link KafkaConnector} resources.
 */
public class KafkaConnect extends StrimziResource {
    public static final String KIND = "KafkaConnect";
    public static final String USE_CONNECTOR_RESOURCES = "strimzi.io/use-connector-resources";

    public KafkaConnect(String name, Args args, CustomResourceOptions opts) {
        super(KIND, name, args.metadata, args.spec(), opts);
    }

    public static Args.Builder builder(StrimziResource.Metadata metadata) {
        var annotations = new LinkedHashMap<>(metadata.annotations());
        annotations.put(USE_CONNECTOR_RESOURCES, "true");
        return new Args.Builder(new StrimziResource.Metadata(metadata.name(), metadata.namespace(), metadata.labels(),
                annotations));
    }

    /**
     * A connector plugin built into the image from one archive ({@code spec.build.plugins[].artifacts[]} of
     * {@code type: tgz}).
     *
     * @param name      the plugin directory name
     * @param url       where the archive is downloaded from
     * @param sha512sum its SHA-512 (hex), checked by the build; null to skip the check
     */
    public record TgzPlugin(String name, String url, String sha512sum) {
        Map<String, Object> toSpec() {
            var artifact = new LinkedHashMap<String, Object>();
            artifact.put("type", "tgz");
            artifact.put("url", url);
            if (sha512sum != null) {
                artifact.put("sha512sum", sha512sum);
            }
            return Map.of("name", name, "artifacts", List.of(artifact));
        }
    }

    /** The fields of {@code spec} Fluxo sets. */
    public static final class Args {
        private final StrimziResource.Metadata metadata;
        private final Map<String, Object> spec;

        private Args(Builder b) {
            this.metadata = b.metadata;
            var spec = new LinkedHashMap<String, Object>();
            spec.put("version", b.version);
            spec.put("replicas", b.replicas);
            spec.put("bootstrapServers", b.bootstrapServers);
            if (b.trustedCaSecret != null) {
                spec.put("tls", Map.of("trustedCertificates", List.of(Map.of("secretName", b.trustedCaSecret,
                        "pattern", "*.crt"))));
            }
            if (b.tlsUserSecret != null) {
                spec.put("authentication", Map.of("type", "tls", "certificateAndKey", Map.of(
                        "secretName", b.tlsUserSecret, "certificate", "user.crt", "key", "user.key")));
            }
            spec.put("config", Map.copyOf(b.config));
            if (b.resources != null) {
                spec.put("resources", b.resources);
            }
            var output = new LinkedHashMap<String, Object>();
            output.put("type", "docker");
            output.put("image", b.image);
            if (b.pushSecret != null) {
                output.put("pushSecret", b.pushSecret);
            }
            spec.put("build", Map.of("output", output, "plugins", b.plugins.stream().map(TgzPlugin::toSpec).toList()));
            this.spec = spec;
        }

        Map<String, Object> spec() {
            return spec;
        }

        public static final class Builder {
            private final StrimziResource.Metadata metadata;
            private String version;
            private int replicas = 1;
            private String bootstrapServers;
            private String trustedCaSecret;
            private String tlsUserSecret;
            private final Map<String, Object> config = new LinkedHashMap<>();
            private Map<String, Object> resources;
            private String image;
            private String pushSecret;
            private final List<TgzPlugin> plugins = new ArrayList<>();

            Builder(StrimziResource.Metadata metadata) {
                this.metadata = metadata;
            }

            /** {@code spec.version}: the Kafka version of the Connect workers. */
            public Builder version(String version) {
                this.version = version;
                return this;
            }

            /** {@code spec.replicas}; default 1. */
            public Builder replicas(int replicas) {
                this.replicas = replicas;
                return this;
            }

            /** {@code spec.bootstrapServers}. */
            public Builder bootstrapServers(String bootstrapServers) {
                this.bootstrapServers = bootstrapServers;
                return this;
            }

            /** {@code spec.tls.trustedCertificates}: the cluster CA secret's {@code *.crt}. */
            public Builder trustedCaSecret(String secretName) {
                this.trustedCaSecret = secretName;
                return this;
            }

            /** {@code spec.authentication: {type: tls}} with the {@link KafkaUser}'s secret. */
            public Builder tlsAuthentication(String userSecretName) {
                this.tlsUserSecret = userSecretName;
                return this;
            }

            /** One worker setting in {@code spec.config}. */
            public Builder config(String key, Object value) {
                config.put(key, value);
                return this;
            }

            /** {@code spec.resources}. */
            public Builder resources(Map<String, String> requests, Map<String, String> limits) {
                this.resources = Map.of("requests", requests, "limits", limits);
                return this;
            }

            /** {@code spec.build.output}: {@code type: docker}, the image to push and the registry credentials. */
            public Builder buildOutput(String image, String pushSecret) {
                this.image = image;
                this.pushSecret = pushSecret;
                return this;
            }

            /** One {@code spec.build.plugins[]} entry. */
            public Builder plugin(TgzPlugin plugin) {
                plugins.add(plugin);
                return this;
            }

            public Args build() {
                if (version == null || bootstrapServers == null || image == null || plugins.isEmpty()) {
                    throw new IllegalArgumentException("KafkaConnect " + metadata.name()
                            + " needs a version, bootstrap servers, a build output image and a plugin");
                }
                return new Args(this);
            }
        }
    }
}
