package dev.fluxo.components.capture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kafka Connect configuration of the Debezium PostgreSQL connector and of the MSK Connect workers. Pure
 * functions of their inputs, so tests read exactly what MSK Connect receives.
 *
 * <p>Credentials never appear: {@code database.user} and {@code database.password} are
 * {@code ${secretsmanager:<secret name>:username|password}} references that the Secrets Manager config provider
 * ({@value #CONFIG_PROVIDER_CLASS}, packaged in the plugin zip) resolves on the workers at run time. The reference
 * uses the secret's NAME because Kafka's {@code ${provider:path:key}} syntax splits on ':' and an ARN is full of them.
 */
public final class DebeziumConfig {
    /** The Debezium release the plugin archive must contain (the same as the local target's embedded engine). */
    public static final String DEBEZIUM_VERSION = "3.6.1.Final";
    public static final String CONNECTOR_CLASS = "io.debezium.connector.postgresql.PostgresConnector";
    public static final String CONFIG_PROVIDER = "secretsmanager";
    public static final String CONFIG_PROVIDER_CLASS = "dev.fluxo.connect.SecretsManagerConfigProvider";
    /** The config provider name and class Strimzi's Kafka Connect images ship for Kubernetes Secrets. */
    public static final String KUBERNETES_CONFIG_PROVIDER = "secrets";
    public static final String KUBERNETES_CONFIG_PROVIDER_CLASS = "io.strimzi.kafka.KubernetesSecretConfigProvider";
    public static final String JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";
    /** Advances the replication slot through the WAL even when the captured tables are idle, without a heartbeat table. */
    public static final String HEARTBEAT_QUERY = "SELECT pg_logical_emit_message(false, 'fluxo-heartbeat', now()::text)";

    private DebeziumConfig() {
    }

    /**
     * The connection and capture settings.
     *
     * @param database      host, port and database name
     * @param secretName    the Secrets Manager secret holding {@code username} and {@code password}
     * @param capture       what to capture and how
     * @param topic         how Kafka Connect creates the change topics
     */
    public static Map<String, String> connector(Database database, String secretName, Capture capture, Topic topic) {
        return connector(database, new Credentials(secretReference(secretName, "username"),
                secretReference(secretName, "password")), capture, topic);
    }

    /**
     * The same settings with credentials from any config provider (e.g. {@link #kubernetesSecretReference}).
     *
     * @param credentials config-provider references for the user and the password, never the values
     */
    public static Map<String, String> connector(Database database, Credentials credentials, Capture capture, Topic topic) {
        var config = new LinkedHashMap<String, String>();
        config.put("connector.class", CONNECTOR_CLASS);
        config.put("tasks.max", "1");
        config.put("plugin.name", "pgoutput");
        config.put("database.hostname", database.host());
        config.put("database.port", Integer.toString(database.port()));
        config.put("database.dbname", database.name());
        config.put("database.user", credentials.user());
        config.put("database.password", credentials.password());
        config.put("database.sslmode", "require");
        config.put("topic.prefix", capture.topicPrefix());
        config.put("table.include.list", String.join(",", capture.tables()));
        config.put("publication.name", capture.publicationName());
        config.put("publication.autocreate.mode", "filtered");
        config.put("slot.name", capture.slotName());
        config.put("snapshot.mode", capture.snapshotMode());
        config.put("heartbeat.interval.ms", Integer.toString(capture.heartbeatIntervalMs()));
        config.put("heartbeat.action.query", HEARTBEAT_QUERY);
        config.put("key.converter", JSON_CONVERTER);
        config.put("key.converter.schemas.enable", "false");
        config.put("value.converter", JSON_CONVERTER);
        config.put("value.converter.schemas.enable", "false");
        config.put("topic.creation.default.partitions", Integer.toString(topic.partitions()));
        config.put("topic.creation.default.replication.factor", Integer.toString(topic.replicationFactor()));
        config.put("topic.creation.default.cleanup.policy", "delete");
        config.put("topic.creation.default.retention.ms", Long.toString(topic.retentionHours() * 3_600_000L));
        return Map.copyOf(config);
    }

    /** The worker properties: JSON converters without schemas, topic creation on, the Secrets Manager provider. */
    public static String workerProperties(String region) {
        return String.join("\n", List.of(
                "key.converter=" + JSON_CONVERTER,
                "key.converter.schemas.enable=false",
                "value.converter=" + JSON_CONVERTER,
                "value.converter.schemas.enable=false",
                "topic.creation.enable=true",
                "config.providers=" + CONFIG_PROVIDER,
                "config.providers." + CONFIG_PROVIDER + ".class=" + CONFIG_PROVIDER_CLASS,
                "config.providers." + CONFIG_PROVIDER + ".param.region=" + region)) + "\n";
    }

    /** {@code ${secretsmanager:<secret name>:<key>}}. */
    public static String secretReference(String secretName, String key) {
        return "${" + CONFIG_PROVIDER + ":" + secretName + ":" + key + "}";
    }

    /** {@code ${secrets:<namespace>/<secret>:<key>}}: a key of a Kubernetes Secret, read by Strimzi's provider. */
    public static String kubernetesSecretReference(String namespace, String secretName, String key) {
        return "${" + KUBERNETES_CONFIG_PROVIDER + ":" + namespace + "/" + secretName + ":" + key + "}";
    }

    /**
     * The secret's name from its ARN: {@code arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 random>}
     * → {@code <name>}.
     */
    public static String secretName(String secretArn) {
        var parts = secretArn.split(":", 7);
        if (parts.length < 7 || !parts[2].equals("secretsmanager") || !parts[5].equals("secret")) {
            throw new IllegalArgumentException("not a Secrets Manager secret ARN: " + secretArn);
        }
        var nameWithSuffix = parts[6];
        return nameWithSuffix.matches(".+-[A-Za-z0-9]{6}") ? nameWithSuffix.substring(0, nameWithSuffix.length() - 7)
                : nameWithSuffix;
    }

    /** Config-provider references to the database user and password. */
    public record Credentials(String user, String password) {
        public Credentials {
            if (!user.startsWith("${") || !password.startsWith("${")) {
                throw new IllegalArgumentException("database credentials must be config-provider references "
                        + "(${provider:path:key}), never values");
            }
        }
    }

    /** Where the database is. */
    public record Database(String host, int port, String name) {
    }

    /** What is captured. */
    public record Capture(String topicPrefix, List<String> tables, String publicationName, String slotName,
                          String snapshotMode, int heartbeatIntervalMs) {
    }

    /** How Kafka Connect creates the change topics ({@code topic.creation.default.*}). */
    public record Topic(int partitions, int replicationFactor, int retentionHours) {
    }
}
