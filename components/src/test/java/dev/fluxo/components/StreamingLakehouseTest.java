package dev.fluxo.components;

import com.google.gson.JsonParser;
import com.pulumi.test.PulumiTest;
import dev.fluxo.components.testing.RecordingMocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static dev.fluxo.components.ComponentTestSupport.TAGS;
import static dev.fluxo.components.ComponentTestSupport.only;
import static dev.fluxo.components.ComponentTestSupport.statements;
import static dev.fluxo.components.ComponentTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;

class StreamingLakehouseTest {
    static final String JAR = ComponentTestSupport.tempJar("lambda");
    private final RecordingMocks mocks = new RecordingMocks();
    private final ResourceOptionsRecorder options = new ResourceOptionsRecorder();

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    static StreamingLakehouseArgs args(String kind) {
        return StreamingLakehouseArgs.builder().tags(TAGS).environment("dev")
                .network(NetworkArgs.builder().tags(TAGS).interfaceEndpoints(List.of("secretsmanager", "logs")).build())
                .database(SourceDatabaseArgs.builder().tags(TAGS).environment("dev").buildSettings())
                .eventStream(EventStreamArgs.builder().tags(TAGS).environment("dev").kind(kind).buildSettings())
                .changeCapture(ChangeCaptureArgs.builder().tags(TAGS).environment("dev")
                        .pluginArchivePath(ChangeCaptureTest.PLUGIN_ZIP).pluginArchiveSha256(ChangeCaptureTest.SHA)
                        .buildSettings())
                .lakehouse(LakehouseArgs.builder().tags(TAGS).environment("dev").build())
                .producer(JavaFunctionArgs.builder().tags(TAGS).environment("dev").codePath(JAR).codeSha256("p1")
                        .handler("dev.fluxo.producer.ProducerHandler::handleRequest").build())
                .transform(JavaFunctionArgs.builder().tags(TAGS).environment("dev").codePath(JAR).codeSha256("t1")
                        .handler(kind.equals("msk") ? "dev.fluxo.transform.MskTransformHandler::handleRequest"
                                : "dev.fluxo.transform.KinesisTransformHandler::handleRequest").build())
                .job(StreamingJobArgs.builder().tags(TAGS).environment("dev").jobJarPath(StreamingJobTest.JAR)
                        .jobJarSha256(StreamingJobTest.SHA).buildSettings())
                .build();
    }

    private StreamingLakehouse deploy(String kind) {
        return deploy(args(kind));
    }

    private StreamingLakehouse deploy(StreamingLakehouseArgs args) {
        var lake = new AtomicReference<StreamingLakehouse>();
        ComponentTestSupport.run(mocks, Map.of(), options,
                ctx -> lake.set(new StreamingLakehouse("fluxo", args, null)));
        return lake.get();
    }

    /** The arguments of {@link #args(String)} with one more setting. */
    private static StreamingLakehouseArgs argsWith(String kind,
                                                   java.util.function.Consumer<StreamingLakehouseArgs.Builder> more) {
        var base = args(kind);
        var b = StreamingLakehouseArgs.builder().tags(base.tags()).environment(base.environment())
                .network(base.network()).database(base.database()).eventStream(base.eventStream())
                .changeCapture(base.changeCapture()).lakehouse(base.lakehouse()).producer(base.producer())
                .transform(base.transform()).job(base.job());
        more.accept(b);
        return b.build();
    }

    /** Every Allow statement of every inline policy attached to the role with this logical name. */
    private List<Map<String, Object>> grantsOf(String roleName) {
        var roleId = mocks.named(roleName).outputs().get("id");
        return mocks.ofType("aws:iam/rolePolicy:RolePolicy").stream()
                .filter(p -> roleId.equals(p.inputs().get("role")))
                .flatMap(p -> statements(p).stream())
                .filter(s -> "Allow".equals(s.get("Effect")))
                .toList();
    }

    /** The resources on which the role may perform {@code action}. */
    private List<String> resourcesFor(String roleName, String action) {
        return grantsOf(roleName).stream()
                .filter(s -> ComponentTestSupport.list(s.get("Action")).contains(action))
                .flatMap(s -> s.get("Resource") instanceof List<?> l ? l.stream().map(String::valueOf)
                        : java.util.stream.Stream.of(String.valueOf(s.get("Resource"))))
                .toList();
    }

    private static String objects(StreamingLakehouse lake, dev.fluxo.schema.Layer layer) {
        return value(lake.lakehouse().bucketArn(layer)) + "/*";
    }

    @Test
    void mskPipelineComposesEveryPartWithDebeziumAndAnMskSource() {
        deploy("msk");
        for (var type : List.of(Network.TYPE, SourceDatabase.TYPE, EventStream.TYPE, ChangeCapture.TYPE, Lakehouse.TYPE,
                StreamingJob.TYPE)) {
            assertThat(mocks.ofType(type)).as(type).hasSize(1);
        }
        assertThat(mocks.ofType(JavaFunction.TYPE)).hasSize(2);
        assertThat(mocks.ofType("aws:mskconnect/connector:Connector")).hasSize(1);
        assertThat(only(mocks, "aws:lambda/eventSourceMapping:EventSourceMapping").inputs())
                .containsEntry("topics", List.of(EventStream.DEFAULT_TOPIC_NAME));
        assertThat(mocks.ofType("aws:dms/replicationTask:ReplicationTask")).isEmpty();
    }

    @Test
    void kinesisPipelineCapturesWithDmsAndTheTransformReadsTheStream() {
        var lake = deploy("kinesis");
        assertThat(mocks.ofType("aws:mskconnect/connector:Connector")).isEmpty();
        assertThat(mocks.ofType("aws:dms/replicationTask:ReplicationTask")).hasSize(1);
        assertThat(only(mocks, "aws:lambda/eventSourceMapping:EventSourceMapping").inputs())
                .containsEntry("eventSourceArn", value(lake.eventStream().streamArn));
        assertThat(value(lake.streamName)).isEqualTo("fluxo-dev-events");
    }

    @Test
    void transformWritesBronzeAndSilverButCannotWriteGold() {
        var lake = deploy("kinesis");
        var writable = resourcesFor("transform-role", "s3:PutObject");
        assertThat(writable).contains(objects(lake, dev.fluxo.schema.Layer.BRONZE),
                objects(lake, dev.fluxo.schema.Layer.SILVER)).doesNotContain(objects(lake, dev.fluxo.schema.Layer.GOLD));
        assertThat(resourcesFor("transform-role", "kinesis:GetRecords")).contains(value(lake.eventStream().streamArn));
        assertThat(resourcesFor("transform-role", "secretsmanager:GetSecretValue"))
                .containsExactly(value(lake.maskingKeySecretArn));
        // the Glue Iceberg REST endpoint's first call (GET /v1/config) reads the catalog
        assertThat(resourcesFor("transform-role", "glue:GetCatalog")).anyMatch(arn -> arn.endsWith(":catalog"));
        assertThat(mocks.named("transform-function").input("environment.variables.FLUXO_CATALOG")).contains("glue-rest");
        // the compute-bound transform runs with C2 (Lambda's Java runtimes stop at C1 unless told otherwise)
        assertThat(mocks.named("transform-function").input("environment.variables.JAVA_TOOL_OPTIONS"))
                .contains("-XX:+TieredCompilation -XX:TieredStopAtLevel=4");
        assertThat(mocks.named("producer-function").input("environment.variables.JAVA_TOOL_OPTIONS")).isEmpty();
    }

    @Test
    void jobReadsSilverWritesGoldAndCannotWriteBronze() {
        var lake = deploy("msk");
        var writable = resourcesFor("gold-job-job-role", "s3:PutObject");
        assertThat(writable).contains(objects(lake, dev.fluxo.schema.Layer.GOLD))
                .doesNotContain(objects(lake, dev.fluxo.schema.Layer.BRONZE), objects(lake, dev.fluxo.schema.Layer.SILVER));
        assertThat(resourcesFor("gold-job-job-role", "s3:GetObject")).contains(objects(lake, dev.fluxo.schema.Layer.SILVER))
                .doesNotContain(objects(lake, dev.fluxo.schema.Layer.BRONZE));
        assertThat(value(lake.job().jarUri)).startsWith("s3://");
    }

    @Test
    void producerRunsInTheVpcReachesTheDatabaseAndReadsItsSecret() {
        var lake = deploy("msk");
        var rule = mocks.named("producer-to-database");
        assertThat(rule.inputs()).containsEntry("securityGroupId", value(lake.database().securityGroupId))
                .containsEntry("referencedSecurityGroupId", value(lake.producer().securityGroupId().orElseThrow()))
                .containsEntry("fromPort", 5432);
        assertThat(resourcesFor("producer-role", "secretsmanager:GetSecretValue"))
                .containsExactly(value(lake.database().masterSecretArn));
        var producer = mocks.named("producer-function");
        assertThat(producer.input("environment.variables.FLUXO_DB_HOST")).contains(value(lake.database().address));
        assertThat(producer.input("environment.variables.FLUXO_DB_SSLMODE")).contains("require");
        assertThat(mocks.named("producer-schedule").inputs())
                .containsEntry("scheduleExpression", StreamingLakehouse.DEFAULT_PRODUCER_SCHEDULE);
    }

    @Test
    void mskPollersAndTheConnectorAreAdmittedByTheCluster() {
        var lake = deploy("msk");
        var clusterSg = value(lake.eventStream().securityGroupId);
        var ingress = mocks.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").stream()
                .filter(r -> clusterSg.equals(r.inputs().get("securityGroupId"))).toList();
        assertThat(ingress).extracting(r -> r.inputs().get("referencedSecurityGroupId"))
                .containsExactlyInAnyOrder(clusterSg, value(lake.changeCapture().securityGroupId));
        assertThat(ingress).allSatisfy(r -> assertThat(r.inputs()).containsEntry("fromPort", 9098));
    }

    @Test
    void everyAlarmNotifiesTheOneEncryptedTopic() {
        var lake = deploy("msk");
        var topicArn = value(lake.alarmTopicArn);
        var alarms = mocks.ofType("aws:cloudwatch/metricAlarm:MetricAlarm");
        assertThat(alarms).hasSizeGreaterThan(8)
                .allSatisfy(a -> assertThat(a.inputs()).containsEntry("alarmActions", List.of(topicArn)));
        var topic = only(mocks, "aws:sns/topic:Topic");
        var key = mocks.named("fluxo-alarms-key");
        assertThat(topic.inputs()).containsEntry("kmsMasterKeyId", key.outputs().get("arn"));
        var keyPolicy = JsonParser.parseString((String) key.inputs().get("policy")).toString();
        assertThat(keyPolicy).contains("cloudwatch.amazonaws.com", "events.amazonaws.com");
    }

    @Test
    void maskingKeyIsGeneratedOnceAndNoSecretValueAppearsInAnyOtherInput() {
        var lake = deploy("kinesis");
        var version = mocks.named("fluxo-masking-key-value");
        assertThat(version.inputs()).containsEntry("secretString", RecordingMocks.MOCK_RANDOM_PASSWORD);
        assertThat(options.options("fluxo-masking-key-value").getIgnoreChanges()).contains("secretString");
        assertThat(mocks.resources()).filteredOn(r -> r != version)
                .allSatisfy(r -> assertThat(r.inputs().toString()).doesNotContain(RecordingMocks.MOCK_RANDOM_PASSWORD));
        assertThat(value(lake.maskingKeySecretArn)).contains(":secret:fluxo/dev/masking-key-");
    }

    @Test
    void oneDashboardFollowsTheWholePath() {
        var lake = deploy("kinesis");
        var dashboard = only(mocks, "aws:cloudwatch/dashboard:Dashboard");
        var widgets = JsonParser.parseString((String) dashboard.inputs().get("dashboardBody")).getAsJsonObject()
                .getAsJsonArray("widgets");
        var titles = new java.util.ArrayList<String>();
        widgets.forEach(w -> titles.add(w.getAsJsonObject().getAsJsonObject("properties").get("title").getAsString()));
        assertThat(titles).hasSize(6);
        assertThat(titles.get(0)).contains("replication slot lag");
        assertThat(titles.get(5)).contains("Gold freshness");
        assertThat(dashboard.inputs().get("dashboardBody").toString()).contains("GoldFreshnessSeconds", "CDCLatencySource",
                "IteratorAge", "ExecutionsFailed");
        assertThat(value(lake.dashboardUrl)).endsWith("#dashboards:name=fluxo-dev-pipeline");
    }

    @Test
    void mskAndKinesisPipelinesHaveNoMandatoryPolicyViolations() {
        deploy("msk");
        assertThat(ComponentTestSupport.mandatoryViolations(mocks, "dev")).isEmpty();
        mocks.clear();
        PulumiTest.cleanup();
        deploy("kinesis");
        assertThat(ComponentTestSupport.mandatoryViolations(mocks, "dev")).isEmpty();
    }

    @Test
    void everyTaggableResourceOfBothPipelinesCarriesTheRequiredTagsAndAName() {
        for (var kind : List.of("msk", "kinesis")) {
            mocks.clear();
            PulumiTest.cleanup();
            var result = ComponentTestSupport.run(mocks, ctx -> new StreamingLakehouse("fluxo", args(kind), null));
            var taggable = result.resources().stream()
                    .filter(r -> r instanceof com.pulumi.resources.CustomResource)
                    .filter(r -> hasTagsOutput(r))
                    .toList();
            assertThat(taggable).as(kind).hasSizeGreaterThan(60);
            for (var resource : taggable) {
                var recorded = mocks.ofType(resource.pulumiResourceType()).stream()
                        .filter(r -> r.name().equals(resource.pulumiResourceName())).findFirst().orElseThrow();
                assertThat(recorded.tags()).as(kind + " " + recorded.type() + " " + recorded.name())
                        .containsKeys("environment", "project", "owner", "cost-center", "Name");
            }
        }
    }

    private static boolean hasTagsOutput(Object resource) {
        try {
            resource.getClass().getMethod("tags");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Test
    void outputsNameWhatAUserNeedsAndHoldNoSecretValue() {
        var lake = deploy("msk");
        assertThat(value(lake.athenaWorkgroupName)).isEqualTo("fluxo-dev");
        assertThat(value(lake.bootstrapBrokersSaslIam)).contains(":9098");
        assertThat(value(lake.transformFunctionName)).isEqualTo("fluxo-dev-transform");
        assertThat(value(lake.databaseSecretArn)).startsWith("arn:aws:secretsmanager:");
        var component = mocks.ofType(StreamingLakehouse.TYPE);
        assertThat(component).hasSize(1);
        assertThat(component.get(0).inputs().toString()).doesNotContain(RecordingMocks.MOCK_RANDOM_PASSWORD);
    }

    @Test
    void byDefaultEachComponentHasItsOwnKey() {
        deploy("kinesis");
        // source, flow logs, alarms, events, job, transform, producer, lakehouse
        assertThat(mocks.ofType("aws:kms/key:Key")).hasSize(8);
    }

    @Test
    void sharedKeyIsTheOnlyKeyAndEncryptsEveryPart() {
        deploy(argsWith("kinesis", b -> b.sharedKey(true)));
        var key = only(mocks, "aws:kms/key:Key");
        var arn = key.outputs().get("arn");
        assertThat(key.name()).isEqualTo("fluxo-key");
        assertThat(only(mocks, "aws:sns/topic:Topic").inputs()).containsEntry("kmsMasterKeyId", arn);
        assertThat(only(mocks, "aws:rds/instance:Instance").inputs()).containsEntry("kmsKeyId", arn);
        assertThat(only(mocks, "aws:kinesis/stream:Stream").inputs()).containsEntry("kmsKeyId", arn);
        assertThat(mocks.ofType("aws:cloudwatch/logGroup:LogGroup"))
                .allSatisfy(g -> assertThat(g.inputs()).containsEntry("kmsKeyId", arn));
        // S3 server access logging only delivers to SSE-S3 buckets, so the access-log bucket is the one exception.
        assertThat(mocks.ofType("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"))
                .filteredOn(c -> !c.name().contains("access-logs"))
                .hasSize(5).allSatisfy(c -> assertThat(c.inputs().toString()).contains(String.valueOf(arn)));
        var policy = (String) key.inputs().get("policy");
        assertThat(policy).contains("logs.us-east-1.amazonaws.com", "cloudwatch.amazonaws.com", "events.amazonaws.com");
        assertThat(only(mocks, "aws:kms/alias:Alias").inputs()).containsEntry("name", "alias/fluxo-dev");
        assertThat(ComponentTestSupport.mandatoryViolations(mocks, "dev")).isEmpty();

        mocks.clear();
        PulumiTest.cleanup();
        deploy(argsWith("msk", b -> b.sharedKey(true)));
        var mskKey = only(mocks, "aws:kms/key:Key").outputs().get("arn");
        assertThat(only(mocks, "aws:msk/cluster:Cluster").input("encryptionInfo.encryptionAtRestKmsKeyArn"))
                .contains(mskKey);
    }

    @Test
    void jobOutsideTheVpcHasNoNetworkConfigurationOrSecurityGroup() {
        deploy(argsWith("kinesis", b -> b.jobInPrivateSubnets(false)));
        assertThat(only(mocks, "aws:emrserverless/application:Application").inputs()).doesNotContainKey("networkConfiguration");
        assertThat(mocks.resources()).noneMatch(r -> r.name().equals("gold-job-sg"));
        mocks.clear();
        PulumiTest.cleanup();
        deploy("kinesis");
        assertThat(only(mocks, "aws:emrserverless/application:Application").inputs()).containsKey("networkConfiguration");
    }

    @Test
    void theTransformTheJobAndItsMaintenanceAddressTheGlueDatabasesTheLakehouseCreated() {
        var lake = deploy("kinesis");
        var databases = value(lake.glueDatabaseNames);
        assertThat(databases).containsEntry("gold", "fluxo_dev_gold").containsEntry("silver", "fluxo_dev_silver");
        var definition = JsonParser.parseString((String) only(mocks, "aws:sfn/stateMachine:StateMachine").inputs()
                .get("definition")).toString();
        assertThat(definition).contains("\"--namespace-prefix\",\"fluxo_dev_\"");
        var maintenance = mocks.named("gold-job-maintenance").inputs().toString();
        assertThat(maintenance).contains("--namespace-prefix", "fluxo_dev_");
        assertThat(mocks.named("transform-function").input("environment.variables.FLUXO_CATALOG_NAMESPACE_PREFIX"))
                .contains("fluxo_dev_");
    }
}
