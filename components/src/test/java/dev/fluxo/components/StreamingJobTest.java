package dev.fluxo.components;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.test.PulumiTest;
import dev.fluxo.components.jobs.SupervisorDefinition;
import dev.fluxo.components.testing.RecordedResource;
import dev.fluxo.components.testing.RecordingMocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.fluxo.components.ComponentTestSupport.TAGS;
import static dev.fluxo.components.ComponentTestSupport.allowedActions;
import static dev.fluxo.components.ComponentTestSupport.only;
import static dev.fluxo.components.ComponentTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamingJobTest {
    static final String JAR = ComponentTestSupport.tempJar("fluxo-jobs");
    static final String SHA = "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";
    static final String CHECKPOINT = "s3://gold-bucket/_checkpoints/gold";
    private final RecordingMocks mocks = new RecordingMocks();

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    static StreamingJobArgs.Builder required() {
        return StreamingJobArgs.builder().tags(TAGS).environment("dev").jobJarPath(JAR).jobJarSha256(SHA)
                .vpcId(Output.of("vpc-1")).subnetIds(Output.of(List.of("subnet-a", "subnet-b")))
                .checkpointLocation(Output.of(CHECKPOINT))
                .jobArguments(List.of(Output.of("--catalog-type"), Output.of("glue")));
    }

    private StreamingJob deploy(StreamingJobArgs.Builder args) {
        var job = new AtomicReference<StreamingJob>();
        ComponentTestSupport.run(mocks, ctx -> job.set(new StreamingJob("gold", args.build(), null)));
        return job.get();
    }

    private RecordedResource application() {
        return only(mocks, "aws:emrserverless/application:Application");
    }

    private JsonObject definition() {
        return JsonParser.parseString((String) only(mocks, "aws:sfn/stateMachine:StateMachine").inputs().get("definition"))
                .getAsJsonObject();
    }

    private JsonObject runJob() {
        return definition().getAsJsonObject("States").getAsJsonObject("RunJob");
    }

    private static List<String> strings(com.google.gson.JsonArray array) {
        var list = new ArrayList<String>();
        array.forEach(e -> list.add(e.getAsString()));
        return list;
    }

    @Test
    void applicationIsSparkOnThePinnedEmr7ReleaseWithAutoStartStopAndCeilings() {
        deploy(required());
        assertThat(application().inputs()).containsEntry("type", "spark")
                .containsEntry("releaseLabel", StreamingJob.DEFAULT_RELEASE_LABEL);
        assertThat(application().input("autoStartConfiguration.enabled")).contains(true);
        assertThat(application().input("autoStopConfiguration.idleTimeoutMinutes"))
                .contains(StreamingJob.DEFAULT_IDLE_TIMEOUT_MINUTES);
        assertThat(application().input("maximumCapacity.cpu")).contains("8 vCPU");
        assertThat(application().input("maximumCapacity.memory")).contains("32 GB");
    }

    @Test
    void workersRunInPrivateSubnetsWithAnEgressOnlyGroup() {
        deploy(required());
        assertThat(application().input("networkConfiguration.subnetIds")).contains(List.of("subnet-a", "subnet-b"));
        assertThat(only(mocks, "aws:ec2/securityGroup:SecurityGroup").inputs()).doesNotContainKey("ingress");
        assertThat(mocks.ofType("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule")).isEmpty();
    }

    @Test
    void jarIsUploadedEncryptedUnderItsHashAfterTheSupervisorExists() {
        var job = deploy(required());
        var jar = only(mocks, "aws:s3/bucketObjectv2:BucketObjectv2");
        assertThat(jar.inputs()).containsEntry("key", "jobs/StreamingJob-" + SHA.substring(0, 16) + ".jar")
                .containsEntry("sourceHash", SHA).containsEntry("serverSideEncryption", "aws:kms");
        assertThat(value(job.jarUri)).endsWith("/jobs/StreamingJob-" + SHA.substring(0, 16) + ".jar");
        assertThat(only(mocks, "aws:s3/bucketNotification:BucketNotification").inputs()).containsEntry("eventbridge", true);
    }

    @Test
    void supervisorRunsTheJarWithTheSyncIntegrationCheckpointAndEncryptedLogs() {
        var job = deploy(required());
        var run = runJob();
        assertThat(run.get("Resource").getAsString()).isEqualTo("arn:aws:states:::emr-serverless:startJobRun.sync");
        var parameters = run.getAsJsonObject("Parameters");
        assertThat(parameters.get("ApplicationId").getAsString()).isEqualTo(value(job.applicationId));
        assertThat(parameters.get("ExecutionRoleArn").getAsString()).isEqualTo(value(job.jobRoleArn));
        var submit = parameters.getAsJsonObject("JobDriver").getAsJsonObject("SparkSubmit");
        assertThat(submit.get("EntryPoint").getAsString()).isEqualTo(value(job.jarUri));
        assertThat(strings(submit.getAsJsonArray("EntryPointArguments"))).containsExactly("--checkpoint", CHECKPOINT,
                "--trigger", "available-now", "--catalog-type", "glue");
        assertThat(submit.get("SparkSubmitParameters").getAsString()).isEqualTo("--class dev.fluxo.jobs.StreamingJob "
                + "--conf spark.driver.cores=4 --conf spark.driver.memory=14894m "
                + "--conf spark.executor.cores=4 --conf spark.executor.memory=14894m");
        var monitoring = parameters.getAsJsonObject("ConfigurationOverrides").getAsJsonObject("MonitoringConfiguration");
        assertThat(monitoring.getAsJsonObject("S3MonitoringConfiguration").has("EncryptionKeyArn")).isTrue();
        assertThat(monitoring.getAsJsonObject("CloudWatchLoggingConfiguration").get("LogGroupName").getAsString())
                .isEqualTo(value(job.logGroupName));
    }

    @Test
    void scheduledModeRunsEveryFifteenMinutesAndSkipsWhileARunIsActive() {
        deploy(required());
        var schedule = mocks.named("gold-schedule");
        assertThat(schedule.inputs()).containsEntry("scheduleExpression", "rate(15 minutes)");
        assertThat(schedule.input("target.arn")).contains(only(mocks, "aws:sfn/stateMachine:StateMachine")
                .outputs().get("arn"));
        assertThat(definition().get("StartAt").getAsString()).isEqualTo("FindActiveRuns");
        assertThat(definition().getAsJsonObject("States").getAsJsonObject("AlreadyRunning").get("Default").getAsString())
                .isEqualTo("RunJob");
        assertThat(runJob().getAsJsonObject("Parameters").get("ExecutionTimeoutMinutes").getAsInt())
                .isEqualTo(StreamingJob.DEFAULT_RUN_TIMEOUT_MINUTES);
    }

    @Test
    void continuousModeStopsOlderExecutionsRunsWithoutTimeoutAndRestartsWithALimit() {
        deploy(required().mode("continuous").maxRestarts(3).restartBackoffSeconds(120));
        assertThat(mocks.ofType("aws:scheduler/schedule:Schedule")).extracting(RecordedResource::name)
                .containsExactly("gold-maintenance");
        var states = definition().getAsJsonObject("States");
        assertThat(definition().get("StartAt").getAsString()).isEqualTo("FindExecutions");
        assertThat(states.getAsJsonObject("StopOtherExecutions").get("ResultPath").isJsonNull()).isTrue();
        assertThat(runJob().getAsJsonObject("Parameters").get("ExecutionTimeoutMinutes").getAsInt()).isZero();
        assertThat(runJob().get("Next").getAsString()).isEqualTo("ResetFailures");
        assertThat(runJob().getAsJsonArray("Catch").get(0).getAsJsonObject().get("Next").getAsString())
                .isEqualTo("CountFailure");
        assertThat(states.getAsJsonObject("Backoff").get("Seconds").getAsInt()).isEqualTo(120);
        assertThat(states.getAsJsonObject("TooManyFailures").getAsJsonArray("Choices").get(0).getAsJsonObject()
                .get("NumericGreaterThan").getAsInt()).isEqualTo(3);
        assertThat(strings(runJob().getAsJsonObject("Parameters").getAsJsonObject("JobDriver")
                .getAsJsonObject("SparkSubmit").getAsJsonArray("EntryPointArguments"))).doesNotContain("available-now");
    }

    @Test
    void aNewJarStartsTheSupervisorThroughEventBridge() {
        var job = deploy(required());
        var rule = only(mocks, "aws:cloudwatch/eventRule:EventRule");
        var pattern = JsonParser.parseString((String) rule.inputs().get("eventPattern")).getAsJsonObject();
        assertThat(pattern.getAsJsonArray("detail-type").get(0).getAsString()).isEqualTo("Object Created");
        assertThat(pattern.getAsJsonObject("detail").getAsJsonObject("bucket").getAsJsonArray("name").get(0).getAsString())
                .isEqualTo(value(job.artifactsBucketName));
        assertThat(only(mocks, "aws:cloudwatch/eventTarget:EventTarget").inputs())
                .containsEntry("arn", value(job.stateMachineArn));
    }

    @Test
    void jobRoleOnlyReadsItsJarAndWritesItsLogsUntilTheLakehouseGrantsMore() {
        deploy(required());
        assertThat(allowedActions(mocks.named("gold-job-base"))).containsExactlyInAnyOrder("s3:GetObject",
                "s3:PutObject", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams",
                "logs:DescribeLogGroups", "kms:Decrypt", "kms:GenerateDataKey");
        assertThat(allowedActions(mocks.named("gold-supervisor-access"))).contains("emr-serverless:StartJobRun",
                "iam:PassRole", "states:StopExecution").doesNotContain("s3:PutObject");
    }

    @Test
    void failedRunsRaiseAnAlarm() {
        deploy(required().alarmTopicArn(Output.of("arn:aws:sns:us-east-1:123456789012:alarms")));
        assertThat(only(mocks, "aws:cloudwatch/metricAlarm:MetricAlarm").inputs())
                .containsEntry("namespace", "AWS/States").containsEntry("metricName", "ExecutionsFailed");
    }

    @Test
    void invalidArgumentsAreAllReportedAtOnce() {
        assertThatThrownBy(() -> StreamingJobArgs.builder().tags(TAGS).environment("dev").releaseLabel("emr-6.15.0")
                .mode("sometimes").build())
                .hasMessageContaining("jobJarPath is required")
                .hasMessageContaining("releaseLabel must be an EMR 7.x release")
                .hasMessageContaining("mode must be one of [scheduled, continuous]")
                .hasMessageContaining("checkpointLocation is required");
    }

    @Test
    void workerSizeBecomesTheSparkCoresAndMemoryOfDriverAndExecutors() {
        deploy(required().workerVcpu(1).workerMemoryGb(4).maximumVcpu(2).maximumMemoryGb(8));
        var parameters = runJob().getAsJsonObject("Parameters").getAsJsonObject("JobDriver")
                .getAsJsonObject("SparkSubmit").get("SparkSubmitParameters").getAsString();
        assertThat(parameters).contains("--conf spark.driver.cores=1", "--conf spark.executor.cores=1",
                "--conf spark.driver.memory=3712m", "--conf spark.executor.memory=3712m");
    }

    @Test
    void workerSizesEmrServerlessRejectsAreReportedBeforeDeploy() {
        assertThatThrownBy(() -> required().workerVcpu(3).build()).hasMessageContaining("worker vCPU must be one of");
        assertThatThrownBy(() -> required().workerVcpu(1).workerMemoryGb(16).build())
                .hasMessageContaining("a 1-vCPU worker takes 2 to 8 GB, was 16");
        assertThatThrownBy(() -> required().workerVcpu(8).workerMemoryGb(32).maximumVcpu(4).build())
                .hasMessageContaining("must fit in the maximum capacity (4 vCPU");
    }

    @Test
    void withoutSubnetsTheWorkersRunOutsideAnyVpc() {
        deploy(StreamingJobArgs.builder().tags(TAGS).environment("dev").jobJarPath(JAR).jobJarSha256(SHA)
                .checkpointLocation(Output.of(CHECKPOINT)));
        assertThat(application().inputs()).doesNotContainKey("networkConfiguration");
        assertThat(mocks.ofType("aws:ec2/securityGroup:SecurityGroup")).isEmpty();
        assertThatThrownBy(() -> required().subnetIds(null).build())
                .hasMessageContaining("vpcId and subnetIds go together");
    }

    @Test
    void hasNoMandatoryPolicyViolations() {
        deploy(required().alarmTopicArn(Output.of("arn:aws:sns:us-east-1:123456789012:alarms")));
        assertThat(ComponentTestSupport.mandatoryViolations(mocks, "prod")).isEmpty();
    }

    @Test
    void definitionsAreValidJsonForBothModes() {
        var run = new SupervisorDefinition.JobRun("n", "app", "role", "s3://b/j.jar", List.of(), "--class X",
                "s3://b/logs/", "/g", "key", 60);
        for (var continuous : List.of(true, false)) {
            var states = JsonParser.parseString(SupervisorDefinition.of(run, continuous, 2, 10)).getAsJsonObject()
                    .getAsJsonObject("States");
            states.entrySet().forEach(e -> {
                var state = e.getValue().getAsJsonObject();
                if (state.has("Next")) {
                    assertThat(states.has(state.get("Next").getAsString())).as(e.getKey() + " → Next").isTrue();
                }
            });
        }
    }

    @Test
    void tableMaintenanceRunsDailyOnTheGoldTablesFromTheSameJar() {
        deploy(required().jobArguments(List.of(Output.of("--catalog-type"), Output.of("glue"))));
        var schedule = mocks.named("gold-maintenance");
        assertThat(schedule.inputs()).containsEntry("scheduleExpression", StreamingJob.DEFAULT_MAINTENANCE_SCHEDULE);
        assertThat(schedule.input("target.arn")).contains("arn:aws:scheduler:::aws-sdk:emrserverless:startJobRun");
        var input = com.google.gson.JsonParser.parseString((String) schedule.input("target.input").orElseThrow())
                .getAsJsonObject().getAsJsonObject("JobDriver").getAsJsonObject("SparkSubmit");
        assertThat(input.get("SparkSubmitParameters").getAsString()).contains("--class " + StreamingJob.MAINTENANCE_CLASS);
        assertThat(strings(input.getAsJsonArray("EntryPointArguments"))).containsSubsequence("--catalog-type", "glue")
                .contains("--tables", String.join(",", StreamingJob.MAINTAINED_TABLES), "--expire-older-than",
                        StreamingJob.DEFAULT_SNAPSHOT_RETENTION)
                .doesNotContain("--checkpoint");
        assertThat(allowedActions(mocks.named("gold-maintenance-access")))
                .containsExactlyInAnyOrder("emr-serverless:StartJobRun", "iam:PassRole");
    }
}
