package dev.fluxo.stacks.config;

import dev.fluxo.components.jobs.WorkerSize;
import dev.fluxo.policies.PolicySet;
import dev.fluxo.policies.Suppression;
import dev.fluxo.schema.CustomerColumns;
import dev.fluxo.stacks.spec.AlarmSpec;
import dev.fluxo.stacks.spec.ChangeCaptureSpec;
import dev.fluxo.stacks.spec.DatabaseSpec;
import dev.fluxo.stacks.spec.Environment;
import dev.fluxo.stacks.spec.FunctionSpec;
import dev.fluxo.stacks.spec.JobSpec;
import dev.fluxo.stacks.spec.LakehouseSpec;
import dev.fluxo.stacks.spec.NetworkSpec;
import dev.fluxo.stacks.spec.PolicySpec;
import dev.fluxo.stacks.spec.StackSpec;
import dev.fluxo.stacks.spec.StreamSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a stack's configuration into one {@link StackSpec}, checking every key, type, range and cross-setting rule
 * in one pass and reporting all problems together ({@link InvalidStackConfigException}).
 */
public final class StackSpecParser {
    /** The config namespace of Fluxo's own keys. */
    public static final String NAMESPACE = "fluxo";

    static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d");
    static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{N} _.:/=+@-]{1,128}");
    static final Pattern CIDR_SHAPE = Pattern.compile("\\S+/\\d{1,2}");
    static final Pattern INSTANCE_CLASS = Pattern.compile("db\\.[a-z0-9]+\\.[a-z0-9]+");
    static final Pattern SERVICE = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final Pattern ANY = Pattern.compile("(?s).+");

    /** The retention periods CloudWatch Logs accepts. */
    public static final List<Integer> LOG_RETENTION_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
            400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    /** Smallest and largest VPC prefix Fluxo carves subnets from. */
    public static final int MIN_VPC_PREFIX = 16;
    public static final int MAX_VPC_PREFIX = 24;
    /** Backups a prod source database must keep. */
    public static final int PROD_MIN_BACKUP_RETENTION_DAYS = 7;
    /** The shortest masking key accepted (HMAC-SHA256 keys shorter than the hash add no strength). */
    public static final int MIN_MASKING_KEY_LENGTH = 32;

    private static final Map<String, Environment> ENVIRONMENTS = Map.of(
            "dev", Environment.DEV, "staging", Environment.STAGING, "prod", Environment.PROD);
    /** {@code fluxo:kmsKeys}: whether one key is shared by the stack. */
    private static final Map<String, Boolean> KMS_KEY_SCOPES = Map.of("per-component", false, "shared", true);
    private static final Map<String, String> ENGINE_VERSIONS = Map.of("16", "16", "17", "17");

    private StackSpecParser() {
    }

    /**
     * Parses and validates.
     *
     * @param project the Pulumi project name (a tag on every resource)
     * @throws InvalidStackConfigException listing every problem, when there is any
     */
    public static StackSpec parse(String project, StackConfig config) {
        var problems = new ArrayList<ConfigProblem>();
        var fluxo = ConfigSection.namespace(config, NAMESPACE, problems);
        var region = readRegion(config, problems);

        var environment = fluxo.oneOf("environment", ENVIRONMENTS, true, "fluxo:environment: dev");
        var owner = fluxo.requiredString("owner", TAG_VALUE, "a tag value: letters, digits, spaces and _.:/=+@- up to 128",
                "fluxo:owner: data-platform");
        var costCenter = fluxo.requiredString("costCenter", TAG_VALUE, "a tag value up to 128 characters",
                "fluxo:costCenter: cc-1234");
        var allowDataDeletion = fluxo.bool("allowDataDeletion", "fluxo:allowDataDeletion: false").orElse(false);
        var maskingKey = readMaskingKey(fluxo, config);

        var networkSection = fluxo.sectionOrEmpty("network", "fluxo:network: { cidr: 10.20.0.0/16 }");
        var network = readNetwork(networkSection);
        var database = readDatabase(fluxo.sectionOrEmpty("database", "fluxo:database: { instanceClass: db.t4g.micro }"));
        var lakehouse = readLakehouse(fluxo.sectionOrEmpty("lakehouse", "fluxo:lakehouse: { athenaBytesScannedCutoffMb: 1024 }"));
        var alarms = readAlarms(fluxo.sectionOrEmpty("alarms", "fluxo:alarms: { email: oncall@example.com }"));
        var policy = readPolicy(fluxo.sectionOrEmpty("policy", SUPPRESSION_EXAMPLE));
        var stream = readStream(fluxo.sectionOrEmpty("stream", "fluxo:stream: { kind: kinesis, shardCount: 1 }"));
        var capture = readChangeCapture(fluxo.sectionOrEmpty("changeCapture",
                "fluxo:changeCapture: { tables: [public.customers] }"), stream);
        var functions = fluxo.sectionOrEmpty("functions", "fluxo:functions: { transform: { memoryMb: 1024 } }");
        var producer = readFunction(functions.sectionOrEmpty("producer",
                "fluxo:functions: { producer: { schedule: rate(1 minute) } }"), false);
        var transform = readFunction(functions.sectionOrEmpty("transform",
                "fluxo:functions: { transform: { batchSize: 500 } }"), true);
        functions.finish();
        var job = readJob(fluxo.sectionOrEmpty("job", "fluxo:job: { mode: scheduled, scheduleMinutes: 15 }"));
        var sharedKey = fluxo.oneOf("kmsKeys", KMS_KEY_SCOPES, false, "fluxo:kmsKeys: per-component").orElse(false);
        var platform = fluxo.oneOf("platform", Map.of(StackSpec.AWS, StackSpec.AWS, StackSpec.KUBERNETES,
                StackSpec.KUBERNETES), false, "fluxo:platform: kubernetes").orElse(StackSpec.DEFAULT_PLATFORM);
        var kubernetes = KubernetesSettings.read(fluxo, config, platform);
        var onKubernetes = StackSpec.KUBERNETES.equals(platform);
        fluxo.finish();
        if (!onKubernetes) {
            EndpointRequirements.check(networkSection, network, stream, job);
        } else if (job.privateSubnets().orElse(false)) {
            fluxo.problem("job.privateSubnets", "true", "with platform: kubernetes Fluxo creates no VPC; the job runs "
                    + "outside any VPC (it calls only S3 and Glue)", "false, or leave it unset",
                    "fluxo:job: { mode: scheduled, scheduleMinutes: 60 }");
        }

        environment.filter(Environment::isProd).ifPresent(e -> checkProd(fluxo, allowDataDeletion,
                onKubernetes ? Optional.empty() : Optional.of(database), sharedKey));

        if (!problems.isEmpty()) {
            throw new InvalidStackConfigException(config.stack(), problems);
        }
        return new StackSpec(config.stack(), project, environment.orElseThrow(), region.orElseThrow(),
                owner.orElseThrow(), costCenter.orElseThrow(), allowDataDeletion, maskingKey, network, database,
                lakehouse, alarms, policy, stream, capture, producer, transform, job, platform, kubernetes, sharedKey);
    }

    private static Optional<String> readRegion(StackConfig config, List<ConfigProblem> problems) {
        var aws = ConfigSection.namespace(config, "aws", problems);
        // Other aws: provider keys (profile, assumeRole, defaultTags…) are the provider's business, not ours.
        return aws.requiredString("region", REGION, "an AWS region code such as us-east-1 or sa-east-1",
                "aws:region: us-east-1");
    }

    private static boolean readMaskingKey(ConfigSection fluxo, StackConfig config) {
        if (!fluxo.has("maskingKey")) {
            return false;
        }
        var key = fluxo.key("maskingKey");
        if (!config.isSecret(key)) {
            fluxo.problem("maskingKey", "[hidden]", "secrets are only accepted as Pulumi secrets",
                    "an encrypted value", "pulumi config set --secret fluxo:maskingKey <value>");
            return false;
        }
        var length = config.values().get(key).length();
        if (length < MIN_MASKING_KEY_LENGTH) {
            fluxo.problem("maskingKey", "[secret]", "too short (" + length + " characters)",
                    "at least " + MIN_MASKING_KEY_LENGTH + " characters",
                    "pulumi config set --secret fluxo:maskingKey \"$(openssl rand -hex 32)\"");
        }
        return true;
    }

    private static NetworkSpec readNetwork(ConfigSection s) {
        var example = "fluxo:network: { cidr: 10.20.0.0/16 }";
        var cidrText = s.string("cidr", CIDR_SHAPE, "an IPv4 block a.b.c.d/n, n from " + MIN_VPC_PREFIX + " to "
                + MAX_VPC_PREFIX, example);
        var cidr = cidrText.flatMap(text -> checkVpcCidr(s, text));
        var azCount = s.integer("azCount", 2, 6, "fluxo:network: { azCount: 2 }");
        var publicSubnets = s.bool("publicSubnets", "fluxo:network: { publicSubnets: false }").orElse(false);
        var nat = s.bool("natGateway", "fluxo:network: { natGateway: false }").orElse(false);
        var endpoints = s.stringList("interfaceEndpoints", SERVICE, "AWS service names such as secretsmanager, logs, glue",
                "fluxo:network: { interfaceEndpoints: [secretsmanager, logs] }");
        var endpointAzs = s.integer("interfaceEndpointAzCount", 1, 6, "fluxo:network: { interfaceEndpointAzCount: 1 }");
        var flowLogs = s.integerIn("flowLogRetentionDays", LOG_RETENTION_DAYS, "fluxo:network: { flowLogRetentionDays: 30 }");
        var peered = s.stringList("peeredCidrs", CIDR_SHAPE, "IPv4 blocks a.b.c.d/n",
                "fluxo:network: { peeredCidrs: [10.0.0.0/16] }").orElse(List.of());
        s.finish();

        if (nat && !publicSubnets) {
            s.problem("natGateway", "true", "a NAT gateway needs public subnets",
                    "natGateway: true only with publicSubnets: true (or use VPC endpoints instead: no NAT needed)",
                    "fluxo:network: { publicSubnets: true, natGateway: true }");
        }
        if (endpointAzs.isPresent() && endpointAzs.get() > azCount.orElse(2)) {
            s.problem("interfaceEndpointAzCount", endpointAzs.get().toString(),
                    "more endpoint AZs than the VPC has (" + azCount.orElse(2) + ")",
                    "from 1 to azCount", "fluxo:network: { interfaceEndpointAzCount: 1 }");
        }
        for (var p : peered) {
            var peer = Cidr.parse(p);
            if (peer.isEmpty()) {
                s.problem("peeredCidrs", p, "not a valid IPv4 CIDR block", "a.b.c.d/n with zero host bits",
                        "fluxo:network: { peeredCidrs: [10.0.0.0/16] }");
            } else if (cidr.isPresent() && cidr.get().overlaps(peer.get())) {
                s.problem("cidr", cidr.get().toString(), "overlaps the peered network " + peer.get(),
                        "a block that overlaps none of " + peered, "fluxo:network: { cidr: 10.20.0.0/16 }");
            }
        }
        return new NetworkSpec(cidr.map(Cidr::toString), azCount, publicSubnets, nat, endpoints, endpointAzs,
                flowLogs, peered);
    }

    private static Optional<Cidr> checkVpcCidr(ConfigSection s, String text) {
        var allowed = "an IPv4 block a.b.c.d/n with zero host bits, n from " + MIN_VPC_PREFIX + " to " + MAX_VPC_PREFIX;
        var cidr = Cidr.parse(text);
        if (cidr.isEmpty()) {
            s.problem("cidr", text, "not a valid IPv4 CIDR block", allowed, "fluxo:network: { cidr: 10.20.0.0/16 }");
            return Optional.empty();
        }
        if (cidr.get().prefix() < MIN_VPC_PREFIX || cidr.get().prefix() > MAX_VPC_PREFIX) {
            s.problem("cidr", text, "AWS VPCs take /16 to /28 and Fluxo needs room for its subnets", allowed,
                    "fluxo:network: { cidr: 10.20.0.0/16 }");
            return Optional.empty();
        }
        return cidr;
    }

    private static DatabaseSpec readDatabase(ConfigSection s) {
        var version = s.oneOf("engineVersion", ENGINE_VERSIONS, false, "fluxo:database: { engineVersion: \"17\" }");
        var instanceClass = s.string("instanceClass", INSTANCE_CLASS, "an RDS instance class such as db.t4g.micro or db.r7g.large",
                "fluxo:database: { instanceClass: db.t4g.micro }");
        var storage = s.integer("allocatedStorageGb", 20, 65536, "fluxo:database: { allocatedStorageGb: 20 }");
        var maxStorage = s.integer("maxAllocatedStorageGb", 20, 65536, "fluxo:database: { maxAllocatedStorageGb: 100 }");
        var multiAz = s.bool("multiAz", "fluxo:database: { multiAz: true }").orElse(false);
        var deletionProtection = s.bool("deletionProtection", "fluxo:database: { deletionProtection: true }").orElse(false);
        var backups = s.integer("backupRetentionDays", 1, 35, "fluxo:database: { backupRetentionDays: 7 }");
        var insights = s.bool("performanceInsights", "fluxo:database: { performanceInsights: true }");
        var slots = s.integer("maxReplicationSlots", 1, 100, "fluxo:database: { maxReplicationSlots: 10 }");
        var senders = s.integer("maxWalSenders", 1, 100, "fluxo:database: { maxWalSenders: 10 }");
        s.finish();
        if (storage.isPresent() && maxStorage.isPresent() && maxStorage.get() < storage.get()) {
            s.problem("maxAllocatedStorageGb", maxStorage.get().toString(),
                    "smaller than allocatedStorageGb (" + storage.get() + ")", "at least allocatedStorageGb",
                    "fluxo:database: { allocatedStorageGb: 20, maxAllocatedStorageGb: 100 }");
        }
        if (slots.isPresent() && senders.isPresent() && senders.get() < slots.get()) {
            s.problem("maxWalSenders", senders.get().toString(),
                    "fewer WAL senders than replication slots (" + slots.get() + "): some slots could never stream",
                    "at least maxReplicationSlots", "fluxo:database: { maxReplicationSlots: 10, maxWalSenders: 10 }");
        }
        return new DatabaseSpec(version, instanceClass, storage, maxStorage, multiAz, deletionProtection, backups,
                insights, slots, senders);
    }

    private static LakehouseSpec readLakehouse(ConfigSection s) {
        var allowDeletion = s.bool("allowDataDeletion", "fluxo:lakehouse: { allowDataDeletion: false }").orElse(false);
        var ia = s.integer("bronzeInfrequentAccessDays", 30, 3650, "fluxo:lakehouse: { bronzeInfrequentAccessDays: 30 }");
        var glacier = s.integer("bronzeGlacierDays", 30, 3650, "fluxo:lakehouse: { bronzeGlacierDays: 90 }");
        var noncurrent = s.integer("noncurrentVersionExpirationDays", 1, 3650,
                "fluxo:lakehouse: { noncurrentVersionExpirationDays: 30 }");
        // The provider types the cutoff as a 32-bit byte count: 2047 MB is the most it can express.
        var cutoff = s.longValue("athenaBytesScannedCutoffMb", 10, 2047,
                "fluxo:lakehouse: { athenaBytesScannedCutoffMb: 1024 }");
        s.finish();
        if (ia.isPresent() && glacier.isPresent() && glacier.get() <= ia.get()) {
            s.problem("bronzeGlacierDays", glacier.get().toString(),
                    "must come after bronzeInfrequentAccessDays (" + ia.get() + ")",
                    "more days than bronzeInfrequentAccessDays", "fluxo:lakehouse: { bronzeInfrequentAccessDays: 30, bronzeGlacierDays: 90 }");
        }
        return new LakehouseSpec(allowDeletion, ia, glacier, noncurrent, cutoff);
    }

    /** Settings that only mean something for one stream kind. */
    static final List<String> MSK_ONLY = List.of("mskMode", "kafkaVersion", "brokerInstanceType", "brokersPerAz",
            "brokerStorageGb", "maxBrokerStorageGb", "enhancedMonitoring", "topicPartitions", "topicRetentionHours");
    static final List<String> KINESIS_ONLY = List.of("kinesisMode", "shardCount", "retentionHours");
    static final List<String> MSK_PROVISIONED_ONLY = List.of("brokerInstanceType", "brokersPerAz", "brokerStorageGb",
            "maxBrokerStorageGb", "enhancedMonitoring");

    private static StreamSpec readStream(ConfigSection s) {
        var kinds = Map.of(StreamSpec.MSK, StreamSpec.MSK, StreamSpec.KINESIS, StreamSpec.KINESIS);
        var kind = s.oneOf("kind", kinds, false, "fluxo:stream: { kind: kinesis }").orElse(StreamSpec.KINESIS);
        var other = kind.equals(StreamSpec.MSK) ? KINESIS_ONLY : MSK_ONLY;
        for (var key : other) {
            if (s.has(key)) {
                s.problem(key, "(set)", "applies only to kind: " + (kind.equals(StreamSpec.MSK) ? "kinesis" : "msk")
                        + ", this stack uses kind: " + kind, "remove it, or change fluxo:stream.kind",
                        "fluxo:stream: { kind: " + kind + " }");
            }
        }
        var mskMode = s.oneOf("mskMode", Map.of("provisioned", "provisioned", "serverless", "serverless"), false,
                "fluxo:stream: { kind: msk, mskMode: provisioned }");
        var kafkaVersion = s.string("kafkaVersion", Pattern.compile("\\d+\\.\\d+\\.(\\d+|x)(\\.kraft)?"),
                "an MSK Kafka version such as 3.8.x", "fluxo:stream: { kafkaVersion: 3.8.x }");
        var brokerType = s.string("brokerInstanceType", Pattern.compile("kafka\\.[a-z0-9]+\\.[a-z0-9]+"),
                "an MSK broker type such as kafka.t3.small or kafka.m7g.large", "fluxo:stream: { brokerInstanceType: kafka.m7g.large }");
        var brokersPerAz = s.integer("brokersPerAz", 1, 10, "fluxo:stream: { brokersPerAz: 1 }");
        var storage = s.integer("brokerStorageGb", 1, 16384, "fluxo:stream: { brokerStorageGb: 100 }");
        var maxStorage = s.integer("maxBrokerStorageGb", 1, 16384, "fluxo:stream: { maxBrokerStorageGb: 500 }");
        var monitoring = s.oneOf("enhancedMonitoring", Map.of("DEFAULT", "DEFAULT", "PER_BROKER", "PER_BROKER",
                "PER_TOPIC_PER_BROKER", "PER_TOPIC_PER_BROKER", "PER_TOPIC_PER_PARTITION", "PER_TOPIC_PER_PARTITION"),
                false, "fluxo:stream: { enhancedMonitoring: PER_BROKER }");
        var partitions = s.integer("topicPartitions", 1, 1000, "fluxo:stream: { topicPartitions: 3 }");
        var topicRetention = s.integer("topicRetentionHours", 1, 8760, "fluxo:stream: { topicRetentionHours: 168 }");
        var kinesisMode = s.oneOf("kinesisMode", Map.of("on-demand", "on-demand", "provisioned", "provisioned"), false,
                "fluxo:stream: { kind: kinesis, kinesisMode: provisioned }");
        var shards = s.integer("shardCount", 1, 500, "fluxo:stream: { shardCount: 1 }");
        var retention = s.integer("retentionHours", 24, 8760, "fluxo:stream: { retentionHours: 24 }");
        s.finish();
        if (kinesisMode.filter("on-demand"::equals).isPresent() && shards.isPresent()) {
            s.problem("shardCount", shards.get().toString(), "on-demand streams scale their shards themselves",
                    "no shardCount with kinesisMode: on-demand", "fluxo:stream: { kinesisMode: provisioned, shardCount: 1 }");
        }
        if (mskMode.filter("serverless"::equals).isPresent()) {
            for (var key : MSK_PROVISIONED_ONLY) {
                if (s.has(key)) {
                    s.problem(key, "(set)", "applies only to mskMode: provisioned (serverless has no brokers to size)",
                            "remove it", "fluxo:stream: { kind: msk, mskMode: serverless }");
                }
            }
        }
        if (storage.isPresent() && maxStorage.isPresent() && maxStorage.get() < storage.get()) {
            s.problem("maxBrokerStorageGb", maxStorage.get().toString(), "smaller than brokerStorageGb (" + storage.get() + ")",
                    "at least brokerStorageGb", "fluxo:stream: { brokerStorageGb: 100, maxBrokerStorageGb: 500 }");
        }
        return new StreamSpec(kind, mskMode, kafkaVersion, brokerType, brokersPerAz, storage, maxStorage, monitoring,
                partitions, topicRetention, kinesisMode, shards, retention);
    }

    private static ChangeCaptureSpec readChangeCapture(ConfigSection s, StreamSpec stream) {
        var example = "fluxo:changeCapture: { tables: [" + CustomerColumns.SOURCE_TABLE + "] }";
        var tables = s.stringList("tables", Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*"),
                "schema.table names", example).orElse(List.of(CustomerColumns.SOURCE_TABLE));
        if (!tables.contains(CustomerColumns.SOURCE_TABLE)) {
            s.problem("tables", tables.toString(), "does not capture the source table " + CustomerColumns.SOURCE_TABLE
                    + " that the producer writes and the pipeline decodes", "a list containing "
                    + CustomerColumns.SOURCE_TABLE, example);
        }
        var identifier = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
        var publication = s.string("publicationName", identifier, "a PostgreSQL identifier (lower case, ≤ 63)",
                "fluxo:changeCapture: { publicationName: fluxo_customers }");
        var slot = s.string("slotName", identifier, "a PostgreSQL identifier (lower case, ≤ 63)",
                "fluxo:changeCapture: { slotName: fluxo_customers }");
        var heartbeat = s.integer("heartbeatIntervalMs", 1000, 3_600_000, "fluxo:changeCapture: { heartbeatIntervalMs: 10000 }");
        var snapshot = s.oneOf("snapshotMode", Map.of("initial", "initial", "no_data", "no_data", "never", "never",
                "when_needed", "when_needed", "always", "always", "initial_only", "initial_only"), false,
                "fluxo:changeCapture: { snapshotMode: initial }");
        var autoscaling = s.bool("autoscaling", "fluxo:changeCapture: { autoscaling: true }");
        var dmsMin = s.integer("dmsMinCapacityUnits", 1, 384, "fluxo:changeCapture: { dmsMinCapacityUnits: 1 }");
        var dmsMax = s.integer("dmsMaxCapacityUnits", 1, 384, "fluxo:changeCapture: { dmsMaxCapacityUnits: 2 }");
        s.finish();
        if (!stream.isMsk() && autoscaling.isPresent()) {
            s.problem("autoscaling", autoscaling.get().toString(), "MSK Connect autoscaling applies only to kind: msk",
                    "remove it (DMS scales with dmsMin/MaxCapacityUnits)", "fluxo:changeCapture: { dmsMaxCapacityUnits: 4 }");
        }
        if (stream.isMsk() && (dmsMin.isPresent() || dmsMax.isPresent())) {
            s.problem(dmsMin.isPresent() ? "dmsMinCapacityUnits" : "dmsMaxCapacityUnits", "(set)",
                    "DMS capacity applies only to kind: kinesis", "remove it", "fluxo:changeCapture: { autoscaling: true }");
        }
        if (dmsMin.isPresent() && dmsMax.isPresent() && dmsMax.get() < dmsMin.get()) {
            s.problem("dmsMaxCapacityUnits", dmsMax.get().toString(), "smaller than dmsMinCapacityUnits (" + dmsMin.get() + ")",
                    "at least dmsMinCapacityUnits", "fluxo:changeCapture: { dmsMinCapacityUnits: 1, dmsMaxCapacityUnits: 2 }");
        }
        return new ChangeCaptureSpec(tables, publication, slot, heartbeat, snapshot, autoscaling, dmsMin, dmsMax);
    }

    private static FunctionSpec readFunction(ConfigSection s, boolean consumesStream) {
        var memory = s.integer("memoryMb", 128, 10240, "memoryMb: 1024");
        var timeout = s.integer("timeoutSeconds", 1, 900, "timeoutSeconds: 60");
        var batch = s.integer("batchSize", 1, 10000, "batchSize: 100");
        var window = s.integer("batchingWindowSeconds", 0, 300, "batchingWindowSeconds: 1");
        var schedule = s.string("schedule", Pattern.compile("(rate|cron)\\(.+\\)"),
                "an EventBridge schedule expression", "schedule: rate(1 minute)");
        var enabled = s.bool("enabled", "enabled: true");
        s.finish();
        if (consumesStream && (schedule.isPresent() || enabled.isPresent())) {
            s.problem(schedule.isPresent() ? "schedule" : "enabled", "(set)",
                    "the transform runs on stream events, not on a schedule", "remove it", "batchSize: 100");
        }
        if (!consumesStream && window.isPresent()) {
            s.problem("batchingWindowSeconds", window.get().toString(), "the producer is scheduled, it reads no stream",
                    "remove it", "schedule: rate(1 minute)");
        }
        return new FunctionSpec(memory, timeout, batch, window, schedule, enabled);
    }

    private static JobSpec readJob(ConfigSection s) {
        var mode = s.oneOf("mode", Map.of(JobSpec.CONTINUOUS, JobSpec.CONTINUOUS, JobSpec.SCHEDULED, JobSpec.SCHEDULED),
                false, "fluxo:job: { mode: scheduled }").orElse(JobSpec.SCHEDULED);
        var minutes = s.integer("scheduleMinutes", 1, 1440, "fluxo:job: { scheduleMinutes: 15 }");
        var vcpu = s.integer("maximumVcpu", 1, 400, "fluxo:job: { maximumVcpu: 8 }");
        var memory = s.integer("maximumMemoryGb", 2, 3000, "fluxo:job: { maximumMemoryGb: 32 }");
        var privateSubnets = s.bool("privateSubnets", "fluxo:job: { privateSubnets: false }");
        var workerVcpu = s.integerIn("workerVcpu", List.of(1, 2, 4, 8, 16), "fluxo:job: { workerVcpu: 1, workerMemoryGb: 4 }");
        var workerMemory = s.integer("workerMemoryGb", 2, 120, "fluxo:job: { workerVcpu: 1, workerMemoryGb: 4 }");
        s.finish();
        var worker = new WorkerSize(workerVcpu.orElse(WorkerSize.EMR_DEFAULT.vcpu()),
                workerMemory.orElse(WorkerSize.EMR_DEFAULT.memoryGb()));
        if (workerVcpu.isPresent() || workerMemory.isPresent()) {
            worker.problem().ifPresent(p -> s.problem("workerMemoryGb", Integer.toString(worker.memoryGb()), p,
                    "2 to 8 GB per vCPU (at most 120)", "fluxo:job: { workerVcpu: 1, workerMemoryGb: 4 }"));
        }
        if (mode.equals(JobSpec.CONTINUOUS) && minutes.isPresent()) {
            s.problem("scheduleMinutes", minutes.get().toString(), "a continuous job is not scheduled",
                    "remove it, or use mode: scheduled", "fluxo:job: { mode: scheduled, scheduleMinutes: 15 }");
        }
        return new JobSpec(mode, minutes, vcpu, memory, privateSubnets, workerVcpu, workerMemory);
    }

    private static final String SUPPRESSION_EXAMPLE = "fluxo:policy: { suppressions: [ { rule: security-group-no-public-ingress, "
            + "resource: bastion-sg, reason: \"VPN-only bastion, reviewed 2026-11\" } ] }";

    private static PolicySpec readPolicy(ConfigSection s) {
        var suppressions = new ArrayList<Suppression>();
        var known = PolicySet.load().rules().stream().map(r -> r.id()).toList();
        for (var item : s.sections("suppressions", SUPPRESSION_EXAMPLE)) {
            var rule = item.requiredString("rule", Pattern.compile("[a-z0-9-]+"), "a rule id from the README's Policies section",
                    SUPPRESSION_EXAMPLE);
            var resource = item.requiredString("resource", ANY, "a resource name, or * for every resource", SUPPRESSION_EXAMPLE);
            var reason = item.requiredString("reason", Pattern.compile("(?s).*\\S.*"), "why the violation is acceptable",
                    SUPPRESSION_EXAMPLE);
            item.finish();
            rule.filter(r -> !known.contains(r)).ifPresent(r -> item.problem("rule", r, "no such policy rule",
                    "one of " + known, SUPPRESSION_EXAMPLE));
            if (rule.isPresent() && known.contains(rule.get()) && resource.isPresent() && reason.isPresent()) {
                suppressions.add(new Suppression(rule.get(), resource.get(), reason.get()));
            }
        }
        s.finish();
        return new PolicySpec(suppressions);
    }

    private static AlarmSpec readAlarms(ConfigSection s) {
        var email = s.string("email", EMAIL, "an e-mail address", "fluxo:alarms: { email: oncall@example.com }");
        s.finish();
        return new AlarmSpec(email);
    }

    // Prod must survive an AZ loss and an accidental delete; these are requirements, not defaults. The source database
    // rules apply where Fluxo creates the database (aws); the Kubernetes flavour reaches an existing one.
    private static void checkProd(ConfigSection fluxo, boolean allowDataDeletion, Optional<DatabaseSpec> database,
                                  boolean sharedKey) {
        if (sharedKey) {
            fluxo.problem("kmsKeys", "shared", "prod keeps one key per component, so each grant decrypts only its part",
                    "per-component", "fluxo:kmsKeys: per-component");
        }
        database.ifPresent(db -> checkProdDatabase(fluxo, db));
        if (allowDataDeletion) {
            fluxo.problem("allowDataDeletion", "true", "prod data can never be deleted by a stack update", "false",
                    "fluxo:allowDataDeletion: false");
        }
    }

    private static void checkProdDatabase(ConfigSection fluxo, DatabaseSpec db) {
        var example = "fluxo:database: { multiAz: true, deletionProtection: true, backupRetentionDays: 7 }";
        if (!db.multiAz()) {
            fluxo.problem("database.multiAz", "false", "prod requires a Multi-AZ source database", "true", example);
        }
        if (!db.deletionProtection()) {
            fluxo.problem("database.deletionProtection", "false", "prod requires deletion protection", "true", example);
        }
        var backups = db.backupRetentionDays().orElse(1);
        if (backups < PROD_MIN_BACKUP_RETENTION_DAYS) {
            fluxo.problem("database.backupRetentionDays", Integer.toString(backups),
                    "prod requires at least " + PROD_MIN_BACKUP_RETENTION_DAYS + " days of backups",
                    PROD_MIN_BACKUP_RETENTION_DAYS + " to 35", example);
        }
    }
}
