package dev.fluxo.components.testing;

import com.pulumi.test.Mocks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Pulumi {@link Mocks} that record what a program registers and answer like AWS would, so a stack can be
 * planned and tested without credentials.
 *
 * <p>Every resource (components included, the root stack not) is recorded with its inputs, the only place
 * Pulumi exposes them under mocks, in the order the engine registers them: a resource waits for its parent and
 * for the outputs it consumes, so independent resources may arrive in any order. The state returned is the
 * inputs plus plausible computed outputs: {@code id}, {@code arn}
 * ({@code arn:aws:<service>:<region>:123456789012:<name>}), S3 {@code bucket} from {@code bucket} or
 * {@code bucketPrefix}, {@code name} from {@code namePrefix}, RDS {@code address}/{@code port}/
 * {@code masterUserSecrets}, KMS {@code keyId}, MSK {@code bootstrapBrokersSaslIam} (one broker per node, port 9098)
 * and Kafka ARNs, Lambda {@code version}/{@code qualifiedArn} and alias ARNs, SQS URLs, MSK Connect, DMS, EMR
 * Serverless and Step Functions ARNs, and so on. Computed values are derived from the logical name,
 * so two runs of the same program return the same values.
 *
 * <p>Invokes: {@code getAvailabilityZones}, {@code getCallerIdentity}, {@code getRegion} and
 * {@code getPartition} are answered; any other invoke fails with an exception that names its token, because
 * an empty answer would only surface later as a null deep inside the program.
 *
 * <p>JVM flag: run programs under these mocks with {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=4}.
 * With 2, pulumi 1.36.1's runner re-enqueues itself on the common pool and a run hangs now and then on JDK 17;
 * with 1 it always hangs on JDK 25 (pulumi-java#2270).
 *
 * <pre>{@code
 * var mocks = new RecordingMocks();
 * PulumiTest.withMocks(mocks).runTest(ctx -> new Network("net", args, null)).throwOnError();
 * assertThat(mocks.ofType(RecordingMocks.VPC)).hasSize(1);
 * }</pre>
 */
public final class RecordingMocks implements Mocks {
    /** The region the mocks answer for unless another is given. */
    public static final String DEFAULT_REGION = "us-east-1";
    /** The account id in every ARN and in {@code getCallerIdentity}. */
    public static final String ACCOUNT_ID = "123456789012";
    /** How many availability zones {@code getAvailabilityZones} returns. */
    public static final int AVAILABILITY_ZONE_COUNT = 3;

    public static final String GET_AVAILABILITY_ZONES = "aws:index/getAvailabilityZones:getAvailabilityZones";
    public static final String GET_CALLER_IDENTITY = "aws:index/getCallerIdentity:getCallerIdentity";
    public static final String GET_REGION = "aws:index/getRegion:getRegion";
    public static final String GET_PARTITION = "aws:index/getPartition:getPartition";
    public static final String GET_RANDOM_PASSWORD = "aws:secretsmanager/getRandomPassword:getRandomPassword";
    /** What {@code getRandomPassword} answers: fixed, so plans are reproducible. */
    public static final String MOCK_RANDOM_PASSWORD = "mock-random-password-0123456789abcdef0123456789abcdef";
    /** Type token of a VPC, handy in assertions. */
    public static final String VPC = "aws:ec2/vpc:Vpc";

    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    private final String region;
    private final List<RecordedResource> resources = new CopyOnWriteArrayList<>();
    private final List<RecordedInvoke> invokes = new CopyOnWriteArrayList<>();

    /** Mocks for {@link #DEFAULT_REGION}. */
    public RecordingMocks() {
        this(DEFAULT_REGION);
    }

    /** Mocks for the given region, e.g. {@code "sa-east-1"}. */
    public RecordingMocks(String region) {
        Objects.requireNonNull(region, "region");
        if (!REGION.matcher(region).matches()) {
            throw new IllegalArgumentException("not an AWS region name: '" + region + "' (expected e.g. us-east-1)");
        }
        this.region = region;
    }

    public String region() {
        return region;
    }

    /** Every resource in registration order (components included). */
    public List<RecordedResource> resources() {
        return List.copyOf(resources);
    }

    /** The resources of one type token, e.g. {@code aws:s3/bucketV2:BucketV2}, in registration order. */
    public List<RecordedResource> ofType(String token) {
        return resources.stream().filter(r -> r.type().equals(token)).toList();
    }

    /** The resource with this logical name; fails if there is none or more than one. */
    public RecordedResource named(String name) {
        var matches = resources.stream().filter(r -> r.name().equals(name)).toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException("expected one resource named '" + name + "' but found "
                    + matches.size() + "; names: " + resources.stream().map(RecordedResource::name).toList());
        }
        return matches.get(0);
    }

    /** Every invoke in call order. */
    public List<RecordedInvoke> invokes() {
        return List.copyOf(invokes);
    }

    /** Forgets everything recorded, to reuse the mocks for another run. */
    public void clear() {
        resources.clear();
        invokes.clear();
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        var inputs = args.inputs == null ? Map.<String, Object>of() : args.inputs;
        if (isComponent(args.type)) {
            resources.add(new RecordedResource(args.type, args.name, inputs));
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.empty(), inputs));
        }
        var state = new LinkedHashMap<String, Object>(inputs);
        var id = args.type.startsWith("pulumi:providers:") ? args.name + "-" + hash(args.type + "::" + args.name, 8)
                : new ComputedState(args.type, args.name, state).fill();
        var outputs = new LinkedHashMap<String, Object>(state);
        outputs.put("id", id);
        resources.add(new RecordedResource(args.type, args.name, inputs, outputs));
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        invokes.add(new RecordedInvoke(args.token, args.args == null ? Map.of() : args.args));
        return switch (args.token) {
            case GET_AVAILABILITY_ZONES -> done(availabilityZones());
            case GET_CALLER_IDENTITY -> done(Map.of("accountId", ACCOUNT_ID, "id", ACCOUNT_ID, "userId", "AIDAFLUXOMOCKS",
                    "arn", "arn:aws:iam::" + ACCOUNT_ID + ":user/fluxo-mocks"));
            case GET_REGION -> done(Map.of("name", region, "id", region, "description", region,
                    "endpoint", "ec2." + region + ".amazonaws.com"));
            case GET_PARTITION -> done(Map.of("partition", "aws", "id", "aws", "dnsSuffix", "amazonaws.com",
                    "reverseDnsPrefix", "com.amazonaws"));
            case GET_RANDOM_PASSWORD -> done(Map.of("id", "random", "randomPassword", MOCK_RANDOM_PASSWORD));
            default -> CompletableFuture.failedFuture(new UnsupportedOperationException(
                    "RecordingMocks cannot answer invoke '" + args.token + "' (args " + args.args + "); it answers "
                            + List.of(GET_AVAILABILITY_ZONES, GET_CALLER_IDENTITY, GET_REGION, GET_PARTITION,
                            GET_RANDOM_PASSWORD)));
        };
    }

    private Map<String, Object> availabilityZones() {
        var prefix = shortRegion(region);
        var names = new java.util.ArrayList<Object>();
        var zoneIds = new java.util.ArrayList<Object>();
        for (int i = 0; i < AVAILABILITY_ZONE_COUNT; i++) {
            names.add(region + (char) ('a' + i));
            zoneIds.add(prefix + "-az" + (i + 1));
        }
        return Map.of("id", region, "names", names, "zoneIds", zoneIds, "groupNames", List.of(region),
                "state", "available", "excludeNames", List.of(), "excludeZoneIds", List.of(), "filters", List.of());
    }

    /** {@code us-east-1} → {@code use1}, as AWS zone ids spell it. */
    private static String shortRegion(String region) {
        var parts = region.split("-");
        var middle = new StringBuilder();
        for (int i = 1; i < parts.length - 1; i++) {
            middle.append(parts[i].charAt(0));
        }
        return parts[0] + middle + parts[parts.length - 1];
    }

    private static <T> CompletableFuture<T> done(T value) {
        return CompletableFuture.completedFuture(value);
    }

    /**
     * A component's token has no {@code module/resource} part: {@code fluxo:index:Lakehouse},
     * {@code pulumi:pulumi:Stack}. Explicit providers ({@code pulumi:providers:kubernetes}) are custom resources.
     */
    private static boolean isComponent(String type) {
        if (type.startsWith("pulumi:providers:")) {
            return false;
        }
        var parts = type.split(":");
        return parts.length < 3 || !parts[1].contains("/");
    }

    /** Deterministic hex derived from a logical name, so mocked ids are stable across runs. */
    static String hash(String value, int length) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** Adds the outputs AWS would compute to one resource's state and returns its id. */
    private final class ComputedState {
        private final String type;
        private final String logicalName;
        private final Map<String, Object> state;
        private final String service;
        private final String kind;

        ComputedState(String type, String logicalName, Map<String, Object> state) {
            this.type = type;
            this.logicalName = logicalName;
            this.state = state;
            var module = type.split(":")[1];
            this.service = module.substring(0, module.indexOf('/'));
            this.kind = type.substring(type.indexOf('/') + 1);
        }

        String fill() {
            var name = physicalName();
            var hex = hash(type + "::" + logicalName, 17);
            var arnPrefix = "arn:aws:" + arnService() + ":" + region + ":" + ACCOUNT_ID + ":";
            state.put("region", region);
            state.put("tagsAll", state.getOrDefault("tags", Map.of()));
            switch (type) {
                case "aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket" -> {
                    state.put("bucket", name);
                    state.put("arn", "arn:aws:s3:::" + name);
                    state.put("bucketDomainName", name + ".s3.amazonaws.com");
                    state.put("bucketRegionalDomainName", name + ".s3." + region + ".amazonaws.com");
                    return name;
                }
                case "aws:kms/key:Key" -> {
                    var keyId = uuid(hex);
                    state.put("keyId", keyId);
                    state.put("arn", arnPrefix + "key/" + keyId);
                    return keyId;
                }
                case "aws:kms/alias:Alias" -> {
                    state.put("arn", arnPrefix + name);
                    state.putIfAbsent("targetKeyArn", arnPrefix + "key/" + state.getOrDefault("targetKeyId", ""));
                    return name;
                }
                case "aws:rds/instance:Instance" -> {
                    var identifier = (String) state.computeIfAbsent("identifier", k -> name);
                    var endpoint = identifier + "." + hex.substring(0, 12) + "." + region + ".rds.amazonaws.com";
                    state.putIfAbsent("port", 5432);
                    state.put("address", endpoint);
                    state.put("endpoint", endpoint + ":" + state.get("port"));
                    state.put("resourceId", "db-" + hex.toUpperCase());
                    state.put("arn", arnPrefix + "db:" + identifier);
                    if (Boolean.TRUE.equals(state.get("manageMasterUserPassword"))) {
                        state.put("masterUserSecrets", List.of(Map.of(
                                "secretArn", "arn:aws:secretsmanager:" + region + ":" + ACCOUNT_ID + ":secret:rds!db-"
                                        + uuid(hex) + "-" + hex.substring(0, 6),
                                "kmsKeyId", state.getOrDefault("masterUserSecretKmsKeyId", "aws/secretsmanager"),
                                "secretStatus", "active")));
                    }
                    return identifier;
                }
                case "aws:iam/role:Role" -> {
                    state.put("arn", "arn:aws:iam::" + ACCOUNT_ID + ":role/" + name);
                    state.put("uniqueId", "AROA" + hex.toUpperCase());
                    return name;
                }
                case "aws:iam/rolePolicy:RolePolicy" -> {
                    return state.getOrDefault("role", "role") + ":" + name;
                }
                case "aws:cloudwatch/logGroup:LogGroup" -> {
                    state.put("arn", "arn:aws:logs:" + region + ":" + ACCOUNT_ID + ":log-group:" + name);
                    return name;
                }
                case "aws:glue/catalogDatabase:CatalogDatabase" -> {
                    state.putIfAbsent("catalogId", ACCOUNT_ID);
                    state.put("arn", arnPrefix + "database/" + name);
                    return ACCOUNT_ID + ":" + name;
                }
                case "aws:glue/catalogTable:CatalogTable" -> {
                    var database = state.getOrDefault("databaseName", "default");
                    state.putIfAbsent("catalogId", ACCOUNT_ID);
                    state.put("arn", arnPrefix + "table/" + database + "/" + name);
                    return ACCOUNT_ID + ":" + database + ":" + name;
                }
                case "aws:athena/workgroup:Workgroup" -> {
                    state.put("arn", arnPrefix + "workgroup/" + name);
                    return name;
                }
                case "aws:cloudwatch/metricAlarm:MetricAlarm" -> {
                    state.put("arn", arnPrefix + "alarm:" + name);
                    return name;
                }
                case "aws:rds/subnetGroup:SubnetGroup" -> {
                    state.put("arn", arnPrefix + "subgrp:" + name);
                    return name;
                }
                case "aws:rds/parameterGroup:ParameterGroup" -> {
                    state.put("arn", arnPrefix + "pg:" + name);
                    return name;
                }
                case "aws:sns/topic:Topic" -> {
                    state.put("arn", arnPrefix + name);
                    return arnPrefix + name;
                }
                case "aws:sqs/queue:Queue" -> {
                    state.put("arn", arnPrefix + name);
                    var url = "https://sqs." + region + ".amazonaws.com/" + ACCOUNT_ID + "/" + name;
                    state.put("url", url);
                    return url;
                }
                case "aws:msk/cluster:Cluster", "aws:msk/serverlessCluster:ServerlessCluster" -> {
                    var clusterName = (String) state.computeIfAbsent("clusterName", k -> name);
                    var uuid = uuid(hex) + "-" + hex.substring(0, 2);
                    var arn = "arn:aws:kafka:" + region + ":" + ACCOUNT_ID + ":cluster/" + clusterName + "/" + uuid;
                    state.put("arn", arn);
                    state.put("clusterUuid", uuid);
                    state.put("currentVersion", "K" + hex.substring(0, 13).toUpperCase());
                    if (type.endsWith("ServerlessCluster")) {
                        state.put("bootstrapBrokersSaslIam", "boot-" + hex.substring(0, 8) + ".c1.kafka-serverless."
                                + region + ".amazonaws.com:9098");
                    } else {
                        var brokers = new java.util.ArrayList<String>();
                        var tls = new java.util.ArrayList<String>();
                        int count = state.get("numberOfBrokerNodes") instanceof Number n ? n.intValue() : 2;
                        for (int i = 1; i <= count; i++) {
                            var host = "b-" + i + "." + clusterName + "." + hex.substring(0, 6) + ".c2.kafka." + region
                                    + ".amazonaws.com";
                            brokers.add(host + ":9098");
                            tls.add(host + ":9094");
                        }
                        state.put("bootstrapBrokersSaslIam", String.join(",", brokers));
                        state.put("bootstrapBrokersTls", String.join(",", tls));
                        state.put("bootstrapBrokers", "");
                        state.put("zookeeperConnectString", "");
                        state.put("zookeeperConnectStringTls", "");
                    }
                    return arn;
                }
                case "aws:msk/configuration:Configuration" -> {
                    var arn = "arn:aws:kafka:" + region + ":" + ACCOUNT_ID + ":configuration/" + name + "/" + uuid(hex);
                    state.put("arn", arn);
                    state.put("latestRevision", 1);
                    return arn;
                }
                case "aws:kinesis/stream:Stream" -> {
                    var arn = arnPrefix + "stream/" + name;
                    state.put("arn", arn);
                    return arn;
                }
                case "aws:mskconnect/customPlugin:CustomPlugin", "aws:mskconnect/workerConfiguration:WorkerConfiguration",
                     "aws:mskconnect/connector:Connector" -> {
                    var resourceKind = switch (kind) {
                        case "customPlugin:CustomPlugin" -> "custom-plugin";
                        case "workerConfiguration:WorkerConfiguration" -> "worker-configuration";
                        default -> "connector";
                    };
                    var arn = "arn:aws:kafkaconnect:" + region + ":" + ACCOUNT_ID + ":" + resourceKind + "/" + name + "/"
                            + uuid(hex) + "-" + hex.substring(0, 2);
                    state.put("arn", arn);
                    state.put("latestRevision", 1);
                    state.put("state", "ACTIVE");
                    state.put("version", "1");
                    return arn;
                }
                case "aws:lambda/function:Function" -> {
                    var arn = arnPrefix + "function:" + name;
                    state.put("arn", arn);
                    state.put("version", "1");
                    state.put("qualifiedArn", arn + ":1");
                    state.put("invokeArn", invokeArn(arn));
                    state.put("qualifiedInvokeArn", invokeArn(arn + ":1"));
                    state.put("lastModified", "2026-01-01T00:00:00.000+0000");
                    state.putIfAbsent("sourceCodeHash", hex);
                    state.put("codeSha256", hex);
                    state.put("sourceCodeSize", 1024);
                    state.put("signingJobArn", "");
                    state.put("signingProfileVersionArn", "");
                    return name;
                }
                case "aws:lambda/alias:Alias" -> {
                    var function = String.valueOf(state.getOrDefault("functionName", "function"));
                    var functionArn = function.startsWith("arn:") ? function : arnPrefix + "function:" + function;
                    var arn = functionArn + ":" + name;
                    state.put("arn", arn);
                    state.put("invokeArn", invokeArn(arn));
                    return arn;
                }
                case "aws:lambda/eventSourceMapping:EventSourceMapping" -> {
                    var uuid = uuid(hex);
                    state.put("uuid", uuid);
                    state.put("arn", arnPrefix + "event-source-mapping:" + uuid);
                    state.put("functionArn", state.getOrDefault("functionName", ""));
                    state.put("state", "Enabled");
                    return uuid;
                }
                case "aws:secretsmanager/secret:Secret" -> {
                    var arn = arnPrefix + "secret:" + name + "-" + hex.substring(0, 6);
                    state.put("arn", arn);
                    return arn;
                }
                case "aws:secretsmanager/secretVersion:SecretVersion" -> {
                    state.put("versionId", uuid(hex));
                    state.put("arn", String.valueOf(state.getOrDefault("secretId", "")));
                    return state.getOrDefault("secretId", "secret") + "|" + uuid(hex);
                }
                case "aws:cloudwatch/eventRule:EventRule" -> {
                    state.put("arn", "arn:aws:events:" + region + ":" + ACCOUNT_ID + ":rule/" + name);
                    return name;
                }
                case "aws:cloudwatch/dashboard:Dashboard" -> {
                    var dashboardName = String.valueOf(state.getOrDefault("dashboardName", name));
                    state.put("dashboardArn", "arn:aws:cloudwatch::" + ACCOUNT_ID + ":dashboard/" + dashboardName);
                    return dashboardName;
                }
                case "aws:sfn/stateMachine:StateMachine" -> {
                    var arn = "arn:aws:states:" + region + ":" + ACCOUNT_ID + ":stateMachine:" + name;
                    state.put("arn", arn);
                    state.put("status", "ACTIVE");
                    state.put("creationDate", "2026-01-01T00:00:00Z");
                    state.put("revisionId", hex);
                    state.put("stateMachineVersionArn", "");
                    state.put("versionDescription", "");
                    state.put("description", "");
                    return arn;
                }
                case "aws:emrserverless/application:Application" -> {
                    var id = "00f" + hex.substring(0, 13);
                    state.put("arn", "arn:aws:emr-serverless:" + region + ":" + ACCOUNT_ID + ":/applications/" + id);
                    return id;
                }
                case "aws:scheduler/schedule:Schedule" -> {
                    state.put("arn", "arn:aws:scheduler:" + region + ":" + ACCOUNT_ID + ":schedule/"
                            + state.getOrDefault("groupName", "default") + "/" + name);
                    return name;
                }
                case "aws:s3/bucketObjectv2:BucketObjectv2" -> {
                    var key = String.valueOf(state.getOrDefault("key", name));
                    state.put("arn", "arn:aws:s3:::" + state.getOrDefault("bucket", "bucket") + "/" + key);
                    state.put("versionId", hex);
                    state.put("etag", hex);
                    return key;
                }
                case "aws:dms/endpoint:Endpoint" -> {
                    var arn = arnPrefix + "endpoint:" + hex.toUpperCase();
                    state.put("endpointArn", arn);
                    return String.valueOf(state.getOrDefault("endpointId", name));
                }
                case "aws:dms/replicationConfig:ReplicationConfig" -> {
                    var arn = arnPrefix + "replication-config:" + hex.toUpperCase();
                    state.put("arn", arn);
                    return arn;
                }
                case "aws:dms/replicationInstance:ReplicationInstance" -> {
                    state.put("replicationInstanceArn", arnPrefix + "rep:" + hex.toUpperCase());
                    return String.valueOf(state.getOrDefault("replicationInstanceId", name));
                }
                case "aws:dms/replicationTask:ReplicationTask" -> {
                    state.put("replicationTaskArn", arnPrefix + "task:" + hex.toUpperCase());
                    state.put("status", "ready");
                    return String.valueOf(state.getOrDefault("replicationTaskId", name));
                }
                case "aws:dms/replicationSubnetGroup:ReplicationSubnetGroup" -> {
                    state.put("replicationSubnetGroupArn", arnPrefix + "subgrp:" + name);
                    state.put("vpcId", "vpc-" + hex);
                    return String.valueOf(state.getOrDefault("replicationSubnetGroupId", name));
                }
                default -> {
                    if (service.equals("ec2") || service.equals("vpc")) {
                        return ec2(hex, arnPrefix);
                    }
                    var id = logicalName + "-" + hex.substring(0, 8);
                    state.put("arn", arnPrefix + name);
                    return id;
                }
            }
        }

        /** The API Gateway ARN that invokes a function (or a version/alias of it). */
        private String invokeArn(String functionArn) {
            return "arn:aws:apigateway:" + region + ":lambda:path/2015-03-31/functions/" + functionArn + "/invocations";
        }

        /** The service as ARNs spell it, where it differs from the provider module. */
        private String arnService() {
            return switch (service) {
                case "cloudwatch" -> type.contains("logGroup") ? "logs" : type.contains("event") ? "events" : "cloudwatch";
                case "msk" -> "kafka";
                case "mskconnect" -> "kafkaconnect";
                case "emrserverless" -> "emr-serverless";
                case "sfn" -> "states";
                case "appautoscaling" -> "application-autoscaling";
                default -> service;
            };
        }

        private String ec2(String hex, String arnPrefix) {
            var prefix = switch (kind) {
                case "vpc:Vpc" -> "vpc";
                case "subnet:Subnet" -> "subnet";
                case "securityGroup:SecurityGroup", "defaultSecurityGroup:DefaultSecurityGroup" -> "sg";
                case "routeTable:RouteTable", "defaultRouteTable:DefaultRouteTable" -> "rtb";
                case "internetGateway:InternetGateway" -> "igw";
                case "natGateway:NatGateway" -> "nat";
                case "eip:Eip" -> "eipalloc";
                case "vpcEndpoint:VpcEndpoint" -> "vpce";
                case "flowLog:FlowLog" -> "fl";
                case "securityGroupIngressRule:SecurityGroupIngressRule",
                     "securityGroupEgressRule:SecurityGroupEgressRule" -> "sgr";
                case "routeTableAssociation:RouteTableAssociation" -> "rtbassoc";
                default -> kind.substring(0, kind.indexOf(':')).toLowerCase();
            };
            var id = prefix + "-" + hex;
            var resourceKind = kind.substring(0, kind.indexOf(':'))
                    .replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase();
            state.put("arn", "arn:aws:ec2:" + region + ":" + ACCOUNT_ID + ":" + resourceKind + "/" + id);
            state.put("ownerId", ACCOUNT_ID);
            switch (kind) {
                case "vpc:Vpc" -> {
                    state.put("defaultSecurityGroupId", "sg-default" + hex.substring(0, 8));
                    state.put("mainRouteTableId", "rtb-main" + hex.substring(0, 8));
                    state.put("defaultNetworkAclId", "acl-" + hex);
                }
                case "vpcEndpoint:VpcEndpoint" -> {
                    state.put("prefixListId", "pl-" + hex.substring(0, 8));
                    state.put("dnsEntries", List.of());
                }
                case "eip:Eip" -> state.put("publicIp", "203.0.113." + (Integer.parseInt(hex.substring(0, 2), 16) % 250 + 1));
                default -> { }
            }
            return id;
        }

        /** {@code name}, else {@code namePrefix}/{@code bucketPrefix} plus a suffix, else the logical name plus one. */
        private String physicalName() {
            var suffix = hash("name::" + type + "::" + logicalName, 8);
            Object explicit = state.get(type.startsWith("aws:s3/") ? "bucket" : "name");
            if (explicit instanceof String s && !s.isEmpty()) {
                return s;
            }
            for (var key : List.of("namePrefix", "bucketPrefix", "identifierPrefix")) {
                if (state.get(key) instanceof String prefix && !prefix.isEmpty()) {
                    var generated = prefix + suffix;
                    state.put(key.equals("bucketPrefix") ? "bucket" : key.equals("identifierPrefix") ? "identifier" : "name",
                            generated);
                    return generated;
                }
            }
            var generated = logicalName + "-" + suffix.substring(0, 7);
            if (type.startsWith("aws:s3/")) {
                state.put("bucket", generated);
            } else if (!type.equals("aws:rds/instance:Instance")) {
                state.putIfAbsent("name", generated);
            }
            return generated;
        }

        private static String uuid(String hex) {
            var h = (hex + hex + hex).substring(0, 32);
            return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                    + "-" + h.substring(20, 32);
        }
    }
}
