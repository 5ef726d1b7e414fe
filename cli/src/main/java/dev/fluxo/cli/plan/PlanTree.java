package dev.fluxo.cli.plan;

import dev.fluxo.cli.cost.CostEstimate;
import dev.fluxo.stacks.plan.Plan;
import dev.fluxo.stacks.plan.PlannedResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders a {@link Plan} as an indented tree of components and resources with their key properties. */
public final class PlanTree {
    /** The inputs worth showing per resource type; other types show none. */
    static final Map<String, List<String>> KEY_PROPERTIES = Map.ofEntries(
            Map.entry("aws:ec2/vpc:Vpc", List.of("cidrBlock")),
            Map.entry("aws:ec2/subnet:Subnet", List.of("cidrBlock", "availabilityZone", "mapPublicIpOnLaunch")),
            Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", List.of("serviceName", "vpcEndpointType", "subnetIds")),
            Map.entry("aws:ec2/natGateway:NatGateway", List.of("subnetId")),
            Map.entry("aws:ec2/flowLog:FlowLog", List.of("trafficType")),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", List.of("name", "retentionInDays")),
            Map.entry("aws:kms/key:Key", List.of("enableKeyRotation")),
            Map.entry("aws:s3/bucketV2:BucketV2", List.of("bucket", "bucketPrefix", "forceDestroy")),
            Map.entry("aws:s3/bucket:Bucket", List.of("bucket", "bucketPrefix", "forceDestroy")),
            Map.entry("aws:rds/instance:Instance", List.of("engine", "engineVersion", "instanceClass", "allocatedStorage",
                    "multiAz", "deletionProtection", "backupRetentionPeriod", "storageEncrypted", "publiclyAccessible")),
            Map.entry("aws:rds/parameterGroup:ParameterGroup", List.of("family")),
            Map.entry("aws:glue/catalogDatabase:CatalogDatabase", List.of("name")),
            Map.entry("aws:glue/catalogTable:CatalogTable", List.of("databaseName", "name")),
            Map.entry("aws:athena/workgroup:Workgroup", List.of("name")),
            Map.entry("aws:athena/namedQuery:NamedQuery", List.of("name")),
            Map.entry("aws:cloudwatch/metricAlarm:MetricAlarm", List.of("metricName", "threshold")),
            Map.entry("aws:sns/topic:Topic", List.of("name")),
            Map.entry("aws:secretsmanager/secret:Secret", List.of("namePrefix")));

    private PlanTree() {
    }

    public static String render(Plan plan, CostEstimate cost) {
        var children = new HashMap<String, List<PlannedResource>>();
        PlannedResource root = null;
        for (var r : plan.resources()) {
            if (r.parent().isEmpty()) {
                root = r;
            } else {
                children.computeIfAbsent(r.parent().get(), k -> new ArrayList<>()).add(r);
            }
        }
        var sb = new StringBuilder();
        var spec = plan.spec();
        sb.append("Plan for stack '").append(spec.stack()).append("' (").append(spec.environment().id())
                .append(", ").append(spec.region()).append(")\n\n");
        if (root != null) {
            sb.append(root.type()).append("  ").append(root.name()).append('\n');
            renderChildren(sb, root, children, "");
        }
        var counts = plan.countsByType();
        var total = counts.values().stream().mapToLong(Long::longValue).sum();
        var components = plan.resources().stream().filter(PlannedResource::isComponent).count();
        sb.append("\n").append(total).append(" resources (").append(components).append(" of them components):\n");
        counts.forEach((type, n) -> sb.append(String.format("  %4d  %s%n", n, type)));
        sb.append('\n').append(cost.render());
        sb.append('\n').append(plan.policy().render());
        if (!sb.toString().endsWith("\n")) {
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void renderChildren(StringBuilder sb, PlannedResource parent, Map<String, List<PlannedResource>> children,
                                       String indent) {
        var kids = children.getOrDefault(parent.id(), List.of());
        for (var i = 0; i < kids.size(); i++) {
            var kid = kids.get(i);
            var last = i == kids.size() - 1;
            sb.append(indent).append(last ? "└─ " : "├─ ").append(kid.type()).append("  ").append(kid.name());
            var props = keyProperties(kid);
            if (!props.isEmpty()) {
                sb.append("  ").append(props);
            }
            sb.append('\n');
            renderChildren(sb, kid, children, indent + (last ? "   " : "│  "));
        }
    }

    static String keyProperties(PlannedResource r) {
        return KEY_PROPERTIES.getOrDefault(r.type(), List.of()).stream()
                .filter(k -> r.inputs().get(k) != null)
                .map(k -> k + "=" + r.inputs().get(k))
                .collect(Collectors.joining(" "));
    }
}
