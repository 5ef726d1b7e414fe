package dev.fluxo.stacks.config;

import org.junit.jupiter.params.provider.Arguments;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** A valid base configuration and the invalid variations of it that validation must reject, with the message. */
public final class InvalidConfigCases {

    private InvalidConfigCases() {
    }

    public static Map<String, String> validDev() {
        var m = new HashMap<String, String>();
        m.put("aws:region", "us-east-1");
        m.put("fluxo:environment", "dev");
        m.put("fluxo:owner", "data-platform");
        m.put("fluxo:costCenter", "cc-1");
        m.put("fluxo:network", "{\"cidr\":\"10.20.0.0/16\",\"azCount\":2,"
                + "\"interfaceEndpoints\":[\"secretsmanager\",\"kinesis-streams\",\"glue\",\"logs\"]}");
        return m;
    }

    public static Map<String, String> validProd() {
        var m = validDev();
        m.put("fluxo:environment", "prod");
        m.put("fluxo:database", "{\"multiAz\":true,\"deletionProtection\":true,\"backupRetentionDays\":7}");
        return m;
    }

    /** A valid Kubernetes-flavour dev configuration (no AWS stream, database, network, Lambda or job settings). */
    public static Map<String, String> validKubernetesDev() {
        var m = validDev();
        m.remove("fluxo:network");
        m.put("fluxo:platform", "kubernetes");
        m.put("fluxo:kubernetes", "{\"oidcProviderArn\":\"arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1."
                + "amazonaws.com/id/X\",\"connectImage\":\"registry.example.com/fluxo/connect:1\",\"databaseHost\":"
                + "\"db.example.internal\",\"databaseSecret\":\"db-credentials\",\"transformImage\":"
                + "\"registry.example.com/fluxo/transform:1\"}");
        return m;
    }

    private static Arguments k8s(String name, Consumer<Map<String, String>> change, String expected) {
        var m = validKubernetesDev();
        change.accept(m);
        return Arguments.of(name, config(m), expected);
    }

    public static StackConfig config(Map<String, String> values) {
        return new StackConfig("test", values, Set.of());
    }

    private static Arguments dev(String name, Consumer<Map<String, String>> change, String expected) {
        var m = validDev();
        change.accept(m);
        return Arguments.of(name, config(m), expected);
    }

    private static Arguments prod(String name, Consumer<Map<String, String>> change, String expected) {
        var m = validProd();
        change.accept(m);
        return Arguments.of(name, config(m), expected);
    }

    /** (case name, config, a line the report must contain). */
    public static Stream<Arguments> cases() {
        return Stream.of(
                dev("a shared KMS key in prod is refused", m -> {
                            m.putAll(validProd());
                            m.put("fluxo:kmsKeys", "shared");
                        },
                        "fluxo:kmsKeys = shared\n     prod keeps one key per component"),
                dev("key scope not in the enum", m -> m.put("fluxo:kmsKeys", "one"),
                        "fluxo:kmsKeys = one\n     not one of the allowed values"),
                dev("DMS into Kinesis without a Kinesis endpoint or NAT",
                        m -> m.put("fluxo:network", "{\"interfaceEndpoints\":[\"secretsmanager\",\"glue\",\"logs\"]}"),
                        "missing: kinesis-streams (DMS writes the changes to Kinesis)"),
                dev("a job in the private subnets without Glue and Logs endpoints",
                        m -> m.put("fluxo:network", "{\"interfaceEndpoints\":[\"secretsmanager\",\"kinesis-streams\"]}"),
                        "missing: glue (the streaming job reads and writes the Glue catalog), logs"),
                dev("MSK without the endpoints its Lambda event source mapping calls", m -> {
                            m.put("fluxo:stream", "{\"kind\":\"msk\"}");
                            m.put("fluxo:changeCapture", "{\"tables\":[\"public.customers\"]}");
                        },
                        "missing: lambda (the transform's MSK event source mapping invokes the function), sts"),
                dev("worker memory outside what EMR Serverless gives a 1-vCPU worker",
                        m -> m.put("fluxo:job", "{\"workerVcpu\":1,\"workerMemoryGb\":16}"),
                        "fluxo:job.workerMemoryGb = 16\n     a 1-vCPU worker takes 2 to 8 GB, was 16"),
                dev("worker vCPU EMR Serverless does not offer", m -> m.put("fluxo:job", "{\"workerVcpu\":3}"),
                        "fluxo:job.workerVcpu = 3"),
                dev("unknown top-level key", m -> m.put("fluxo:netwrok", "{}"),
                        "fluxo:netwrok = {}\n     unknown key: did you mean fluxo:network?"),
                dev("unknown nested key", m -> m.put("fluxo:network", "{\"cidr\":\"10.20.0.0/16\",\"azCuont\":2}"),
                        "fluxo:network.azCuont = 2\n     unknown key: did you mean fluxo:network.azCount?"),
                dev("missing environment", m -> m.remove("fluxo:environment"),
                        "fluxo:environment = (not set)\n     required key is missing\n     allowed: "),
                dev("environment not in the enum", m -> m.put("fluxo:environment", "production"),
                        "fluxo:environment = production\n     not one of the allowed values"),
                dev("wrong type for a number", m -> m.put("fluxo:network", "{\"azCount\":\"two\"}"),
                        "fluxo:network.azCount = two\n     expected a whole number, got 'two'\n     allowed: a whole number from 2 to 6"),
                dev("number out of range", m -> m.put("fluxo:network", "{\"azCount\":9}"),
                        "fluxo:network.azCount = 9\n     out of range\n     allowed: a whole number from 2 to 6"),
                dev("wrong type for a boolean", m -> m.put("fluxo:allowDataDeletion", "yes"),
                        "fluxo:allowDataDeletion = yes\n     expected true or false, got 'yes'"),
                dev("section that is not an object", m -> m.put("fluxo:database", "db.t4g.micro"),
                        "fluxo:database = db.t4g.micro\n     expected an object, got 'db.t4g.micro'"),
                dev("CIDR syntax", m -> m.put("fluxo:network", "{\"cidr\":\"10.20.0.0/33\"}"),
                        "fluxo:network.cidr = 10.20.0.0/33\n     not a valid IPv4 CIDR block"),
                dev("CIDR with host bits", m -> m.put("fluxo:network", "{\"cidr\":\"10.20.1.0/16\"}"),
                        "fluxo:network.cidr = 10.20.1.0/16\n     not a valid IPv4 CIDR block"),
                dev("CIDR too small for the subnets", m -> m.put("fluxo:network", "{\"cidr\":\"10.20.0.0/27\"}"),
                        "fluxo:network.cidr = 10.20.0.0/27\n     AWS VPCs take /16 to /28 and Fluxo needs room for its subnets"),
                dev("CIDR overlapping a peered network",
                        m -> m.put("fluxo:network", "{\"cidr\":\"10.20.0.0/16\",\"peeredCidrs\":[\"10.0.0.0/8\"]}"),
                        "fluxo:network.cidr = 10.20.0.0/16\n     overlaps the peered network 10.0.0.0/8"),
                dev("NAT gateway without public subnets", m -> m.put("fluxo:network", "{\"natGateway\":true}"),
                        "fluxo:network.natGateway = true\n     a NAT gateway needs public subnets"),
                dev("log retention CloudWatch does not accept", m -> m.put("fluxo:network", "{\"flowLogRetentionDays\":10}"),
                        "fluxo:network.flowLogRetentionDays = 10\n     not an accepted value\n     allowed: one of [1, 3, 5, 7, 14, 30"),
                dev("engine version not supported", m -> m.put("fluxo:database", "{\"engineVersion\":\"13\"}"),
                        "fluxo:database.engineVersion = 13\n     not one of the allowed values"),
                dev("storage ceiling below storage",
                        m -> m.put("fluxo:database", "{\"allocatedStorageGb\":100,\"maxAllocatedStorageGb\":50}"),
                        "fluxo:database.maxAllocatedStorageGb = 50\n     smaller than allocatedStorageGb (100)"),
                dev("athena cutoff beyond what the provider can express",
                        m -> m.put("fluxo:lakehouse", "{\"athenaBytesScannedCutoffMb\":5120}"),
                        "fluxo:lakehouse.athenaBytesScannedCutoffMb = 5120\n     out of range\n     allowed: a whole number from 10 to 2047"),
                dev("region format", m -> m.put("aws:region", "US East"),
                        "aws:region = US East\n     not a valid value\n     allowed: an AWS region code such as us-east-1"),
                dev("missing region", m -> m.remove("aws:region"),
                        "aws:region = (not set)\n     required key is missing"),
                dev("plain-text secret", m -> m.put("fluxo:maskingKey", "0123456789abcdef0123456789abcdef"),
                        "fluxo:maskingKey = [hidden]\n     secrets are only accepted as Pulumi secrets"),
                dev("alarm e-mail shape", m -> m.put("fluxo:alarms", "{\"email\":\"oncall\"}"),
                        "fluxo:alarms.email = oncall\n     not a valid value\n     allowed: an e-mail address"),
                dev("suppression without a reason",
                        m -> m.put("fluxo:policy", "{\"suppressions\":[{\"rule\":\"required-tags\",\"resource\":\"x\"}]}"),
                        "fluxo:policy.suppressions[0].reason = (not set)\n     required key is missing"),
                dev("suppression of an unknown rule",
                        m -> m.put("fluxo:policy", "{\"suppressions\":[{\"rule\":\"no-such-rule\",\"resource\":\"*\",\"reason\":\"r\"}]}"),
                        "fluxo:policy.suppressions[0].rule = no-such-rule\n     no such policy rule"),
                dev("kinesis stack with an MSK-only setting",
                        m -> m.put("fluxo:stream", "{\"kind\":\"kinesis\",\"brokerInstanceType\":\"kafka.m7g.large\"}"),
                        "fluxo:stream.brokerInstanceType = (set)\n     applies only to kind: msk, this stack uses kind: kinesis"),
                dev("msk stack with a Kinesis-only setting",
                        m -> m.put("fluxo:stream", "{\"kind\":\"msk\",\"shardCount\":2}"),
                        "fluxo:stream.shardCount = (set)\n     applies only to kind: kinesis, this stack uses kind: msk"),
                dev("zero shards", m -> m.put("fluxo:stream", "{\"kind\":\"kinesis\",\"shardCount\":0}"),
                        "fluxo:stream.shardCount = 0\n     out of range\n     allowed: a whole number from 1 to 500"),
                dev("shards on an on-demand stream",
                        m -> m.put("fluxo:stream", "{\"kinesisMode\":\"on-demand\",\"shardCount\":2}"),
                        "fluxo:stream.shardCount = 2\n     on-demand streams scale their shards themselves"),
                dev("broker size on MSK Serverless",
                        m -> m.put("fluxo:stream", "{\"kind\":\"msk\",\"mskMode\":\"serverless\",\"brokersPerAz\":2}"),
                        "fluxo:stream.brokersPerAz = (set)\n     applies only to mskMode: provisioned"),
                dev("connector tables without the source table",
                        m -> m.put("fluxo:changeCapture", "{\"tables\":[\"public.orders\"]}"),
                        "fluxo:changeCapture.tables = [public.orders]\n     does not capture the source table public.customers"),
                dev("a schedule on the transform",
                        m -> m.put("fluxo:functions", "{\"transform\":{\"schedule\":\"rate(1 minute)\"}}"),
                        "fluxo:functions.transform.schedule = (set)\n     the transform runs on stream events, not on a schedule"),
                dev("a continuous job with a schedule",
                        m -> m.put("fluxo:job", "{\"mode\":\"continuous\",\"scheduleMinutes\":5}"),
                        "fluxo:job.scheduleMinutes = 5\n     a continuous job is not scheduled"),
                prod("prod without Multi-AZ", m -> m.put("fluxo:database", "{\"deletionProtection\":true,\"backupRetentionDays\":7}"),
                        "fluxo:database.multiAz = false\n     prod requires a Multi-AZ source database"),
                prod("prod without deletion protection", m -> m.put("fluxo:database", "{\"multiAz\":true,\"backupRetentionDays\":7}"),
                        "fluxo:database.deletionProtection = false\n     prod requires deletion protection"),
                prod("prod with short backups", m -> m.put("fluxo:database", "{\"multiAz\":true,\"deletionProtection\":true,\"backupRetentionDays\":3}"),
                        "fluxo:database.backupRetentionDays = 3\n     prod requires at least 7 days of backups"),
                prod("prod allowing data deletion", m -> m.put("fluxo:allowDataDeletion", "true"),
                        "fluxo:allowDataDeletion = true\n     prod data can never be deleted by a stack update"),
                dev("platform not in the enum", m -> m.put("fluxo:platform", "k8s"),
                        "fluxo:platform = k8s\n     not one of the allowed values"),
                dev("a kubernetes block with platform aws", m -> m.put("fluxo:kubernetes", "{\"namespace\":\"fluxo\"}"),
                        "fluxo:kubernetes = (set)\n     applies only to platform: kubernetes"),
                k8s("a stream kind with platform kubernetes", m -> m.put("fluxo:stream", "{\"kind\":\"msk\"}"),
                        "fluxo:stream = (set)\n     applies only to platform: aws"),
                k8s("MSK Connect autoscaling with platform kubernetes",
                        m -> m.put("fluxo:changeCapture", "{\"autoscaling\":true}"),
                        "fluxo:changeCapture.autoscaling = (set)\n     applies only to platform: aws"),
                k8s("an RDS setting with platform kubernetes", m -> m.put("fluxo:database", "{\"multiAz\":true}"),
                        "fluxo:database = (set)\n     applies only to platform: aws"),
                k8s("a plain-text kubeconfig", m -> m.put("fluxo:kubeconfig", "apiVersion: v1"),
                        "fluxo:kubeconfig = [hidden]\n     a kubeconfig holds credentials: only a Pulumi secret is accepted"),
                k8s("a job in private subnets with platform kubernetes",
                        m -> m.put("fluxo:job", "{\"privateSubnets\":true}"),
                        "fluxo:job.privateSubnets = true\n     with platform: kubernetes Fluxo creates no VPC"),
                k8s("no kubernetes block with platform kubernetes", m -> m.remove("fluxo:kubernetes"),
                        "fluxo:kubernetes = (not set)\n     required key is missing with platform: kubernetes"),
                k8s("a typo in the kubernetes block", m -> m.put("fluxo:kubernetes", m.get("fluxo:kubernetes")
                                .replace("transformImage", "transfromImage")),
                        "fluxo:kubernetes.transfromImage = registry.example.com/fluxo/transform:1\n     unknown key: did "
                                + "you mean fluxo:kubernetes.transformImage?"),
                k8s("an image without a registry", m -> m.put("fluxo:kubernetes", m.get("fluxo:kubernetes")
                                .replace("registry.example.com/fluxo/connect:1", "connect")),
                        "fluxo:kubernetes.connectImage = connect\n     not a valid value"));
    }

    /** A config whose secret key set marks {@code fluxo:maskingKey} secret. */
    public static StackConfig withSecretMaskingKey(String value) {
        var m = validDev();
        m.put("fluxo:maskingKey", value);
        var secrets = new HashSet<String>();
        secrets.add("fluxo:maskingKey");
        return new StackConfig("test", m, secrets);
    }
}
