package dev.fluxo.components.kubernetes;

import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.fluxo.components.ChangeCapture;
import dev.fluxo.components.capture.DebeziumConfig;
import dev.fluxo.components.kubernetes.strimzi.StrimziResource;
import dev.fluxo.components.testing.RecordedResource;
import dev.fluxo.components.testing.RecordingMocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrimziPlatformTest {
    static final Map<String, String> TAGS = Map.of("environment", "dev", "project", "fluxo", "owner", "data-platform",
            "cost-center", "cc-1234");

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    static StrimziPlatformArgs.Builder args() {
        return StrimziPlatformArgs.builder().tags(TAGS).environment("dev")
                .database("db.example.internal", 5432, "fluxo", "fluxo-db-credentials")
                .connectImage("registry.example.com/fluxo/connect:3.6.1");
    }

    static RecordingMocks run(Consumer<com.pulumi.Context> program) {
        var mocks = new RecordingMocks();
        var result = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName("fluxo").stackName("dev").build())
                .mocks(mocks).build().runTest(program);
        assertThat(result.exceptions()).as("program exceptions").isEmpty();
        assertThat(result.exitCode()).as("errors " + result.errors()).isZero();
        return mocks;
    }

    static RecordedResource only(RecordingMocks mocks, String kind) {
        var all = mocks.ofType(StrimziResource.token(kind));
        assertThat(all).as(kind).hasSize(1);
        return all.get(0);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    static Map<String, Object> spec(RecordedResource r) {
        return map(r.inputs().get("spec"));
    }

    static Map<String, Object> metadata(RecordedResource r) {
        return map(r.inputs().get("metadata"));
    }

    @Test
    void kafkaRunsInKraftModeWithNodePoolsTlsListenerMutualTlsAndAcls() {
        var mocks = run(ctx -> new StrimziPlatform("strimzi", args().build(), null));
        var kafka = only(mocks, "Kafka");
        assertThat(kafka.inputs()).containsEntry("apiVersion", "kafka.strimzi.io/v1beta2").containsEntry("kind", "Kafka");
        assertThat(map(metadata(kafka).get("annotations")))
                .containsEntry("strimzi.io/kraft", "enabled").containsEntry("strimzi.io/node-pools", "enabled");
        var spec = map(spec(kafka).get("kafka"));
        assertThat(spec).containsEntry("version", StrimziPlatform.KAFKA_VERSION)
                .containsEntry("authorization", Map.of("type", "simple"));
        assertThat(list(spec.get("listeners"))).containsExactly(Map.of("name", "tls", "port", 9093, "type", "internal",
                "tls", true, "authentication", Map.of("type", "tls")));
        assertThat(map(spec.get("config"))).containsEntry("auto.create.topics.enable", false)
                .containsEntry("offsets.topic.replication.factor", 1);
        assertThat(map(spec(kafka).get("entityOperator"))).containsKeys("topicOperator", "userOperator");
    }

    @Test
    void devNodesUseEphemeralStorageAndProdNodesKeepPersistentClaims() {
        var dev = run(ctx -> new StrimziPlatform("strimzi", args().build(), null));
        var devPool = only(dev, "KafkaNodePool");
        assertThat(spec(devPool)).containsEntry("storage", Map.of("type", "ephemeral")).containsEntry("replicas", 1)
                .containsEntry("roles", List.of("controller", "broker"));
        assertThat(map(metadata(devPool).get("labels"))).containsEntry("strimzi.io/cluster", "fluxo");
        PulumiTest.cleanup();

        var prod = run(ctx -> new StrimziPlatform("strimzi", args().kafkaReplicas(3).storageGb(100).build(), null));
        var storage = map(spec(only(prod, "KafkaNodePool")).get("storage"));
        assertThat(storage).containsEntry("type", "jbod");
        assertThat(list(storage.get("volumes"))).containsExactly(Map.of("id", 0, "type", "persistent-claim",
                "size", "100Gi", "deleteClaim", false, "kraftMetadata", "shared"));
        assertThat(map(map(spec(only(prod, "Kafka")).get("kafka")).get("config")))
                .containsEntry("default.replication.factor", 3).containsEntry("min.insync.replicas", 2);
    }

    @Test
    void theCdcTopicTakesPartitionsReplicationAndRetentionFromTheSettings() {
        var mocks = run(ctx -> new StrimziPlatform("strimzi", args().topicPartitions(6).topicRetentionHours(24).build(), null));
        var topic = only(mocks, "KafkaTopic");
        assertThat(metadata(topic)).containsEntry("name", "fluxo.public.customers");
        assertThat(spec(topic)).containsEntry("topicName", "fluxo.public.customers").containsEntry("partitions", 6)
                .containsEntry("replicas", 1);
        assertThat(map(spec(topic).get("config"))).containsEntry("retention.ms", "86400000")
                .containsEntry("cleanup.policy", "delete");
    }

    @Test
    void usersGetLeastPrivilegeAcls() {
        var mocks = run(ctx -> new StrimziPlatform("strimzi", args().build(), null));
        var users = mocks.ofType(StrimziResource.token("KafkaUser"));
        assertThat(users).extracting(u -> metadata(u).get("name")).containsExactlyInAnyOrder("fluxo-connect", "fluxo-transform");
        var transform = users.stream().filter(u -> metadata(u).get("name").equals("fluxo-transform")).findFirst().orElseThrow();
        assertThat(map(spec(transform).get("authentication"))).containsEntry("type", "tls");
        var acls = list(map(spec(transform).get("authorization")).get("acls"));
        assertThat(acls).containsExactly(
                Map.of("resource", Map.of("type", "topic", "name", "fluxo.public.customers", "patternType", "literal"),
                        "operations", List.of("Read", "Describe")),
                Map.of("resource", Map.of("type", "group", "name", "fluxo-transform", "patternType", "literal"),
                        "operations", List.of("Read")));
        var connect = users.stream().filter(u -> metadata(u).get("name").equals("fluxo-connect")).findFirst().orElseThrow();
        var connectAcls = list(map(spec(connect).get("authorization")).get("acls"));
        assertThat(connectAcls).extracting(a -> map(map(a).get("resource")).get("name")).containsExactly(
                "fluxo.public.customers", "__debezium-heartbeat.fluxo", "fluxo-connect-", "fluxo-connect");
        assertThat(connectAcls).noneMatch(a -> list(map(a).get("operations")).contains("All"));
    }

    @Test
    void connectBuildsTheDebeziumPluginIntoAnImagePushedToTheRegistry() {
        var mocks = run(ctx -> new StrimziPlatform("strimzi", args().registryPushSecret("registry-push").build(), null));
        var connect = only(mocks, "KafkaConnect");
        assertThat(map(metadata(connect).get("annotations"))).containsEntry("strimzi.io/use-connector-resources", "true");
        var build = map(spec(connect).get("build"));
        assertThat(map(build.get("output"))).containsEntry("type", "docker")
                .containsEntry("image", "registry.example.com/fluxo/connect:3.6.1").containsEntry("pushSecret", "registry-push");
        var plugin = map(list(build.get("plugins")).get(0));
        assertThat(list(plugin.get("artifacts"))).containsExactly(Map.of("type", "tgz", "url",
                "https://repo1.maven.org/maven2/io/debezium/debezium-connector-postgres/" + DebeziumConfig.DEBEZIUM_VERSION
                        + "/debezium-connector-postgres-" + DebeziumConfig.DEBEZIUM_VERSION + "-plugin.tar.gz",
                "sha512sum", StrimziPlatform.DEBEZIUM_PLUGIN_SHA512));
        assertThat(spec(connect)).containsEntry("bootstrapServers", "fluxo-kafka-bootstrap.fluxo.svc:9093");
        assertThat(map(spec(connect).get("authentication"))).containsEntry("type", "tls");
        assertThat(map(spec(connect).get("config"))).containsEntry("config.providers", "secrets")
                .containsEntry("config.providers.secrets.class", "io.strimzi.kafka.KubernetesSecretConfigProvider")
                .containsEntry("group.id", "fluxo-connect");
    }

    @Test
    void theConnectorHasTheMskFlavoursSettingsAndReadsCredentialsFromTheSecret() {
        var mocks = run(ctx -> new StrimziPlatform("strimzi", args().build(), null));
        var connector = only(mocks, "KafkaConnector");
        assertThat(map(metadata(connector).get("labels"))).containsEntry("strimzi.io/cluster", "fluxo-cdc");
        assertThat(spec(connector)).containsEntry("class", DebeziumConfig.CONNECTOR_CLASS).containsEntry("tasksMax", 1)
                .containsEntry("autoRestart", Map.of("enabled", true));
        var config = map(spec(connector).get("config"));
        var msk = DebeziumConfig.connector(new DebeziumConfig.Database("db.example.internal", 5432, "fluxo"),
                "ignored", new DebeziumConfig.Capture(ChangeCapture.DEFAULT_TOPIC_PREFIX, ChangeCapture.DEFAULT_TABLE_INCLUDE_LIST,
                        ChangeCapture.DEFAULT_PUBLICATION_NAME, ChangeCapture.DEFAULT_SLOT_NAME,
                        ChangeCapture.DEFAULT_SNAPSHOT_MODE, ChangeCapture.DEFAULT_HEARTBEAT_INTERVAL_MS),
                new DebeziumConfig.Topic(3, 1, 168));
        msk.forEach((key, value) -> {
            if (key.equals("connector.class") || key.equals("tasks.max")) {
                assertThat(config).doesNotContainKey(key);
            } else if (!key.startsWith("database.user") && !key.startsWith("database.password")) {
                assertThat(String.valueOf(config.get(key))).as(key).isEqualTo(value);
            }
        });
        assertThat(config).containsEntry("plugin.name", "pgoutput")
                .containsEntry("heartbeat.action.query", DebeziumConfig.HEARTBEAT_QUERY)
                .containsEntry("database.user", "${secrets:fluxo/fluxo-db-credentials:username}")
                .containsEntry("database.password", "${secrets:fluxo/fluxo-db-credentials:password}");
        var role = mocks.ofType("kubernetes:rbac.authorization.k8s.io/v1:Role").get(0);
        assertThat(list(role.inputs().get("rules"))).containsExactly(Map.of("apiGroups", List.of(""),
                "resources", List.of("secrets"), "resourceNames", List.of("fluxo-db-credentials"), "verbs", List.of("get")));
    }

    @Test
    void theOperatorComesFromThePinnedChartAndWatchesOnlyItsNamespace() {
        var mocks = run(ctx -> new StrimziPlatform("strimzi", args().build(), null));
        var release = mocks.ofType("kubernetes:helm.sh/v3:Release").get(0);
        assertThat(release.inputs()).containsEntry("chart", "strimzi-kafka-operator")
                .containsEntry("version", StrimziPlatform.STRIMZI_CHART_VERSION)
                .containsEntry("namespace", "fluxo")
                .containsEntry("repositoryOpts", Map.of("repo", "https://strimzi.io/charts/"));
        assertThat(map(release.inputs().get("values"))).containsEntry("watchAnyNamespace", false)
                .containsEntry("watchNamespaces", List.of());
        assertThat(mocks.ofType("kubernetes:core/v1:Namespace")).hasSize(1);
    }

    @Test
    void ksqlDbIsOffByDefaultAndWhenOnStreamsTheCdcTopic() {
        var off = run(ctx -> new StrimziPlatform("strimzi", args().build(), null));
        assertThat(off.ofType("kubernetes:apps/v1:Deployment")).isEmpty();
        PulumiTest.cleanup();
        var on = run(ctx -> new StrimziPlatform("strimzi", args().ksqlDb(true).build(), null));
        assertThat(on.ofType("kubernetes:apps/v1:Deployment")).hasSize(1);
        var queries = on.ofType("kubernetes:core/v1:ConfigMap").get(0);
        assertThat((String) map(queries.inputs().get("data")).get("queries.sql"))
                .startsWith("CREATE STREAM IF NOT EXISTS customers_changes")
                .contains("KAFKA_TOPIC='fluxo.public.customers'", "`id` BIGINT", "`profissao` VARCHAR");
    }

    @Test
    void settingsAreValidatedTogether() {
        assertThatThrownBy(() -> StrimziPlatformArgs.builder().tags(TAGS).environment("dev").kafkaReplicas(0)
                .namespace("Bad_NS").build())
                .hasMessageContaining("namespace must be a DNS label").hasMessageContaining("kafkaReplicas must be 1-9")
                .hasMessageContaining("databaseHost is required").hasMessageContaining("connectImage");
    }
}
