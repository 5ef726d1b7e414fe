package dev.fluxo.stacks.config;

import dev.fluxo.stacks.spec.AlarmSpec;
import dev.fluxo.stacks.spec.DatabaseSpec;
import dev.fluxo.stacks.spec.Environment;
import dev.fluxo.stacks.spec.LakehouseSpec;
import dev.fluxo.policies.PolicySet;
import dev.fluxo.policies.Suppression;
import dev.fluxo.stacks.spec.NetworkSpec;
import dev.fluxo.stacks.spec.PolicySpec;
import dev.fluxo.stacks.spec.StackSpec;

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

        var network = readNetwork(fluxo.sectionOrEmpty("network", "fluxo:network: { cidr: 10.20.0.0/16 }"));
        var database = readDatabase(fluxo.sectionOrEmpty("database", "fluxo:database: { instanceClass: db.t4g.micro }"));
        var lakehouse = readLakehouse(fluxo.sectionOrEmpty("lakehouse", "fluxo:lakehouse: { athenaBytesScannedCutoffMb: 1024 }"));
        var alarms = readAlarms(fluxo.sectionOrEmpty("alarms", "fluxo:alarms: { email: oncall@example.com }"));
        var policy = readPolicy(fluxo.sectionOrEmpty("policy", SUPPRESSION_EXAMPLE));
        fluxo.finish();

        environment.filter(Environment::isProd).ifPresent(e -> checkProd(fluxo, allowDataDeletion, database));

        if (!problems.isEmpty()) {
            throw new InvalidStackConfigException(config.stack(), problems);
        }
        return new StackSpec(config.stack(), project, environment.orElseThrow(), region.orElseThrow(),
                owner.orElseThrow(), costCenter.orElseThrow(), allowDataDeletion, maskingKey, network, database,
                lakehouse, alarms, policy);
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

    // Prod must survive an AZ loss and an accidental delete; these are requirements, not defaults.
    private static void checkProd(ConfigSection fluxo, boolean allowDataDeletion, DatabaseSpec db) {
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
        if (allowDataDeletion) {
            fluxo.problem("allowDataDeletion", "true", "prod data can never be deleted by a stack update", "false",
                    "fluxo:allowDataDeletion: false");
        }
    }
}
