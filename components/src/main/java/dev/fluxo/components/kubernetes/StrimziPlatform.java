package dev.fluxo.components.kubernetes;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.TCPSocketActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.helm.v3.Release;
import com.pulumi.kubernetes.helm.v3.ReleaseArgs;
import com.pulumi.kubernetes.helm.v3.inputs.RepositoryOptsArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.rbac.v1.Role;
import com.pulumi.kubernetes.rbac.v1.RoleArgs;
import com.pulumi.kubernetes.rbac.v1.RoleBinding;
import com.pulumi.kubernetes.rbac.v1.RoleBindingArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.PolicyRuleArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.RoleRefArgs;
import com.pulumi.kubernetes.rbac.v1.inputs.SubjectArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.fluxo.components.EventStream;
import dev.fluxo.components.capture.DebeziumConfig;
import dev.fluxo.components.kubernetes.strimzi.Kafka;
import dev.fluxo.components.kubernetes.strimzi.KafkaConnect;
import dev.fluxo.components.kubernetes.strimzi.KafkaConnector;
import dev.fluxo.components.kubernetes.strimzi.KafkaNodePool;
import dev.fluxo.components.kubernetes.strimzi.KafkaTopic;
import dev.fluxo.components.kubernetes.strimzi.KafkaUser;
import dev.fluxo.components.kubernetes.strimzi.StrimziResource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes flavour of the stream and of change capture: Kafka on Kubernetes with the Strimzi operator, in one
 * namespace.
 *
 * <ul>
 *   <li>the namespace and the Strimzi operator ({@code helm.v3.Release}, chart {@value #STRIMZI_CHART_VERSION} from
 *   {@value #STRIMZI_CHART_REPO}, KRaft-only), watching only that namespace;</li>
 *   <li>a KRaft {@code Kafka} ({@value #KAFKA_VERSION}) whose dual-role nodes come from one {@code KafkaNodePool}:
 *   ephemeral storage unless {@code storageGb} is set (persistent-claim, kept when the cluster is deleted); one
 *   internal listener on {@value #TLS_PORT}, TLS only, mutual-TLS client authentication, {@code simple}
 *   authorization (ACLs), the entity operator for topics and users, no topic auto-creation;</li>
 *   <li>the CDC {@code KafkaTopic} (partitions, replicas = min(3, nodes), retention);</li>
 *   <li>least-privilege {@code KafkaUser}s: Connect may write the captured tables' topics and the heartbeat topic
 *   and use its own internal topics ({@value #CONNECT_GROUP}-*) and group; the transform may read the CDC topic
 *   as group {@value #TRANSFORM_GROUP}; ksqlDB (optional) may read it and use its own internal topics;</li>
 *   <li>{@code KafkaConnect} built by the operator with the Debezium PostgreSQL connector plugin
 *   ({@value DebeziumConfig#DEBEZIUM_VERSION}, the {@code plugin} archive from Maven Central) and pushed to the
 *   configured registry, and the Debezium {@code KafkaConnector} with the same settings as the MSK Connect flavour
 *   ({@link DebeziumConfig#connector}); the database credentials are read at run time from a Kubernetes Secret by
 *   Strimzi's {@value DebeziumConfig#KUBERNETES_CONFIG_PROVIDER_CLASS} (a Role lets only the Connect service
 *   account get only that Secret); auto-restart on;</li>
 *   <li>optionally ksqlDB (Confluent Community License) with a stream over the CDC topic ({@link KsqlStream}).</li>
 * </ul>
 * Every object depends on the operator release, whose chart installs the Strimzi CRDs.
 */
public class StrimziPlatform extends ComponentResource {
    /** The Pulumi type token (outside the cross-language package {@code fluxo:index:*}). */
    public static final String TYPE = "fluxo:kubernetes:StrimziPlatform";
    public static final String DEFAULT_NAMESPACE = "fluxo";
    public static final String DEFAULT_CLUSTER_NAME = "fluxo";
    public static final int DEFAULT_KAFKA_REPLICAS = 1;
    public static final int DEFAULT_DATABASE_PORT = 5432;
    public static final int DEFAULT_CONNECT_REPLICAS = 1;
    public static final boolean DEFAULT_KSQLDB = false;
    /** ksqlDB's last Confluent Community License server image. */
    public static final String DEFAULT_KSQLDB_IMAGE = "confluentinc/ksqldb-server:0.29.0";

    public static final String STRIMZI_CHART = "strimzi-kafka-operator";
    public static final String STRIMZI_CHART_REPO = "https://strimzi.io/charts/";
    /** Strimzi 0.48: KRaft and node pools only, Kafka 4.0/4.1, {@code v1beta2} resources. */
    public static final String STRIMZI_CHART_VERSION = "0.48.0";
    public static final String KAFKA_VERSION = "4.1.0";
    public static final String KAFKA_METADATA_VERSION = "4.1-IV1";
    public static final int TLS_PORT = 9093;
    public static final String CLIENT_AUTHENTICATION = "tls";
    public static final String CONNECT_GROUP = "fluxo-connect";
    public static final String TRANSFORM_GROUP = EventStream.DEFAULT_CONSUMER_GROUP_ID;
    public static final String KSQLDB_SERVICE_ID = "fluxo_";
    /** The Debezium PostgreSQL connector's plugin archive (all its jars) on Maven Central. */
    public static final String DEBEZIUM_PLUGIN_URL = "https://repo1.maven.org/maven2/io/debezium/debezium-connector-postgres/"
            + DebeziumConfig.DEBEZIUM_VERSION + "/debezium-connector-postgres-" + DebeziumConfig.DEBEZIUM_VERSION
            + "-plugin.tar.gz";
    /**
     * SHA-512 of that archive, checked by Strimzi's build before it goes into the image (the same file the connect
     * module unpacks into the MSK plugin zip; a test there recomputes it from the resolved artifact).
     */
    public static final String DEBEZIUM_PLUGIN_SHA512 = "774f6854a6c1c9a7ad3bdb6ddd367e9479a0b80e511ea27fc361320a955f9bf5"
            + "7a72393ff0e045b868b63589e7e16c27266cda296d9b1419bb071e914ee4d212";

    /** Where clients connect: {@code <cluster>-kafka-bootstrap.<namespace>.svc:9093}. */
    public final String bootstrapServers;
    public final String namespace;
    public final String topicName;
    /** The transform's KafkaUser secret (certificate, key, PKCS12 keystore and its password). */
    public final String transformUserSecret;
    /** The cluster CA certificate secret ({@code ca.crt}, {@code ca.p12}, {@code ca.password}). */
    public final String clusterCaSecret;

    private final String name;
    private final Map<String, String> labels;
    private final CustomResourceOptions afterOperator;

    public StrimziPlatform(String name, StrimziPlatformArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        this.name = name;
        this.namespace = args.namespace();
        this.labels = labels(args.tags());
        this.topicName = args.topicName();
        var cluster = args.clusterName();
        this.bootstrapServers = cluster + "-kafka-bootstrap." + namespace + ".svc:" + TLS_PORT;
        this.clusterCaSecret = cluster + "-cluster-ca-cert";

        var ns = new Namespace(name + "-namespace", NamespaceArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(namespace).labels(namespaceLabels()).build())
                .build(), CustomResourceOptions.builder().parent(this).build());
        var operator = new Release(name + "-operator", ReleaseArgs.builder()
                .name("strimzi-operator")
                .chart(STRIMZI_CHART)
                .version(STRIMZI_CHART_VERSION)
                .repositoryOpts(RepositoryOptsArgs.builder().repo(STRIMZI_CHART_REPO).build())
                .namespace(namespace)
                .createNamespace(false)
                .atomic(true)
                .values(operatorValues())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(ns).build());
        this.afterOperator = CustomResourceOptions.builder().parent(this).dependsOn(operator).build();

        var replicas = args.replicationFactor();
        var minInSync = Math.max(1, replicas - 1);
        var pool = KafkaNodePool.builder(meta("dual-role"), cluster).replicas(args.kafkaReplicas())
                .roles("controller", "broker")
                .resources(Map.of("cpu", "250m", "memory", "1Gi"), Map.of("cpu", "1", "memory", "1Gi"));
        args.storageGb().ifPresentOrElse(gb -> pool.persistentClaimStorage(gb, false), pool::ephemeralStorage);
        var nodePool = new KafkaNodePool(name + "-nodes", pool.build(), afterOperator);
        var kafka = new Kafka(name + "-kafka", Kafka.builder(meta(cluster))
                .version(KAFKA_VERSION).metadataVersion(KAFKA_METADATA_VERSION)
                .internalListener("tls", TLS_PORT, true, CLIENT_AUTHENTICATION)
                .authorization("simple")
                .config("auto.create.topics.enable", false)
                .config("default.replication.factor", replicas)
                .config("min.insync.replicas", minInSync)
                .config("offsets.topic.replication.factor", replicas)
                .config("transaction.state.log.replication.factor", replicas)
                .config("transaction.state.log.min.isr", minInSync)
                .entityOperator(true)
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(operator, nodePool).build());
        var afterKafka = CustomResourceOptions.builder().parent(this).dependsOn(kafka).build();

        var retentionMs = Long.toString(args.topicRetentionHours() * 3_600_000L); // Pulumi serializes no longs
        var topic = new KafkaTopic(name + "-cdc-topic", meta(kubernetesName(topicName)), cluster, topicName,
                args.topicPartitions(), replicas, Map.of("retention.ms", retentionMs, "cleanup.policy", "delete",
                "min.insync.replicas", minInSync), afterKafka);

        // Connect: the captured tables' topics (the CDC topic is created above, the others by Connect's topic
        // creation with the same settings), the heartbeat topic, its own internal topics and group.
        var connectUser = KafkaUser.builder(meta(CONNECT_GROUP), cluster, CLIENT_AUTHENTICATION);
        for (var table : args.tables()) {
            connectUser.allow("topic", args.topicPrefix() + "." + table, "literal", "Write", "Create", "Describe",
                    "DescribeConfigs");
        }
        connectUser.allow("topic", "__debezium-heartbeat." + args.topicPrefix(), "literal", "Write", "Create",
                        "Describe", "DescribeConfigs")
                .allow("topic", CONNECT_GROUP + "-", "prefix", "Read", "Write", "Create", "Describe", "DescribeConfigs")
                .allow("group", CONNECT_GROUP, "literal", "Read", "Describe");
        var connectUserResource = new KafkaUser(name + "-connect-user", connectUser.build(), afterKafka);
        this.transformUserSecret = TRANSFORM_GROUP;
        new KafkaUser(name + "-transform-user", KafkaUser.builder(meta(TRANSFORM_GROUP), cluster, CLIENT_AUTHENTICATION)
                .allow("topic", topicName, "literal", "Read", "Describe")
                .allow("group", TRANSFORM_GROUP, "literal", "Read")
                .build(), afterKafka);

        var connectName = cluster + "-cdc";
        var secretReader = secretReader(connectName + "-connect", args.databaseSecretName());
        var connect = new KafkaConnect(name + "-connect", KafkaConnect.builder(meta(connectName))
                .version(KAFKA_VERSION)
                .replicas(args.connectReplicas())
                .bootstrapServers(bootstrapServers)
                .trustedCaSecret(clusterCaSecret)
                .tlsAuthentication(CONNECT_GROUP)
                .config("group.id", CONNECT_GROUP)
                .config("offset.storage.topic", CONNECT_GROUP + "-offsets")
                .config("config.storage.topic", CONNECT_GROUP + "-configs")
                .config("status.storage.topic", CONNECT_GROUP + "-status")
                .config("offset.storage.replication.factor", replicas)
                .config("config.storage.replication.factor", replicas)
                .config("status.storage.replication.factor", replicas)
                .config("key.converter", DebeziumConfig.JSON_CONVERTER)
                .config("key.converter.schemas.enable", false)
                .config("value.converter", DebeziumConfig.JSON_CONVERTER)
                .config("value.converter.schemas.enable", false)
                .config("topic.creation.enable", true)
                .config("config.providers", DebeziumConfig.KUBERNETES_CONFIG_PROVIDER)
                .config("config.providers." + DebeziumConfig.KUBERNETES_CONFIG_PROVIDER + ".class",
                        DebeziumConfig.KUBERNETES_CONFIG_PROVIDER_CLASS)
                .resources(Map.of("cpu", "250m", "memory", "1Gi"), Map.of("cpu", "1", "memory", "1Gi"))
                .buildOutput(args.connectImage(), args.registryPushSecret().orElse(null))
                .plugin(new KafkaConnect.TgzPlugin("debezium-postgres", DEBEZIUM_PLUGIN_URL, DEBEZIUM_PLUGIN_SHA512))
                .build(), CustomResourceOptions.builder().parent(this)
                .dependsOn(kafka, connectUserResource, secretReader).build());

        var credentials = new DebeziumConfig.Credentials(
                DebeziumConfig.kubernetesSecretReference(namespace, args.databaseSecretName(), "username"),
                DebeziumConfig.kubernetesSecretReference(namespace, args.databaseSecretName(), "password"));
        var config = DebeziumConfig.connector(new DebeziumConfig.Database(args.databaseHost(), args.databasePort(),
                        args.databaseName()), credentials,
                new DebeziumConfig.Capture(args.topicPrefix(), args.tables(), args.publicationName(), args.slotName(),
                        args.snapshotMode(), args.heartbeatIntervalMs()),
                new DebeziumConfig.Topic(args.topicPartitions(), replicas, args.topicRetentionHours()));
        new KafkaConnector(name + "-debezium", meta("debezium-postgres"), connectName, DebeziumConfig.CONNECTOR_CLASS,
                1, Output.of(config), true, CustomResourceOptions.builder().parent(this).dependsOn(connect, topic).build());

        if (args.ksqlDb()) {
            ksqlDb(args, cluster, afterKafka);
        }
        registerOutputs(Map.of("bootstrapServers", Output.of(bootstrapServers), "namespace", Output.of(namespace),
                "topicName", Output.of(topicName)));
    }

    /** Options for objects created after the operator (and its CRDs) exist, parented to this component. */
    public CustomResourceOptions afterOperator() {
        return afterOperator;
    }

    /** The labels every object of this platform carries. */
    public Map<String, String> labels() {
        return labels;
    }

    /** The stack's tags as {@code fluxo.dev/<tag>} labels, plus {@code app.kubernetes.io/part-of: fluxo}. */
    public static Map<String, String> labels(Map<String, String> tags) {
        var labels = new LinkedHashMap<String, String>();
        labels.put("app.kubernetes.io/part-of", "fluxo");
        tags.forEach((k, v) -> labels.put("fluxo.dev/" + k, v));
        return Map.copyOf(labels);
    }

    /** A Kubernetes object name from a Kafka topic name ({@code _} is not allowed). */
    static String kubernetesName(String topic) {
        return topic.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
    }

    private StrimziResource.Metadata meta(String objectName) {
        return StrimziResource.Metadata.of(objectName, namespace, labels);
    }

    private ObjectMetaArgs objectMeta(String objectName) {
        return ObjectMetaArgs.builder().name(objectName).namespace(namespace).labels(labels).build();
    }

    // Strimzi's own pods meet "baseline"; every Fluxo container also meets "restricted" (RestrictedPod).
    private Map<String, String> namespaceLabels() {
        var all = new LinkedHashMap<>(labels);
        all.put("pod-security.kubernetes.io/enforce", "baseline");
        all.put("pod-security.kubernetes.io/warn", "restricted");
        return all;
    }

    private static Map<String, Object> operatorValues() {
        var values = new LinkedHashMap<String, Object>();
        // The operator watches the namespace it is installed in, and only that one.
        values.put("watchAnyNamespace", false);
        values.put("watchNamespaces", List.of());
        values.put("replicas", 1);
        values.put("resources", Map.of("requests", Map.of("cpu", "200m", "memory", "384Mi"),
                "limits", Map.of("cpu", "1", "memory", "384Mi")));
        return values;
    }

    /** Lets the Connect pods' service account get exactly the database Secret, nothing else. */
    private Resource secretReader(String serviceAccount, String secretName) {
        var role = new Role(name + "-connect-secret-reader", RoleArgs.builder()
                .metadata(objectMeta("fluxo-connect-secret-reader"))
                .rules(PolicyRuleArgs.builder().apiGroups("").resources("secrets").resourceNames(secretName)
                        .verbs("get").build())
                .build(), afterOperator);
        return new RoleBinding(name + "-connect-secret-reader", RoleBindingArgs.builder()
                .metadata(objectMeta("fluxo-connect-secret-reader"))
                .roleRef(RoleRefArgs.builder().apiGroup("rbac.authorization.k8s.io").kind("Role")
                        .name("fluxo-connect-secret-reader").build())
                .subjects(SubjectArgs.builder().kind("ServiceAccount").name(serviceAccount).namespace(namespace).build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(role).build());
    }

    private void ksqlDb(StrimziPlatformArgs args, String cluster, CustomResourceOptions afterKafka) {
        var user = "fluxo-ksqldb";
        var internal = "_confluent-ksql-" + KSQLDB_SERVICE_ID;
        var ksqlUser = new KafkaUser(name + "-ksqldb-user", KafkaUser.builder(meta(user), cluster, CLIENT_AUTHENTICATION)
                .allow("topic", topicName, "literal", "Read", "Describe", "DescribeConfigs")
                .allow("topic", internal, "prefix", "All")
                .allow("group", internal, "prefix", "All")
                .allow("transactionalId", KSQLDB_SERVICE_ID, "prefix", "All")
                .build(), afterKafka);
        var queries = new ConfigMap(name + "-ksqldb-queries", ConfigMapArgs.builder()
                .metadata(objectMeta("fluxo-ksqldb-queries"))
                .data(Map.of("queries.sql", KsqlStream.createStatement(topicName)))
                .build(), afterOperator);
        var tls = new KafkaClientTls(user, clusterCaSecret);
        var env = new ArrayList<com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs>(List.of(
                KafkaClientTls.plain("KSQL_BOOTSTRAP_SERVERS", bootstrapServers),
                KafkaClientTls.plain("KSQL_KSQL_SERVICE_ID", KSQLDB_SERVICE_ID),
                KafkaClientTls.plain("KSQL_KSQL_QUERIES_FILE", "/etc/ksqldb/queries.sql"),
                KafkaClientTls.plain("KSQL_KSQL_STREAMS_STATE_DIR", "/tmp/kafka-streams"),
                KafkaClientTls.plain("KSQL_KSQL_LOGGING_PROCESSING_TOPIC_AUTO_CREATE", "false"),
                KafkaClientTls.plain("KSQL_SECURITY_PROTOCOL", "SSL"),
                KafkaClientTls.plain("KSQL_SSL_KEYSTORE_TYPE", "PKCS12"),
                KafkaClientTls.plain("KSQL_SSL_KEYSTORE_LOCATION", KafkaClientTls.KEYSTORE),
                KafkaClientTls.plain("KSQL_SSL_TRUSTSTORE_TYPE", "PKCS12"),
                KafkaClientTls.plain("KSQL_SSL_TRUSTSTORE_LOCATION", KafkaClientTls.TRUSTSTORE),
                tls.keystorePassword("KSQL_SSL_KEYSTORE_PASSWORD"),
                tls.truststorePassword("KSQL_SSL_TRUSTSTORE_PASSWORD")));
        var mounts = new ArrayList<>(tls.mounts());
        mounts.add(VolumeMountArgs.builder().name("queries").mountPath("/etc/ksqldb").readOnly(true).build());
        mounts.add(VolumeMountArgs.builder().name("tmp").mountPath("/tmp").build());
        var volumes = new ArrayList<>(tls.volumes());
        volumes.add(VolumeArgs.builder().name("queries").configMap(ConfigMapVolumeSourceArgs.builder()
                .name("fluxo-ksqldb-queries").build()).build());
        volumes.add(VolumeArgs.builder().name("tmp").emptyDir(EmptyDirVolumeSourceArgs.builder().build()).build());
        var selector = Map.of("app.kubernetes.io/name", "ksqldb");
        var podLabels = new LinkedHashMap<>(labels);
        podLabels.putAll(selector);
        var port = ProbeArgs.builder().tcpSocket(TCPSocketActionArgs.builder().port(8088).build());
        new Deployment(name + "-ksqldb", DeploymentArgs.builder()
                .metadata(objectMeta("ksqldb"))
                .spec(DeploymentSpecArgs.builder()
                        .replicas(1)
                        .selector(LabelSelectorArgs.builder().matchLabels(selector).build())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(podLabels).build())
                                .spec(PodSpecArgs.builder()
                                        .securityContext(RestrictedPod.podSecurity())
                                        .automountServiceAccountToken(false)
                                        .containers(ContainerArgs.builder()
                                                .name("ksqldb")
                                                .image(args.ksqlDbImage())
                                                .env(env)
                                                .ports(ContainerPortArgs.builder().name("http").containerPort(8088).build())
                                                .resources(RestrictedPod.resources(500, 2048))
                                                .securityContext(RestrictedPod.containerSecurity())
                                                .livenessProbe(port.initialDelaySeconds(60).periodSeconds(20).build())
                                                .readinessProbe(ProbeArgs.builder().tcpSocket(TCPSocketActionArgs.builder()
                                                        .port(8088).build()).initialDelaySeconds(20).periodSeconds(10).build())
                                                .volumeMounts(mounts)
                                                .build())
                                        .volumes(volumes)
                                        .build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(ksqlUser, queries).build());
    }
}
