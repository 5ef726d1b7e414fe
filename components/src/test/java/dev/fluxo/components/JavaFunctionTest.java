package dev.fluxo.components;

import com.pulumi.core.Output;
import com.pulumi.test.PulumiTest;
import dev.fluxo.components.testing.RecordedResource;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JavaFunctionTest {
    static final String FUNCTION = "aws:lambda/function:Function";
    static final String MAPPING = "aws:lambda/eventSourceMapping:EventSourceMapping";
    static final String ALARMS_TOPIC = "arn:aws:sns:us-east-1:123456789012:alarms";
    static final String JAR = ComponentTestSupport.tempJar("transform");
    private final RecordingMocks mocks = new RecordingMocks();

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    static JavaFunctionArgs.Builder required() {
        return JavaFunctionArgs.builder().tags(TAGS).environment("dev").codePath(JAR).codeSha256("abc123")
                .handler("dev.fluxo.lambdas.TransformHandler::handleRequest");
    }

    private JavaFunction deploy(JavaFunctionArgs.Builder args) {
        var function = new AtomicReference<JavaFunction>();
        ComponentTestSupport.run(mocks, ctx -> function.set(new JavaFunction("transform", args.build(), null)));
        return function.get();
    }

    private RecordedResource function() {
        return only(mocks, FUNCTION);
    }

    @Test
    void functionRunsTheJarOnJavaWithTheDefaultSizeAndRedeploysOnANewHash() {
        deploy(required());
        assertThat(function().inputs()).containsEntry("runtime", JavaFunction.DEFAULT_RUNTIME)
                .containsEntry("memorySize", JavaFunction.DEFAULT_MEMORY_MB)
                .containsEntry("timeout", JavaFunction.DEFAULT_TIMEOUT_SECONDS)
                .containsEntry("sourceCodeHash", "abc123")
                .containsEntry("handler", "dev.fluxo.lambdas.TransformHandler::handleRequest")
                .containsEntry("name", "fluxo-dev-transform")
                .containsKey("code");
    }

    @Test
    void snapStartAppliesToPublishedVersionsAndTheLiveAliasPointsAtTheNewVersion() {
        var fn = deploy(required());
        assertThat(function().inputs()).containsEntry("publish", true);
        assertThat(function().input("snapStart.applyOn")).contains("PublishedVersions");
        var alias = only(mocks, "aws:lambda/alias:Alias");
        assertThat(alias.inputs()).containsEntry("name", JavaFunction.ALIAS)
                .containsEntry("functionVersion", function().outputs().get("version"));
        assertThat(value(fn.aliasArn)).endsWith(":function:fluxo-dev-transform:live");
    }

    @Test
    void snapStartCanBeTurnedOff() {
        deploy(required().snapStart(false));
        assertThat(function().inputs()).doesNotContainKey("snapStart");
    }

    @Test
    void logsGoToTheFunctionsOwnEncryptedGroupWithRetention() {
        var fn = deploy(required().logRetentionDays(14));
        var group = only(mocks, "aws:cloudwatch/logGroup:LogGroup");
        assertThat(group.inputs()).containsEntry("retentionInDays", 14).containsKey("kmsKeyId")
                .containsEntry("name", "/fluxo/dev/lambda/transform");
        assertThat(function().input("loggingConfig.logGroup")).contains(value(fn.logGroupName));
        assertThat(function().input("loggingConfig.logFormat")).contains("JSON");
    }

    @Test
    void failedInvocationsGoToAnEncryptedQueueKeptFourteenDays() {
        var fn = deploy(required());
        var queue = only(mocks, "aws:sqs/queue:Queue");
        assertThat(queue.inputs()).containsEntry("messageRetentionSeconds", 1_209_600).containsKey("kmsMasterKeyId");
        assertThat(function().input("deadLetterConfig.targetArn")).contains(value(fn.deadLetterQueueArn));
    }

    @Test
    void roleMayOnlyWriteItsLogsSendToItsQueueAndUseItsKey() {
        var fn = deploy(required());
        var base = mocks.named("transform-base");
        var byId = new java.util.HashMap<Object, Object>();
        statements(base).forEach(s -> byId.put(s.get("Sid"), s.get("Resource")));
        var logGroupArn = (String) only(mocks, "aws:cloudwatch/logGroup:LogGroup").outputs().get("arn");
        assertThat(byId).containsEntry("WriteOwnLogs", logGroupArn + ":*")
                .containsEntry("SendToOwnDeadLetterQueue", value(fn.deadLetterQueueArn))
                .containsEntry("UseOwnKey", only(mocks, "aws:kms/key:Key").outputs().get("arn"));
        assertThat(mocks.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment")).isEmpty();
        assertThat(only(mocks, "aws:iam/role:Role").inputs().get("assumeRolePolicy").toString())
                .contains("lambda.amazonaws.com");
    }

    @Test
    void inAVpcTheFunctionHasItsOwnEgressOnlySecurityGroupAndTheVpcAccessPolicy() {
        var fn = deploy(required().vpcId(Output.of("vpc-1")).subnetIds(Output.of(List.of("subnet-a", "subnet-b"))));
        var sg = only(mocks, "aws:ec2/securityGroup:SecurityGroup");
        assertThat(sg.inputs()).doesNotContainKey("ingress");
        assertThat(mocks.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")).isEmpty();
        assertThat(mocks.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule")).hasSize(1);
        assertThat(function().input("vpcConfig.securityGroupIds")).contains(List.of(value(fn.securityGroupId().orElseThrow())));
        assertThat(only(mocks, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").inputs().get("policyArn"))
                .isEqualTo("arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole");
    }

    @Test
    void kinesisSourceReadsFromTheOldestRecordWithBoundedRetriesAndFailuresToTheQueue() {
        var fn = deploy(required().kinesisSource(Output.of("arn:aws:kinesis:us-east-1:123456789012:stream/s")));
        var mapping = only(mocks, MAPPING);
        assertThat(mapping.inputs()).containsEntry("functionName", value(fn.aliasArn))
                .containsEntry("startingPosition", "TRIM_HORIZON")
                .containsEntry("batchSize", JavaFunction.DEFAULT_BATCH_SIZE)
                .containsEntry("maximumBatchingWindowInSeconds", JavaFunction.DEFAULT_BATCHING_WINDOW_SECONDS)
                .containsEntry("functionResponseTypes", List.of("ReportBatchItemFailures"))
                .containsEntry("bisectBatchOnFunctionError", true)
                .containsEntry("maximumRetryAttempts", JavaFunction.DEFAULT_MAXIMUM_RETRY_ATTEMPTS)
                .containsEntry("maximumRecordAgeInSeconds", JavaFunction.DEFAULT_MAXIMUM_RECORD_AGE_SECONDS);
        assertThat(mapping.input("destinationConfig.onFailure.destinationArn")).contains(value(fn.deadLetterQueueArn));
    }

    @Test
    void mskSourceReadsOneTopicAsTheConsumerGroupWithTheMskExecutionPolicy() {
        var cluster = "arn:aws:kafka:us-east-1:123456789012:cluster/c/uuid";
        deploy(required().mskSource(Output.of(cluster), "fluxo.public.customers", "fluxo-transform", 500, 2));
        var mapping = only(mocks, MAPPING);
        assertThat(mapping.inputs()).containsEntry("eventSourceArn", cluster)
                .containsEntry("topics", List.of("fluxo.public.customers"))
                .containsEntry("startingPosition", "TRIM_HORIZON")
                .containsEntry("batchSize", 500);
        assertThat(mapping.input("amazonManagedKafkaEventSourceConfig.consumerGroupId")).contains("fluxo-transform");
        assertThat(only(mocks, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").inputs().get("policyArn").toString())
                .endsWith("AWSLambdaMSKExecutionRole");
    }

    @Test
    void scheduleInvokesTheLiveAliasThroughEventBridge() {
        var fn = deploy(required().schedule("rate(1 minute)"));
        assertThat(only(mocks, "aws:cloudwatch/eventRule:EventRule").inputs())
                .containsEntry("scheduleExpression", "rate(1 minute)");
        assertThat(only(mocks, "aws:cloudwatch/eventTarget:EventTarget").inputs()).containsEntry("arn", value(fn.aliasArn));
        assertThat(only(mocks, "aws:lambda/permission:Permission").inputs())
                .containsEntry("principal", "events.amazonaws.com").containsEntry("qualifier", JavaFunction.ALIAS);
    }

    @Test
    void alarmsWatchErrorsThrottlesIteratorAgeAndDeadLetters() {
        deploy(required().kinesisSource(Output.of("arn:aws:kinesis:us-east-1:123456789012:stream/s"))
                .alarmTopicArn(Output.of(ALARMS_TOPIC)));
        var alarms = mocks.ofType("aws:cloudwatch/metricAlarm:MetricAlarm");
        assertThat(alarms).extracting(a -> a.inputs().get("metricName"))
                .containsExactlyInAnyOrder("Errors", "Throttles", "IteratorAge", "ApproximateNumberOfMessagesVisible");
        assertThat(alarms).allSatisfy(a -> assertThat(a.inputs()).containsEntry("alarmActions", List.of(ALARMS_TOPIC)));
    }

    @Test
    void noAlarmTopicNoAlarms() {
        deploy(required());
        assertThat(mocks.ofType("aws:cloudwatch/metricAlarm:MetricAlarm")).isEmpty();
    }

    @Test
    void environmentVariablesArePassedThrough() {
        deploy(required().environmentVariables(Map.of("BRONZE_BUCKET", Output.of("bronze-1"))));
        assertThat(function().input("environment.variables")).contains(Map.of("BRONZE_BUCKET", "bronze-1"));
    }

    @Test
    void invalidArgumentsAreAllReportedAtOnce() {
        assertThatThrownBy(() -> JavaFunctionArgs.builder().tags(TAGS).environment("dev").memoryMb(64)
                .schedule("every minute").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("codePath is required")
                .hasMessageContaining("codeSha256 is required")
                .hasMessageContaining("memoryMb must be 128-10240")
                .hasMessageContaining("schedule must be an EventBridge expression");
    }

    @Test
    void hasNoMandatoryPolicyViolations() {
        deploy(required().vpcId(Output.of("vpc-1")).subnetIds(Output.of(List.of("subnet-a")))
                .kinesisSource(Output.of("arn:aws:kinesis:us-east-1:123456789012:stream/s"))
                .schedule("rate(1 minute)").alarmTopicArn(Output.of(ALARMS_TOPIC)));
        assertThat(ComponentTestSupport.mandatoryViolations(mocks, "prod")).isEmpty();
    }
}
