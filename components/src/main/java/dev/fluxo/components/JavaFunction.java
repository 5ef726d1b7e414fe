package dev.fluxo.components;

import com.pulumi.asset.FileArchive;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.lambda.Alias;
import com.pulumi.aws.lambda.AliasArgs;
import com.pulumi.aws.lambda.EventSourceMapping;
import com.pulumi.aws.lambda.EventSourceMappingArgs;
import com.pulumi.aws.lambda.Function;
import com.pulumi.aws.lambda.FunctionArgs;
import com.pulumi.aws.lambda.Permission;
import com.pulumi.aws.lambda.PermissionArgs;
import com.pulumi.aws.lambda.inputs.EventSourceMappingAmazonManagedKafkaEventSourceConfigArgs;
import com.pulumi.aws.lambda.inputs.EventSourceMappingDestinationConfigArgs;
import com.pulumi.aws.lambda.inputs.EventSourceMappingDestinationConfigOnFailureArgs;
import com.pulumi.aws.lambda.inputs.FunctionDeadLetterConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionEnvironmentArgs;
import com.pulumi.aws.lambda.inputs.FunctionLoggingConfigArgs;
import com.pulumi.aws.lambda.inputs.FunctionSnapStartArgs;
import com.pulumi.aws.lambda.inputs.FunctionVpcConfigArgs;
import com.pulumi.aws.sqs.Queue;
import com.pulumi.aws.sqs.QueueArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.fluxo.components.iam.AwsAccount;
import dev.fluxo.components.iam.ComponentKey;
import dev.fluxo.components.iam.InlinePolicy;
import dev.fluxo.components.iam.PolicyDocument;
import dev.fluxo.components.iam.PolicyStatement;
import dev.fluxo.components.naming.EnvironmentName;
import dev.fluxo.components.naming.ResourceTags;
import dev.fluxo.components.observability.Alarm;
import dev.fluxo.components.observability.EncryptedLogGroup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An AWS Lambda function from a built Java jar: Java 21, SnapStart on published versions with an alias
 * {@value #ALIAS} that event sources and schedules invoke, its own KMS-encrypted log group with retention, a
 * KMS-encrypted dead-letter / on-failure SQS queue, a least-privilege role, optional VPC placement with its own
 * egress-only security group, event sources and alarms.
 *
 * <p><b>Role.</b> Inline: write logs to its own group, send to its own queue, use its KMS key. In a VPC the AWS
 * managed policy {@code AWSLambdaVPCAccessExecutionRole} is attached: the network-interface actions Lambda needs
 * ({@code ec2:CreateNetworkInterface}, ...) can only be granted on {@code *}, which our {@code PolicyStatement}
 * refuses, and AWS keeps that list current. An MSK source attaches {@code AWSLambdaMSKExecutionRole} for the same
 * reason (ENIs plus {@code kafka:DescribeCluster*}/{@code GetBootstrapBrokers}); the data-plane rights
 * ({@code kafka-cluster:ReadData}, ...) come from {@link EventStream#grantConsume}. Other components add grants
 * through {@link #role()}.
 *
 * <p><b>Kinesis source</b>: TRIM_HORIZON, {@code ReportBatchItemFailures}, bisect on error, bounded retries and
 * record age, failed batches' metadata to the queue — a poison record never blocks a shard for the whole retention.
 *
 * <p><b>MSK source</b>: TRIM_HORIZON, IAM auth with the function's role. The error controls the Kinesis source uses
 * (MaximumRetryAttempts, MaximumRecordAgeInSeconds, BisectBatchOnFunctionError, ReportBatchItemFailures, on-failure
 * destination) exist in pulumi-aws 6.83's {@code EventSourceMappingArgs}, but AWS accepts them for Kafka sources only
 * in provisioned-poller mode, so they are not set: a Kafka batch that throws is retried until it succeeds. The
 * transform therefore never throws on bad records; it writes them to the dead-letter table.
 *
 * <pre>{@code
 * var transform = new JavaFunction("transform", JavaFunctionArgs.builder().tags(tags).environment("dev")
 *         .codePath("lambdas/transform/target/transform.jar").codeSha256(sha256)
 *         .handler("dev.fluxo.lambdas.TransformHandler::handleRequest")
 *         .kinesisSource(stream.streamArn).alarmTopicArn(alarms).build(), null);
 * stream.grantConsume("transform-reads-stream", transform.role());
 * }</pre>
 */
public class JavaFunction extends ComponentResource {
    /** The Pulumi type token. */
    public static final String TYPE = "fluxo:index:JavaFunction";
    /** The alias event sources and schedules invoke (a published version, so SnapStart applies). */
    public static final String ALIAS = "live";
    public static final String DEFAULT_RUNTIME = "java21";
    public static final int DEFAULT_MEMORY_MB = 1024;
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;
    public static final boolean DEFAULT_SNAP_START = true;
    public static final int DEFAULT_LOG_RETENTION_DAYS = 30;
    /** Records per batch (Kinesis and MSK). */
    public static final int DEFAULT_BATCH_SIZE = 100;
    public static final int DEFAULT_BATCHING_WINDOW_SECONDS = 1;
    /** Kinesis retries of a failing batch before its metadata goes to the queue. */
    public static final int DEFAULT_MAXIMUM_RETRY_ATTEMPTS = 3;
    /** Kinesis records older than this (one hour) are sent to the queue instead of retried. */
    public static final int DEFAULT_MAXIMUM_RECORD_AGE_SECONDS = 3600;
    /** Where event sources start reading on first deploy: the oldest record, nothing is skipped. */
    public static final String STARTING_POSITION = "TRIM_HORIZON";
    /** The dead-letter queue keeps messages 14 days (the SQS maximum). */
    public static final int DEAD_LETTER_RETENTION_SECONDS = 14 * 24 * 3600;
    /** Alarm when a Kinesis/MSK source's records wait longer than this (IteratorAge), ms. */
    public static final double ITERATOR_AGE_ALARM_MS = 300_000;
    /** Alarm when an MSK source lags by more records than this (OffsetLag). */
    public static final double OFFSET_LAG_ALARM_RECORDS = 10_000;
    public static final String VPC_ACCESS_POLICY = "service-role/AWSLambdaVPCAccessExecutionRole";
    public static final String MSK_ACCESS_POLICY = "service-role/AWSLambdaMSKExecutionRole";

    @Export(name = "functionName", refs = {String.class})
    public final Output<String> functionName;
    @Export(name = "functionArn", refs = {String.class})
    public final Output<String> functionArn;
    /** The {@value #ALIAS} alias: what event sources, schedules and callers invoke. */
    @Export(name = "aliasArn", refs = {String.class})
    public final Output<String> aliasArn;
    @Export(name = "roleArn", refs = {String.class})
    public final Output<String> roleArn;
    @Export(name = "roleName", refs = {String.class})
    public final Output<String> roleName;
    @Export(name = "deadLetterQueueArn", refs = {String.class})
    public final Output<String> deadLetterQueueArn;
    @Export(name = "logGroupName", refs = {String.class})
    public final Output<String> logGroupName;

    private final Role role;
    private final Output<String> securityGroupId;

    public JavaFunction(String name, JavaFunctionArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        args.validate();
        var tags = ResourceTags.require("JavaFunction", args.tags());
        var environment = EnvironmentName.require("JavaFunction", args.environment());
        var account = AwsAccount.lookup(this);
        var child = CustomResourceOptions.builder().parent(this).build();
        var physicalName = "fluxo-" + environment + "-" + name;

        var keyArn = ComponentKey.givenOrCreate(args.kmsKeyArn(), name + "-key",
                "Fluxo " + environment + " function " + name + ": logs, environment, dead letters", this, account, tags);
        LogGroup logGroup = EncryptedLogGroup.create(name + "-logs", "/fluxo/" + environment + "/lambda/" + name,
                args.logRetentionDays(), keyArn, tags, this);
        var queue = new Queue(name + "-dead-letter", QueueArgs.builder()
                .name(physicalName + "-dead-letter")
                .kmsMasterKeyId(keyArn)
                .kmsDataKeyReusePeriodSeconds(300)
                .messageRetentionSeconds(DEAD_LETTER_RETENTION_SECONDS)
                .tags(ResourceTags.named(tags, physicalName + "-dead-letter"))
                .build(), child);

        this.role = new Role(name + "-role", RoleArgs.builder()
                .description("Runs the Fluxo " + environment + " function " + name)
                .assumeRolePolicy(PolicyDocument.assumableBy("lambda.amazonaws.com", account.accountId()).toJson())
                .tags(ResourceTags.named(tags, name + "-role"))
                .build(), child);
        var dependencies = new ArrayList<Resource>();
        dependencies.add(logGroup);
        dependencies.add(InlinePolicy.attach(name + "-base", role, basePolicy(logGroup, queue, keyArn), this));
        if (args.inVpc()) {
            dependencies.add(attachManaged(name + "-vpc-access", VPC_ACCESS_POLICY, account));
        }
        if (args.mskClusterArn().isPresent()) {
            dependencies.add(attachManaged(name + "-msk-access", MSK_ACCESS_POLICY, account));
        }

        FunctionVpcConfigArgs vpcConfig = null;
        if (args.inVpc()) {
            var securityGroup = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                    .namePrefix(physicalName + "-")
                    .description("Fluxo " + environment + " function " + name + ": egress only")
                    .vpcId(args.vpcId().orElseThrow())
                    .tags(ResourceTags.named(tags, name + "-sg"))
                    .build(), child);
            new SecurityGroupEgressRule(name + "-egress", SecurityGroupEgressRuleArgs.builder()
                    .securityGroupId(securityGroup.id())
                    .description("The function calls out (database, brokers, AWS APIs); nothing calls in")
                    .ipProtocol("-1")
                    .cidrIpv4("0.0.0.0/0")
                    .tags(ResourceTags.named(tags, name + "-egress"))
                    .build(), child);
            this.securityGroupId = securityGroup.id();
            var groups = args.securityGroupIds().map(extra -> Output.tuple(securityGroup.id(), extra)
                            .applyValue(t -> { var all = new ArrayList<String>(); all.add(t.t1); all.addAll(t.t2); return List.copyOf(all); }))
                    .orElse(securityGroup.id().applyValue(List::of));
            vpcConfig = FunctionVpcConfigArgs.builder()
                    .subnetIds(args.subnetIds().orElseThrow())
                    .securityGroupIds(groups)
                    .build();
        } else {
            this.securityGroupId = null;
        }

        var functionArgs = FunctionArgs.builder()
                .name(physicalName)
                .description("Fluxo " + environment + " " + name)
                .runtime(args.runtime())
                .handler(args.handler())
                .code(new FileArchive(args.codePath()))
                .sourceCodeHash(args.codeSha256())
                .memorySize(args.memoryMb())
                .timeout(args.timeoutSeconds())
                .role(role.arn())
                .publish(true)
                .kmsKeyArn(keyArn)
                .environment(FunctionEnvironmentArgs.builder().variables(args.environmentVariables()).build())
                .loggingConfig(FunctionLoggingConfigArgs.builder().logFormat("JSON").logGroup(logGroup.name()).build())
                .deadLetterConfig(FunctionDeadLetterConfigArgs.builder().targetArn(queue.arn()).build())
                .tags(ResourceTags.named(tags, physicalName));
        if (args.snapStart()) {
            functionArgs.snapStart(FunctionSnapStartArgs.builder().applyOn("PublishedVersions").build());
        }
        if (vpcConfig != null) {
            functionArgs.vpcConfig(vpcConfig);
        }
        args.reservedConcurrency().ifPresent(functionArgs::reservedConcurrentExecutions);
        var function = new Function(name + "-function", functionArgs.build(),
                CustomResourceOptions.builder().parent(this).dependsOn(dependencies).build());
        var alias = new Alias(name + "-" + ALIAS, AliasArgs.builder()
                .name(ALIAS)
                .description("The published version event sources and schedules invoke (SnapStart)")
                .functionName(function.name())
                .functionVersion(function.version())
                .build(), child);

        args.kinesisStreamArn().ifPresent(stream -> new EventSourceMapping(name + "-kinesis-source",
                EventSourceMappingArgs.builder()
                        .functionName(alias.arn())
                        .eventSourceArn(stream)
                        .startingPosition(STARTING_POSITION)
                        .batchSize(args.batchSize())
                        .maximumBatchingWindowInSeconds(args.batchingWindowSeconds())
                        .functionResponseTypes("ReportBatchItemFailures")
                        .bisectBatchOnFunctionError(true)
                        .maximumRetryAttempts(args.maximumRetryAttempts())
                        .maximumRecordAgeInSeconds(args.maximumRecordAgeSeconds())
                        .destinationConfig(EventSourceMappingDestinationConfigArgs.builder()
                                .onFailure(EventSourceMappingDestinationConfigOnFailureArgs.builder()
                                        .destinationArn(queue.arn()).build())
                                .build())
                        .tags(ResourceTags.named(tags, name + "-kinesis-source"))
                        .build(), child));
        args.mskClusterArn().ifPresent(cluster -> new EventSourceMapping(name + "-msk-source",
                EventSourceMappingArgs.builder()
                        .functionName(alias.arn())
                        .eventSourceArn(cluster)
                        .topics(args.mskTopic())
                        .startingPosition(STARTING_POSITION)
                        .batchSize(args.batchSize())
                        .maximumBatchingWindowInSeconds(args.batchingWindowSeconds())
                        .amazonManagedKafkaEventSourceConfig(EventSourceMappingAmazonManagedKafkaEventSourceConfigArgs
                                .builder().consumerGroupId(args.mskConsumerGroupId()).build())
                        .tags(ResourceTags.named(tags, name + "-msk-source"))
                        .build(), child));
        args.scheduleExpression().ifPresent(expression -> {
            var rule = new EventRule(name + "-schedule", EventRuleArgs.builder()
                    .name(physicalName + "-schedule")
                    .description("Invokes " + physicalName + ":" + ALIAS + " on " + expression)
                    .scheduleExpression(expression)
                    .tags(ResourceTags.named(tags, name + "-schedule"))
                    .build(), child);
            new EventTarget(name + "-schedule-target", EventTargetArgs.builder()
                    .rule(rule.name())
                    .arn(alias.arn())
                    .build(), child);
            new Permission(name + "-schedule-invoke", PermissionArgs.builder()
                    .function(function.name())
                    .qualifier(alias.name())
                    .action("lambda:InvokeFunction")
                    .principal("events.amazonaws.com")
                    .sourceArn(rule.arn())
                    .build(), child);
        });

        args.alarmTopicArn().ifPresent(topic -> {
            var byFunction = function.name().applyValue(f -> Map.of("FunctionName", f));
            Alarm.sumAbove("AWS/Lambda", "Errors", 0, "The function " + physicalName + " failed invocations; see "
                    + "its log group").create(physicalName + "-errors", byFunction, topic, tags, this);
            Alarm.sumAbove("AWS/Lambda", "Throttles", 0, "The function " + physicalName + " was throttled; raise "
                    + "its reserved concurrency or the account limit").create(physicalName + "-throttles", byFunction,
                    topic, tags, this);
            if (args.kinesisStreamArn().isPresent() || args.mskClusterArn().isPresent()) {
                Alarm.maximumAbove("AWS/Lambda", "IteratorAge", ITERATOR_AGE_ALARM_MS, "Records wait too long "
                        + "before " + physicalName + " reads them: it is failing or too slow")
                        .create(physicalName + "-iterator-age", byFunction, topic, tags, this);
            }
            if (args.mskClusterArn().isPresent()) {
                Alarm.maximumAbove("AWS/Lambda", "OffsetLag", OFFSET_LAG_ALARM_RECORDS, "The consumer group of "
                        + physicalName + " lags behind the topic").create(physicalName + "-offset-lag", byFunction,
                        topic, tags, this);
            }
            Alarm.maximumAbove("AWS/SQS", "ApproximateNumberOfMessagesVisible", 0, "Invocations or batches of "
                    + physicalName + " failed for good; their details wait in the dead-letter queue")
                    .create(physicalName + "-dead-letters", queue.name().applyValue(q -> Map.of("QueueName", q)), topic,
                            tags, this);
        });

        this.functionName = function.name();
        this.functionArn = function.arn();
        this.aliasArn = alias.arn();
        this.roleArn = role.arn();
        this.roleName = role.name();
        this.deadLetterQueueArn = queue.arn();
        this.logGroupName = logGroup.name();
        var outputs = new LinkedHashMap<String, Output<?>>();
        outputs.put("functionName", functionName);
        outputs.put("functionArn", functionArn);
        outputs.put("aliasArn", aliasArn);
        outputs.put("roleArn", roleArn);
        outputs.put("roleName", roleName);
        outputs.put("deadLetterQueueArn", deadLetterQueueArn);
        outputs.put("logGroupName", logGroupName);
        registerOutputs(outputs);
    }

    /** The execution role, for grants by other components ({@code lake.grantWrite(..., fn.role(), ...)}). */
    public Role role() {
        return role;
    }

    /** The function's own security group, when it runs in a VPC. */
    public Optional<Output<String>> securityGroupId() {
        return Optional.ofNullable(securityGroupId);
    }

    private static PolicyDocument basePolicy(LogGroup logGroup, Queue queue, Output<String> keyArn) {
        return PolicyDocument.of(
                PolicyStatement.allow().sid("WriteOwnLogs")
                        .actions("logs:CreateLogStream", "logs:PutLogEvents")
                        .resource(logGroup.arn().applyValue(arn -> arn + ":*"))
                        .build(),
                PolicyStatement.allow().sid("SendToOwnDeadLetterQueue")
                        .actions("sqs:SendMessage")
                        .resource(queue.arn())
                        .build(),
                PolicyStatement.allow().sid("UseOwnKey")
                        .actions("kms:Decrypt", "kms:GenerateDataKey")
                        .resource(keyArn)
                        .build());
    }

    private RolePolicyAttachment attachManaged(String resourceName, String policy, AwsAccount account) {
        return new RolePolicyAttachment(resourceName, RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(Output.format("arn:%s:iam::aws:policy/%s", account.partition(), policy))
                .build(), CustomResourceOptions.builder().parent(this).build());
    }
}
