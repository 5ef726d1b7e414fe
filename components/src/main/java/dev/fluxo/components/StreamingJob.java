package dev.fluxo.components;

import com.pulumi.asset.FileAsset;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.emrserverless.Application;
import com.pulumi.aws.emrserverless.ApplicationArgs;
import com.pulumi.aws.emrserverless.inputs.ApplicationAutoStartConfigurationArgs;
import com.pulumi.aws.emrserverless.inputs.ApplicationAutoStopConfigurationArgs;
import com.pulumi.aws.emrserverless.inputs.ApplicationMaximumCapacityArgs;
import com.pulumi.aws.emrserverless.inputs.ApplicationNetworkConfigurationArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.s3.BucketNotification;
import com.pulumi.aws.s3.BucketNotificationArgs;
import com.pulumi.aws.s3.BucketObjectv2;
import com.pulumi.aws.s3.BucketObjectv2Args;
import com.pulumi.aws.scheduler.Schedule;
import com.pulumi.aws.scheduler.ScheduleArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleFlexibleTimeWindowArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetArgs;
import com.pulumi.aws.sfn.StateMachine;
import com.pulumi.aws.sfn.StateMachineArgs;
import com.pulumi.aws.sfn.inputs.StateMachineEncryptionConfigurationArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.fluxo.components.iam.AwsAccount;
import dev.fluxo.components.iam.ComponentKey;
import dev.fluxo.components.iam.InlinePolicy;
import dev.fluxo.components.iam.PolicyDocument;
import dev.fluxo.components.iam.PolicyStatement;
import dev.fluxo.components.jobs.SupervisorDefinition;
import dev.fluxo.components.lakehouse.PrivateBucket;
import dev.fluxo.components.naming.EnvironmentName;
import dev.fluxo.components.naming.ResourceTags;
import dev.fluxo.components.protection.DataProtection;
import dev.fluxo.components.observability.Alarm;
import dev.fluxo.components.observability.EncryptedLogGroup;
import dev.fluxo.schema.Layer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Spark streaming job (silver → gold) on EMR Serverless, and what keeps it running.
 *
 * <p><b>Application</b>: type spark, release {@value #DEFAULT_RELEASE_LABEL} (EMR 7.12.0 runs Spark 3.5.6, the version
 * the job compiles and is tested against; every EMR 7.x release runs Spark 3.5.x: 7.0/7.1 → 3.5.0, 7.3 → 3.5.1,
 * 7.4/7.5 → 3.5.2, 7.6/7.7 → 3.5.3, 7.9/7.10 → 3.5.5, 7.12/7.13 → 3.5.6),
 * auto-start on, auto-stop after {@code idleTimeoutMinutes}, vCPU/memory ceilings, workers of the configured size,
 * either in private subnets with an egress-only security group or outside any VPC (the job only calls S3 and Glue).
 *
 * <p><b>Artifacts and logs</b>: the jar is uploaded to a private KMS-encrypted bucket under
 * {@code jobs/<main class>-<sha>.jar}, so every build has its own object. Each run logs to that bucket
 * ({@code logs/}, KMS) and to a KMS-encrypted CloudWatch log group with retention (EMR Serverless applications in
 * pulumi-aws 6.x take no monitoring configuration; the run request carries it).
 *
 * <p><b>Supervisor</b> (no IaC resource runs or restarts an EMR Serverless job): a Step Functions state machine
 * ({@link SupervisorDefinition}) starts the run with {@code emr-serverless:startJobRun.sync} and:
 * <ul>
 *   <li><b>on deploy</b>: the jar upload emits an S3 "Object Created" event (EventBridge notifications are on for the
 *   bucket); an EventBridge rule on that bucket's {@code jobs/} prefix starts an execution. The upload depends on the
 *   state machine, rule and target, so the new definition (pointing at the new jar) is in place first. An unchanged
 *   jar is not uploaded again, so a deploy without a new build starts nothing.</li>
 *   <li><b>scheduled</b> (default): an EventBridge Scheduler schedule starts an execution every {@code scheduleMinutes};
 *   the run uses {@code --trigger available-now}, processes what is new and ends; a tick that finds a run still
 *   active skips, so two runs never share the checkpoint.</li>
 *   <li><b>continuous</b>: the execution first stops every other running execution of the state machine (Step
 *   Functions then cancels their runs: the new jar replaces the old run), runs the job without timeout, restarts
 *   it when it ends, and after a failure waits {@code restartBackoffSeconds} and restarts, up to {@code maxRestarts}
 *   consecutive failures; then the execution fails.</li>
 * </ul>
 * Failed executions raise the {@code ExecutionsFailed} alarm. The state machine encrypts its data with the KMS key;
 * it does not log to CloudWatch (log delivery needs {@code logs:*Delivery} on {@code *}); its execution history is kept
 * 90 days.
 *
 * <p><b>Role</b>: the job role may read its jar, write its S3 and CloudWatch logs and use the key; grant the data
 * with {@link Lakehouse#grantRead}/{@link Lakehouse#grantWrite} on {@link #role()} (read silver, write gold).
 */
public class StreamingJob extends ComponentResource {
    /** Daily at 03:00 UTC, within an hour's window. */
    public static final String DEFAULT_MAINTENANCE_SCHEDULE = "cron(0 3 * * ? *)";
    /** Snapshots older than this are expired. */
    public static final String DEFAULT_SNAPSHOT_RETENTION = "7d";
    /** The maintenance entry point in the job jar. */
    public static final String MAINTENANCE_CLASS = "dev.fluxo.jobs.Maintenance";
    /** The tables the job writes and therefore maintains. */
    public static final List<String> MAINTAINED_TABLES = List.of("gold.customers", "gold.customers_by_profissao",
            "gold.customers_deletes");
    /** The Pulumi type token. */
    public static final String TYPE = "fluxo:index:StreamingJob";
    public static final String DEFAULT_MAIN_CLASS = "dev.fluxo.jobs.StreamingJob";
    /** EMR 7.12.0: Spark 3.5.6, exactly the version the job compiles and is tested against (jobs/). */
    public static final String DEFAULT_RELEASE_LABEL = "emr-7.12.0";
    public static final int DEFAULT_IDLE_TIMEOUT_MINUTES = 5;
    public static final int DEFAULT_MAXIMUM_VCPU = 8;
    public static final int DEFAULT_MAXIMUM_MEMORY_GB = 32;
    public static final String SCHEDULED = "scheduled";
    public static final String CONTINUOUS = "continuous";
    public static final List<String> MODES = List.of(SCHEDULED, CONTINUOUS);
    public static final String DEFAULT_MODE = SCHEDULED;
    public static final int DEFAULT_SCHEDULE_MINUTES = 15;
    public static final int DEFAULT_RUN_TIMEOUT_MINUTES = 60;
    public static final int DEFAULT_MAX_RESTARTS = 5;
    public static final int DEFAULT_RESTART_BACKOFF_SECONDS = 60;
    public static final int DEFAULT_LOG_RETENTION_DAYS = 30;
    /** Prefix of the jar objects (the deploy trigger watches it). */
    public static final String JAR_PREFIX = "jobs/";
    public static final String LOG_PREFIX = "logs/";

    @Export(name = "applicationId", refs = {String.class})
    public final Output<String> applicationId;
    @Export(name = "applicationArn", refs = {String.class})
    public final Output<String> applicationArn;
    @Export(name = "jobRoleArn", refs = {String.class})
    public final Output<String> jobRoleArn;
    @Export(name = "jobRoleName", refs = {String.class})
    public final Output<String> jobRoleName;
    /** The supervisor; start an execution to (re)start the job by hand. */
    @Export(name = "stateMachineArn", refs = {String.class})
    public final Output<String> stateMachineArn;
    @Export(name = "artifactsBucketName", refs = {String.class})
    public final Output<String> artifactsBucketName;
    /** The {@code s3://} URI of the deployed jar. */
    @Export(name = "jarUri", refs = {String.class})
    public final Output<String> jarUri;
    @Export(name = "logGroupName", refs = {String.class})
    public final Output<String> logGroupName;

    private final Role role;

    /**
     * The silver → gold job over {@code lake}: its checkpoint under the gold bucket
     * ({@value StreamingLakehouse#CHECKPOINT_PREFIX}), the lakehouse's catalog arguments, and grants to read silver
     * and write gold only. Both compositions (AWS and Kubernetes) build their job this way.
     */
    public static StreamingJob overLakehouse(String name, StreamingJobArgs.Builder settings, Lakehouse lake,
                                             ComponentResourceOptions opts) {
        var job = new StreamingJob(name, settings
                .checkpointLocation(lake.warehouseLocation(Layer.GOLD)
                        .applyValue(root -> root + StreamingLakehouse.CHECKPOINT_PREFIX))
                .jobArguments(lake.jobCatalogArguments())
                .build(), opts);
        lake.grantRead(name + "-reads-silver", job.role(), Layer.SILVER);
        lake.grantWrite(name + "-writes-gold", job.role(), Layer.GOLD);
        return job;
    }

    public StreamingJob(String name, StreamingJobArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        args.validate();
        var tags = ResourceTags.require("StreamingJob", args.tags());
        var environment = EnvironmentName.require("StreamingJob", args.environment());
        var account = AwsAccount.lookup(this);
        var child = CustomResourceOptions.builder().parent(this).build();
        var physicalName = "fluxo-" + environment + "-" + name;

        var keyArn = ComponentKey.givenOrCreate(args.kmsKeyArn(), name + "-key",
                "Fluxo " + environment + " streaming job " + name + ": artifacts, logs, state machine", this, account, tags);
        var bucket = PrivateBucket.builder(name + "-artifacts", this, tags)
                .bucketPrefix("fluxo-" + environment + "-job-artifacts-")
                .kmsKeyArn(keyArn)
                // Build artifacts and logs, not data: deleted with the stack when the stack allows deleting data
                // (fluxo:allowDataDeletion), else retained; never force-emptied in prod.
                .protection(DataProtection.forComponent(true, false))
                .create();
        var notification = new BucketNotification(name + "-artifacts-events", BucketNotificationArgs.builder()
                .bucket(bucket.name())
                .eventbridge(true)
                .build(), child);
        var logGroupPath = "/fluxo/" + environment + "/emr/" + name;
        var logGroup = EncryptedLogGroup.create(name + "-logs", logGroupPath,
                args.logRetentionDays(), keyArn, tags, this);

        var network = args.subnetIds().map(subnets -> {
            var securityGroup = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                    .namePrefix(physicalName + "-")
                    .description("Fluxo " + environment + " streaming job " + name + ": egress only")
                    .vpcId(args.vpcId().orElseThrow())
                    .tags(ResourceTags.named(tags, name + "-sg"))
                    .build(), child);
            new SecurityGroupEgressRule(name + "-egress", SecurityGroupEgressRuleArgs.builder()
                    .securityGroupId(securityGroup.id())
                    .description("Spark workers call out (S3, Glue, KMS, logs); nothing calls in")
                    .ipProtocol("-1")
                    .cidrIpv4("0.0.0.0/0")
                    .tags(ResourceTags.named(tags, name + "-egress"))
                    .build(), child);
            return ApplicationNetworkConfigurationArgs.builder()
                    .subnetIds(subnets)
                    .securityGroupIds(securityGroup.id().applyValue(List::of))
                    .build();
        });
        var application = new Application(name + "-app", ApplicationArgs.builder()
                .name(physicalName)
                .releaseLabel(args.releaseLabel())
                .type("spark")
                .autoStartConfiguration(ApplicationAutoStartConfigurationArgs.builder().enabled(true).build())
                .autoStopConfiguration(ApplicationAutoStopConfigurationArgs.builder()
                        .enabled(true).idleTimeoutMinutes(args.idleTimeoutMinutes()).build())
                .maximumCapacity(ApplicationMaximumCapacityArgs.builder()
                        .cpu(args.maximumVcpu() + " vCPU")
                        .memory(args.maximumMemoryGb() + " GB")
                        .build())
                .networkConfiguration(Output.ofNullable(network.orElse(null)))
                .tags(ResourceTags.named(tags, physicalName))
                .build(), child);

        var jarKey = JAR_PREFIX + args.mainClass().substring(args.mainClass().lastIndexOf('.') + 1) + "-"
                + args.jobJarSha256().substring(0, Math.min(16, args.jobJarSha256().length())) + ".jar";
        this.jarUri = bucket.name().applyValue(b -> "s3://" + b + "/" + jarKey);
        this.role = new Role(name + "-job-role", RoleArgs.builder()
                .description("EMR Serverless runs the Fluxo " + environment + " streaming job " + name + " as this role")
                .assumeRolePolicy(PolicyDocument.assumableBy("emr-serverless.amazonaws.com", account.accountId()).toJson())
                .tags(ResourceTags.named(tags, name + "-job-role"))
                .build(), child);
        InlinePolicy.attach(name + "-job-base", role, PolicyDocument.of(
                        PolicyStatement.allow().sid("ReadJobJar").actions("s3:GetObject")
                                .resource(bucket.arn().applyValue(a -> a + "/" + jarKey)).build(),
                        PolicyStatement.allow().sid("WriteRunLogs").actions("s3:PutObject")
                                .resource(bucket.arn().applyValue(a -> a + "/" + LOG_PREFIX + "*")).build(),
                        PolicyStatement.allow().sid("WriteCloudWatchLogs")
                                .actions("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams")
                                .resource(logGroup.arn()).resource(logGroup.arn().applyValue(a -> a + ":*")).build(),
                        PolicyStatement.allow().sid("FindLogGroup").actions("logs:DescribeLogGroups")
                                .resource(account.arn("logs", "log-group:*")).build(),
                        PolicyStatement.allow().sid("UseJobKey").actions("kms:Decrypt", "kms:GenerateDataKey")
                                .resource(keyArn).build()), this);

        var arguments = Output.tuple(args.checkpointLocation(), args.jobArguments()).applyValue(t -> {
            var all = new ArrayList<String>(List.of("--checkpoint", t.t1));
            if (!args.continuous()) {
                all.addAll(List.of("--trigger", "available-now"));
            }
            all.addAll(t.t2);
            return List.copyOf(all);
        });
        var sparkParameters = ("--class " + args.mainClass() + " " + args.workerSize().sparkSubmitParameters() + " "
                + args.sparkSubmitParameters()).trim();
        var definition = Output.tuple(application.id(), role.arn(), bucket.name(), logGroup.name(), keyArn, arguments)
                .applyValue(t -> SupervisorDefinition.of(new SupervisorDefinition.JobRun(physicalName, t.t1, t.t2,
                        "s3://" + t.t3 + "/" + jarKey, t.t6, sparkParameters, "s3://" + t.t3 + "/" + LOG_PREFIX, t.t4,
                        t.t5, args.runTimeoutMinutes()), args.continuous(), args.maxRestarts(),
                        args.restartBackoffSeconds()));

        var supervisorRole = new Role(name + "-supervisor-role", RoleArgs.builder()
                .description("Step Functions supervises the streaming job " + physicalName + " as this role")
                .assumeRolePolicy(PolicyDocument.assumableBy("states.amazonaws.com", account.accountId()).toJson())
                .tags(ResourceTags.named(tags, name + "-supervisor-role"))
                .build(), child);
        var executions = account.arn("states", "execution:" + physicalName + ":*");
        var stateMachineArn = account.arn("states", "stateMachine:" + physicalName);
        var supervisorPolicy = InlinePolicy.attach(name + "-supervisor-access", supervisorRole, PolicyDocument.of(
                        PolicyStatement.allow().sid("RunJobs")
                                .actions("emr-serverless:StartJobRun", "emr-serverless:ListJobRuns")
                                .resource(application.arn()).build(),
                        PolicyStatement.allow().sid("WatchAndCancelRuns")
                                .actions("emr-serverless:GetJobRun", "emr-serverless:CancelJobRun")
                                .resource(application.arn().applyValue(a -> a + "/jobruns/*")).build(),
                        PolicyStatement.allow().sid("PassJobRole").actions("iam:PassRole").resource(role.arn())
                                .condition("StringEquals", "iam:PassedToService", "emr-serverless.amazonaws.com").build(),
                        PolicyStatement.allow().sid("SyncIntegrationRule")
                                .actions("events:PutTargets", "events:PutRule", "events:DescribeRule")
                                .resource(account.arn("events", "rule/StepFunctionsGetEventsForEMRServerlessJobRule"))
                                .build(),
                        PolicyStatement.allow().sid("FindOwnExecutions").actions("states:ListExecutions")
                                .resource(stateMachineArn).build(),
                        PolicyStatement.allow().sid("StopOlderExecutions").actions("states:StopExecution")
                                .resource(executions).build(),
                        PolicyStatement.allow().sid("EncryptExecutionData")
                                .actions("kms:Decrypt", "kms:GenerateDataKey").resource(keyArn).build()), this);
        var stateMachine = new StateMachine(name + "-supervisor", StateMachineArgs.builder()
                .name(physicalName)
                .roleArn(supervisorRole.arn())
                .definition(definition)
                .encryptionConfiguration(StateMachineEncryptionConfigurationArgs.builder()
                        .type("CUSTOMER_MANAGED_KMS_KEY")
                        .kmsKeyId(keyArn)
                        .kmsDataKeyReusePeriodSeconds(300)
                        .build())
                .tags(ResourceTags.named(tags, physicalName))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(supervisorPolicy).build());

        var startRole = new Role(name + "-start-role", RoleArgs.builder()
                .description("EventBridge and Scheduler start the supervisor of " + physicalName)
                .assumeRolePolicy(PolicyDocument.of(PolicyStatement.allow().sid("AssumedByEventBridge")
                        .servicePrincipal("events.amazonaws.com")
                        .servicePrincipal("scheduler.amazonaws.com")
                        .actions("sts:AssumeRole")
                        .trust()
                        .condition("StringEquals", "aws:SourceAccount", account.accountId())
                        .build()).toJson())
                .tags(ResourceTags.named(tags, name + "-start-role"))
                .build(), child);
        InlinePolicy.attach(name + "-start-access", startRole, PolicyDocument.of(PolicyStatement.allow().sid("StartSupervisor")
                        .actions("states:StartExecution").resource(stateMachine.arn()).build()), this);
        var onDeploy = new EventRule(name + "-on-new-jar", EventRuleArgs.builder()
                .name(physicalName + "-on-new-jar")
                .description("A new job jar was uploaded: (re)start " + physicalName)
                .eventPattern(bucket.name().applyValue(b -> "{\"source\":[\"aws.s3\"],\"detail-type\":[\"Object Created\"],"
                        + "\"detail\":{\"bucket\":{\"name\":[\"" + b + "\"]},\"object\":{\"key\":[{\"prefix\":\""
                        + JAR_PREFIX + "\"}]}}}"))
                .tags(ResourceTags.named(tags, name + "-on-new-jar"))
                .build(), child);
        var onDeployTarget = new EventTarget(name + "-on-new-jar-target", EventTargetArgs.builder()
                .rule(onDeploy.name())
                .arn(stateMachine.arn())
                .roleArn(startRole.arn())
                .build(), child);
        if (!args.continuous()) {
            new Schedule(name + "-schedule", ScheduleArgs.builder()
                    .name(physicalName)
                    .description("Runs " + physicalName + " every " + args.scheduleMinutes() + " minutes")
                    .scheduleExpression("rate(" + args.scheduleMinutes() + " minutes)")
                    .flexibleTimeWindow(ScheduleFlexibleTimeWindowArgs.builder().mode("OFF").build())
                    .kmsKeyArn(keyArn)
                    .target(ScheduleTargetArgs.builder()
                            .arn(stateMachine.arn())
                            .roleArn(startRole.arn())
                            .input("{}")
                            .build())
                    .build(), child);
        }
        scheduleMaintenance(name, physicalName, args, tags, application, keyArn, sparkParameters, jarKey, bucket, account,
                child);
        new BucketObjectv2(name + "-jar", BucketObjectv2Args.builder()
                .bucket(bucket.name())
                .key(jarKey)
                .source(new FileAsset(args.jobJarPath()))
                .sourceHash(args.jobJarSha256())
                .contentType("application/java-archive")
                .serverSideEncryption("aws:kms")
                .kmsKeyId(keyArn)
                .bucketKeyEnabled(true)
                .tags(ResourceTags.named(tags, name + "-jar"))
                .build(), CustomResourceOptions.builder().parent(this)
                .dependsOn(stateMachine, onDeployTarget, notification).build());

        args.alarmTopicArn().ifPresent(topic -> Alarm.sumAbove("AWS/States", "ExecutionsFailed", 0,
                        "The supervisor of " + physicalName + " failed: the job failed " + (args.continuous()
                                ? "too often in a row" : "its run") + "; see " + logGroupPath)
                .create(physicalName + "-failed-runs", stateMachine.arn().applyValue(a -> Map.of("StateMachineArn", a)),
                        topic, tags, this));

        this.applicationId = application.id();
        this.applicationArn = application.arn();
        this.jobRoleArn = role.arn();
        this.jobRoleName = role.name();
        this.stateMachineArn = stateMachine.arn();
        this.artifactsBucketName = bucket.name();
        this.logGroupName = logGroup.name();
        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("applicationId", applicationId);
        outputs.put("applicationArn", applicationArn);
        outputs.put("jobRoleArn", jobRoleArn);
        outputs.put("jobRoleName", jobRoleName);
        outputs.put("stateMachineArn", this.stateMachineArn);
        outputs.put("artifactsBucketName", artifactsBucketName);
        outputs.put("jarUri", jarUri);
        outputs.put("logGroupName", logGroupName);
        registerOutputs(outputs);
    }

    /** The job's execution role, for grants ({@code lake.grantWrite("job-writes-gold", job.role(), Layer.GOLD)}). */
    public Role role() {
        return role;
    }

    /**
     * Compaction and snapshot expiry ({@code dev.fluxo.jobs.Maintenance}, same jar) on the tables the job owns, on
     * {@link StreamingJobArgs#maintenanceSchedule()}: an EventBridge Scheduler universal target calls EMR Serverless
     * StartJobRun directly (no supervisor: a failed maintenance run is simply retried by the next schedule).
     * Silver is compacted by whoever owns its writes, not by this job, which may only read it.
     */
    private void scheduleMaintenance(String name, String physicalName, StreamingJobArgs args, Map<String, String> tags,
                                     com.pulumi.aws.emrserverless.Application application, Output<String> keyArn,
                                     String sparkParameters, String jarKey, dev.fluxo.components.lakehouse.PrivateBucket bucket,
                                     dev.fluxo.components.iam.AwsAccount account, CustomResourceOptions child) {
        var maintenanceRole = new Role(name + "-maintenance-role", RoleArgs.builder()
                .description("Scheduler starts table maintenance runs of " + physicalName)
                .assumeRolePolicy(PolicyDocument.assumableBy("scheduler.amazonaws.com", account.accountId()).toJson())
                .tags(ResourceTags.named(tags, name + "-maintenance-role"))
                .build(), child);
        InlinePolicy.attach(name + "-maintenance-access", maintenanceRole, PolicyDocument.of(
                PolicyStatement.allow().sid("StartMaintenanceRuns").actions("emr-serverless:StartJobRun")
                        .resource(application.arn()).build(),
                PolicyStatement.allow().sid("PassJobRole").actions("iam:PassRole").resource(role.arn())
                        .condition("StringEquals", "iam:PassedToService", "emr-serverless.amazonaws.com").build()), this);
        var maintenanceParameters = sparkParameters.replace("--class " + args.mainClass(), "--class " + MAINTENANCE_CLASS);
        var input = Output.tuple(application.id(), role.arn(), bucket.name(), args.jobArguments()).applyValue(t -> {
            var arguments = new ArrayList<String>(t.t4);
            arguments.addAll(List.of("--tables", String.join(",", MAINTAINED_TABLES),
                    "--expire-older-than", args.snapshotRetention()));
            // Ordered maps: the JSON must be the same on every run, or every preview shows a diff.
            var submit = new java.util.LinkedHashMap<String, Object>();
            submit.put("EntryPoint", "s3://" + t.t3 + "/" + jarKey);
            submit.put("EntryPointArguments", arguments);
            submit.put("SparkSubmitParameters", maintenanceParameters);
            var request = new java.util.LinkedHashMap<String, Object>();
            request.put("ApplicationId", t.t1);
            request.put("ExecutionRoleArn", t.t2);
            request.put("ClientToken", "<aws.scheduler.execution-id>");
            request.put("Name", physicalName + "-maintenance");
            request.put("JobDriver", Map.of("SparkSubmit", submit));
            return new com.google.gson.GsonBuilder().disableHtmlEscaping().create().toJson(request);
        });
        new Schedule(name + "-maintenance", ScheduleArgs.builder()
                .name(physicalName + "-maintenance")
                .description("Compacts small files and expires snapshots of " + MAINTAINED_TABLES)
                .scheduleExpression(args.maintenanceSchedule())
                .flexibleTimeWindow(ScheduleFlexibleTimeWindowArgs.builder().mode("FLEXIBLE")
                        .maximumWindowInMinutes(60).build())
                .kmsKeyArn(keyArn)
                .target(ScheduleTargetArgs.builder()
                        .arn("arn:aws:scheduler:::aws-sdk:emrserverless:startJobRun")
                        .roleArn(maintenanceRole.arn())
                        .input(input)
                        .build())
                .build(), child);
    }
}
