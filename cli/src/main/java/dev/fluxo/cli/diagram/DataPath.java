package dev.fluxo.cli.diagram;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which resources the diagram draws (the rest of a component is counted, not drawn), how it labels them, and where
 * each sits on the data path, producer → source database → change capture → stream → transform → bronze/silver →
 * streaming job → gold → Athena, so that arrows point the way the data flows.
 */
final class DataPath {
    /** Drawn resource types and their labels. */
    static final Map<String, Function<ResourceNode, String>> DRAWN = Map.ofEntries(
            Map.entry("aws:rds/instance:Instance", n -> "PostgreSQL (RDS) " + input(n, "instanceClass")),
            Map.entry("aws:kinesis/stream:Stream", n -> "Kinesis stream " + input(n, "name")),
            Map.entry("aws:msk/cluster:Cluster", n -> "MSK cluster " + input(n, "clusterName")),
            Map.entry("aws:msk/serverlessCluster:ServerlessCluster", n -> "MSK Serverless " + input(n, "clusterName")),
            Map.entry("aws:mskconnect/connector:Connector", n -> "MSK Connect (Debezium) " + n.name()),
            Map.entry("aws:dms/replicationTask:ReplicationTask", n -> "DMS CDC task " + n.name()),
            Map.entry("aws:dms/replicationConfig:ReplicationConfig", n -> "DMS Serverless CDC " + n.name()),
            Map.entry("aws:dms/endpoint:Endpoint", n -> "DMS " + input(n, "endpointType") + " endpoint ("
                    + input(n, "engineName") + ")"),
            Map.entry("aws:lambda/function:Function", n -> "Lambda " + input(n, "name")),
            Map.entry("aws:s3/bucketV2:BucketV2", n -> "S3 " + n.name()),
            Map.entry("aws:glue/catalogDatabase:CatalogDatabase", n -> "Glue database " + input(n, "name")),
            Map.entry("aws:athena/workgroup:Workgroup", n -> "Athena workgroup " + input(n, "name")),
            Map.entry("aws:emrserverless/application:Application", n -> "EMR Serverless Spark " + n.name()),
            Map.entry("aws:sfn/stateMachine:StateMachine", n -> "Step Functions supervisor " + n.name()),
            Map.entry("aws:ec2/natGateway:NatGateway", n -> "NAT gateway " + n.name()),
            Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", n -> "VPC endpoint " + endpointService(n)),
            Map.entry("aws:ec2/vpc:Vpc", n -> "VPC " + input(n, "cidrBlock")),
            Map.entry("aws:sns/topic:Topic", n -> "SNS topic " + n.name()),
            Map.entry("aws:secretsmanager/secret:Secret", n -> "Secret " + n.name()),
            Map.entry("aws:cloudwatch/dashboard:Dashboard", n -> "CloudWatch dashboard " + n.name()));

    /** Undrawn resources a reference may pass through to link two drawn ones (grants, mappings, endpoints…). */
    static final Set<String> CONNECTORS = Set.of("aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy",
            "aws:dms/replicationInstance:ReplicationInstance",
            "aws:lambda/eventSourceMapping:EventSourceMapping", "aws:lambda/alias:Alias", "aws:lambda/permission:Permission",
            "aws:cloudwatch/eventRule:EventRule", "aws:cloudwatch/eventTarget:EventTarget",
            "aws:scheduler/schedule:Schedule", "aws:glue/catalogTable:CatalogTable", "aws:athena/namedQuery:NamedQuery");

    /**
     * A grant links the role's users to what it grants, never two things granted together: a path may enter an IAM
     * policy from its role, not from one of its targets.
     */
    static final String GRANT = "aws:iam/rolePolicy:RolePolicy";

    /** How many references a path between two drawn resources may take. */
    static final int MAX_HOPS = 3;

    private DataPath() {
    }

    static boolean isDrawn(ResourceNode n) {
        return DRAWN.containsKey(n.type());
    }

    static String label(ResourceNode n) {
        return DRAWN.get(n.type()).apply(n).trim();
    }

    /**
     * The position on the data path; empty for resources beside it (network, alarms, secrets). A function fed by an
     * event source mapping is the transform, any other function the producer.
     */
    static Optional<Double> stage(ResourceNode n, boolean fedByStream) {
        var name = (n.name() + " " + input(n, "name") + " " + input(n, "bucket") + " " + input(n, "bucketPrefix"))
                .toLowerCase(Locale.ROOT);
        return Optional.ofNullable(switch (n.type()) {
            case "aws:lambda/function:Function" -> fedByStream ? 4.0 : 0.0;
            case "aws:rds/instance:Instance" -> 1.0;
            case "aws:dms/replicationTask:ReplicationTask", "aws:dms/replicationConfig:ReplicationConfig",
                 "aws:dms/endpoint:Endpoint", "aws:mskconnect/connector:Connector" -> 2.0;
            case "aws:kinesis/stream:Stream", "aws:msk/cluster:Cluster", "aws:msk/serverlessCluster:ServerlessCluster" -> 3.0;
            case "aws:s3/bucketV2:BucketV2", "aws:glue/catalogDatabase:CatalogDatabase" -> layerStage(n, name);
            case "aws:emrserverless/application:Application", "aws:sfn/stateMachine:StateMachine" -> 6.0;
            case "aws:athena/workgroup:Workgroup" -> 9.0;
            default -> null;
        });
    }

    private static Double layerStage(ResourceNode n, String name) {
        var glue = n.type().startsWith("aws:glue/") ? 0.2 : 0.0;
        if (name.matches(".*\\b(.*[-_])?bronze([-_].*)?")) {
            return 5.0 + glue;
        }
        if (name.matches(".*\\b(.*[-_])?silver([-_].*)?")) {
            return 5.5 + glue;
        }
        if (name.matches(".*\\b(.*[-_])?gold([-_][0-9a-f]*)?(\\s.*)?") && !name.contains("job")) {
            return 7.0 + glue;
        }
        return name.contains("athena") ? 9.5 : null;
    }

    private static String input(ResourceNode n, String key) {
        var v = n.inputs().get(key);
        return v == null ? "" : String.valueOf(v);
    }

    private static String endpointService(ResourceNode n) {
        var service = input(n, "serviceName");
        return service.substring(service.lastIndexOf('.') + 1) + " (" + input(n, "vpcEndpointType") + ")";
    }

    static List<String> drawnTypes() {
        return List.copyOf(DRAWN.keySet());
    }
}
