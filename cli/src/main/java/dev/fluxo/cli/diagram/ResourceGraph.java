package dev.fluxo.cli.diagram;

import dev.fluxo.cli.cost.CostEstimator;
import dev.fluxo.stacks.plan.Plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The plan's cloud resources and the references between them. A reference is an input value that names another
 * resource: an ARN, URL, host name or plain value that contains, as a whole token, the other resource's physical
 * name ({@code name}, {@code bucket}, {@code identifier}, …, generated ones included) or the provider-generated name
 * of its logical name ({@code transform-role-e745be9} for {@code transform-role}). A name several resources share
 * refers to the one the diagram draws (an MSK cluster, not its configuration of the same name), else to none.
 */
public final class ResourceGraph {
    /** Inputs that hold a resource's own physical name. */
    static final List<String> IDENTITY_INPUTS = List.of("name", "bucket", "identifier", "clusterName", "dashboardName",
            "replicationInstanceId", "replicationTaskId", "replicationConfigIdentifier", "endpointId");
    /**
     * Identities too short to stand alone (a database called "fluxo"): they count only in inputs whose name says what
     * they are ({@code databaseName}, {@code FLUXO_DB_NAME}, {@code database.dbname}).
     */
    static final Map<String, Pattern> NAMED_IDENTITY_INPUTS = Map.of("dbName",
            Pattern.compile("(?i).*(db_?name|database_?name|database)$"));
    /** Types whose names repeat across the stack (table names per database, query names), so they identify nothing. */
    static final Set<String> AMBIGUOUS_NAMES = Set.of("aws:glue/catalogTable:CatalogTable",
            "aws:athena/namedQuery:NamedQuery", "aws:iam/rolePolicy:RolePolicy");
    /** The types whose {@code bucket} input is their own name. */
    static final Set<String> BUCKETS = Set.of("aws:s3/bucketV2:BucketV2", "aws:s3/bucket:Bucket");
    /** Inputs that are prose or labels, not references. */
    static final Set<String> IGNORED_INPUTS = Set.of("tags", "description", "tagsAll");
    /** A token that names more resources than this (an alias called "live") is too common to be a reference. */
    static final int MAX_MATCHES = 1;
    private static final Pattern SEPARATORS = Pattern.compile("[^A-Za-z0-9_-]+");
    private static final Pattern GENERATED_NAME = Pattern.compile("(.+)-[0-9a-f]{7}");

    private final List<ResourceNode> nodes;
    private final List<Reference> references;

    public ResourceGraph(List<ResourceNode> nodes) {
        this.nodes = List.copyOf(nodes);
        this.references = findReferences();
    }

    /** The plan's cloud resources (components excluded), grouped by the component that created them. */
    public static ResourceGraph of(Plan plan) {
        return new ResourceGraph(CostEstimator.resources(plan).stream()
                .map(r -> new ResourceNode(r.type() + "::" + r.name(), r.type(), r.name(), r.component(), r.inputs()))
                .toList());
    }

    public List<ResourceNode> nodes() {
        return nodes;
    }

    public List<Reference> references() {
        return references;
    }

    private List<Reference> findReferences() {
        var byToken = new HashMap<String, Set<ResourceNode>>();
        var byNamedToken = new HashMap<String, Map<ResourceNode, Pattern>>();
        var byLogicalName = new HashMap<String, List<ResourceNode>>();
        for (var node : nodes) {
            byLogicalName.computeIfAbsent(node.name(), k -> new ArrayList<>()).add(node);
            if (AMBIGUOUS_NAMES.contains(node.type())) {
                continue;
            }
            for (var key : IDENTITY_INPUTS) {
                if (key.equals("bucket") && !BUCKETS.contains(node.type())) {
                    continue; // a bucket's sub-resources name their bucket in "bucket"
                }
                if (node.inputs().get(key) instanceof String value && isToken(value)) {
                    byToken.computeIfAbsent(value, k -> new LinkedHashSet<>()).add(node);
                }
            }
            NAMED_IDENTITY_INPUTS.forEach((key, inputName) -> {
                if (node.inputs().get(key) instanceof String value) {
                    byNamedToken.computeIfAbsent(value, k -> new LinkedHashMap<>()).put(node, inputName);
                }
            });
        }
        var found = new LinkedHashMap<String, Reference>();
        for (var node : nodes) {
            var values = new ArrayList<String[]>();
            collect("", node.inputs(), values);
            for (var pathAndValue : values) {
                var inputName = pathAndValue[0].substring(pathAndValue[0].lastIndexOf('.') + 1);
                for (var token : SEPARATORS.split(pathAndValue[1])) {
                    var targets = new LinkedHashSet<>(targets(token, byToken, byLogicalName));
                    byNamedToken.getOrDefault(token, Map.of()).forEach((target, name) -> {
                        if (name.matcher(inputName).matches()) {
                            targets.add(target);
                        }
                    });
                    for (var target : targets) {
                        if (target != node) {
                            found.putIfAbsent(node.id() + "->" + target.id(), new Reference(node, target, pathAndValue[0]));
                        }
                    }
                }
            }
        }
        return List.copyOf(found.values());
    }

    private static Set<ResourceNode> targets(String token, Map<String, Set<ResourceNode>> byToken,
                                             Map<String, List<ResourceNode>> byLogicalName) {
        var named = byToken.get(token);
        if (named != null && named.size() <= MAX_MATCHES) {
            return named;
        }
        if (named != null) {
            // An MSK cluster and its configuration share a name: the drawn one is what references mean.
            var main = named.stream().filter(DataPath::isDrawn).toList();
            if (main.size() == 1) {
                return Set.of(main.get(0));
            }
        }
        var generated = GENERATED_NAME.matcher(token);
        if (generated.matches()) {
            var logical = byLogicalName.get(generated.group(1));
            if (logical != null && logical.size() == 1) {
                return Set.of(logical.get(0));
            }
        }
        return Set.of();
    }

    private static boolean isToken(String value) {
        return value.length() >= 4 && !SEPARATORS.matcher(value).find();
    }

    @SuppressWarnings("unchecked")
    private static void collect(String path, Object value, List<String[]> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (!IGNORED_INPUTS.contains(String.valueOf(k))) {
                    collect(path.isEmpty() ? String.valueOf(k) : path + "." + k, v, out);
                }
            });
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(path, v, out));
        } else if (value instanceof String s) {
            out.add(new String[]{path, s});
        }
    }
}
