package dev.fluxo.components.testing;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.rds.Instance;
import com.pulumi.aws.rds.InstanceArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.ssm.SsmFunctions;
import com.pulumi.aws.ssm.inputs.GetParameterArgs;
import com.pulumi.test.PulumiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordingMocksTest {
    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void recordsEveryResourceWithTypeNameAndInputsInRegistrationOrder() {
        var mocks = new RecordingMocks();
        PulumiTest.withMocks(mocks).runTest(ctx -> {
            new BucketV2("first", BucketV2Args.builder().bucketPrefix("raw-").build());
            new BucketV2("second", BucketV2Args.builder().bucket("exact-name").build());
        }).throwOnError();
        assertThat(mocks.ofType("aws:s3/bucketV2:BucketV2")).extracting(RecordedResource::name)
                .containsExactly("first", "second");
        assertThat(mocks.named("first").inputs()).containsEntry("bucketPrefix", "raw-");

    }

    @Test
    void computesMskBrokersOnePerNodeOnTheIamPortAndKafkaArns() {
        var mocks = new RecordingMocks();
        var cluster = new AtomicReference<com.pulumi.aws.msk.Cluster>();
        PulumiTest.withMocks(mocks).runTest(ctx -> cluster.set(new com.pulumi.aws.msk.Cluster("c",
                com.pulumi.aws.msk.ClusterArgs.builder().clusterName("fluxo-dev-events").kafkaVersion("3.8.x")
                        .numberOfBrokerNodes(3)
                        .brokerNodeGroupInfo(com.pulumi.aws.msk.inputs.ClusterBrokerNodeGroupInfoArgs.builder()
                                .instanceType("kafka.t3.small").clientSubnets("a", "b", "c").securityGroups("sg-1").build())
                        .build()))).throwOnError();
        var brokers = PulumiTest.extractValue(cluster.get().bootstrapBrokersSaslIam()).split(",");
        assertThat(brokers).hasSize(3).allMatch(b -> b.endsWith(":9098"));
        assertThat(PulumiTest.extractValue(cluster.get().arn()))
                .startsWith("arn:aws:kafka:us-east-1:123456789012:cluster/fluxo-dev-events/");
    }

    @Test
    void computesLambdaVersionsSoAliasesCanPointAtThem() {
        var mocks = new RecordingMocks();
        var function = new AtomicReference<com.pulumi.aws.lambda.Function>();
        PulumiTest.withMocks(mocks).runTest(ctx -> function.set(new com.pulumi.aws.lambda.Function("f",
                com.pulumi.aws.lambda.FunctionArgs.builder().name("fn").role("arn:aws:iam::123456789012:role/r")
                        .publish(true).build()))).throwOnError();
        assertThat(PulumiTest.extractValue(function.get().version())).isEqualTo("1");
        assertThat(PulumiTest.extractValue(function.get().qualifiedArn()))
                .isEqualTo("arn:aws:lambda:us-east-1:123456789012:function:fn:1");
    }

    @Test
    void componentsAreRecordedBeforeTheirChildren() {
        var mocks = new RecordingMocks();
        PulumiTest.withMocks(mocks).runTest(ctx -> {
            var component = new com.pulumi.resources.ComponentResource("test:index:Thing", "thing");
            new BucketV2("child", BucketV2Args.builder().build(),
                    com.pulumi.resources.CustomResourceOptions.builder().parent(component).build());
        }).throwOnError();
        assertThat(mocks.resources()).extracting(RecordedResource::name).containsExactly("thing", "child");
        assertThat(mocks.named("thing").type()).isEqualTo("test:index:Thing");
    }

    @Test
    void computesBucketNamesAndArnsLikeS3() {
        var mocks = new RecordingMocks();
        var bucket = new AtomicReference<BucketV2>();
        PulumiTest.withMocks(mocks).runTest(ctx ->
                bucket.set(new BucketV2("raw", BucketV2Args.builder().bucketPrefix("raw-dev-").build()))).throwOnError();
        var name = PulumiTest.extractValue(bucket.get().bucket());
        assertThat(name).startsWith("raw-dev-").hasSizeGreaterThan("raw-dev-".length());
        assertThat(PulumiTest.extractValue(bucket.get().arn())).isEqualTo("arn:aws:s3:::" + name);
    }

    @Test
    void computesRdsEndpointAndManagedSecretInTheConfiguredRegion() {
        var mocks = new RecordingMocks("sa-east-1");
        var db = new AtomicReference<Instance>();
        PulumiTest.withMocks(mocks).runTest(ctx -> db.set(new Instance("db", InstanceArgs.builder()
                .instanceClass("db.t4g.micro").engine("postgres").manageMasterUserPassword(true).build()))).throwOnError();
        assertThat(PulumiTest.extractValue(db.get().address())).endsWith(".sa-east-1.rds.amazonaws.com");
        assertThat(PulumiTest.extractValue(db.get().port())).isEqualTo(5432);
        assertThat(PulumiTest.extractValue(db.get().masterUserSecrets()).get(0).secretArn())
                .hasValueSatisfying(arn -> assertThat(arn).startsWith("arn:aws:secretsmanager:sa-east-1:"));
    }

    @Test
    void answersAvailabilityZonesForTheConfiguredRegion() {
        var mocks = new RecordingMocks("eu-west-1");
        var names = new AtomicReference<List<String>>();
        var zoneIds = new AtomicReference<List<String>>();
        PulumiTest.withMocks(mocks).runTest(ctx -> {
            var zones = AwsFunctions.getAvailabilityZones();
            zones.applyValue(z -> {
                names.set(z.names());
                zoneIds.set(z.zoneIds());
                return z;
            });
        }).throwOnError();
        assertThat(names.get()).containsExactly("eu-west-1a", "eu-west-1b", "eu-west-1c");
        assertThat(zoneIds.get()).containsExactly("euw1-az1", "euw1-az2", "euw1-az3");
        assertThat(mocks.invokes()).extracting(RecordedInvoke::token).containsExactly(RecordingMocks.GET_AVAILABILITY_ZONES);
    }

    @Test
    void answersCallerIdentityRegionAndPartition() {
        var mocks = new RecordingMocks();
        var values = new ArrayList<String>();
        PulumiTest.withMocks(mocks).runTest(ctx -> {
            AwsFunctions.getCallerIdentity().applyValue(r -> values.add(r.accountId()));
            AwsFunctions.getRegion().applyValue(r -> values.add(r.name()));
            AwsFunctions.getPartition().applyValue(r -> values.add(r.partition()));
        }).throwOnError();
        assertThat(values).containsExactlyInAnyOrder(RecordingMocks.ACCOUNT_ID, RecordingMocks.DEFAULT_REGION, "aws");
    }

    @Test
    void unknownInvokeFailsLoudlyNamingItsToken() {
        var mocks = new RecordingMocks();
        var result = PulumiTest.withMocks(mocks).runTest(ctx ->
                SsmFunctions.getParameter(GetParameterArgs.builder().name("x").build()).applyValue(p -> p.value()));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.exceptions().toString() + result.errors())
                .contains("aws:ssm/getParameter:getParameter");
    }

    @Test
    void invalidRegionIsRefused() {
        assertThatThrownBy(() -> new RecordingMocks("useast1")).hasMessageContaining("not an AWS region name");
    }

    @Test
    void namedFailsWithTheKnownNamesWhenAbsent() {
        var mocks = new RecordingMocks();
        PulumiTest.withMocks(mocks).runTest(ctx -> new BucketV2("only", BucketV2Args.builder().build())).throwOnError();
        assertThatThrownBy(() -> mocks.named("missing")).hasMessageContaining("only");
    }

    @Test
    void wholeNumbersAreRecordedAsIntegersAndNestedPathsAreReadable() {
        var record = new RecordedResource("t:m/r:R", "r", java.util.Map.of("port", 5432.0,
                "rules", List.of(java.util.Map.of("days", 30.0, "ratio", 0.5))));
        assertThat(record.inputs()).containsEntry("port", 5432);
        assertThat(record.input("rules.0.days")).contains(30);
        assertThat(record.input("rules.0.ratio")).contains(0.5);
        assertThat(record.input("rules.1.days")).isEmpty();
    }

    @Test
    void recordingIsThreadSafe() throws Exception {
        var mocks = new RecordingMocks();
        var threads = new ArrayList<Thread>();
        for (int t = 0; t < 4; t++) {
            final int thread = t;
            threads.add(new Thread(() -> {
                for (int i = 0; i < 250; i++) {
                    mocks.newResourceAsync(new com.pulumi.test.Mocks.ResourceArgs("aws:sqs/queue:Queue",
                            "q-" + thread + "-" + i, java.util.Map.of(), "", null));
                }
            }));
        }
        threads.forEach(Thread::start);
        for (var thread : threads) {
            thread.join();
        }
        assertThat(mocks.resources()).hasSize(1000);
    }
}
