package dev.fluxo.cli.diagram;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The picture of a plan: one group per component with its main resources drawn and its plumbing (bucket policies,
 * public access blocks, route tables, alarms…) counted, and arrows along the data path derived from the references
 * between resources' inputs.
 */
public final class ArchitectureDiagram {
    /** A drawn resource. */
    public record Box(String id, String label, ResourceNode resource) {
    }

    /**
     * A component.
     *
     * @param collapsed undrawn resources per short type, e.g. {@code s3/BucketPolicy → 5}
     */
    public record Group(String id, String title, List<Box> boxes, Map<String, Long> collapsed) {
        public long collapsedCount() {
            return collapsed.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** An arrow in the direction data flows, labelled with the input (or the resources) that link the two. */
    public record Arrow(Box from, Box to, String label) {
    }

    private final List<Group> groups;
    private final List<Arrow> arrows;

    private ArchitectureDiagram(List<Group> groups, List<Arrow> arrows) {
        this.groups = List.copyOf(groups);
        this.arrows = List.copyOf(arrows);
    }

    public List<Group> groups() {
        return groups;
    }

    public List<Arrow> arrows() {
        return arrows;
    }

    public static ArchitectureDiagram of(ResourceGraph graph) {
        var boxes = new LinkedHashMap<ResourceNode, Box>();
        var groups = new LinkedHashMap<String, List<ResourceNode>>();
        graph.nodes().forEach(n -> groups.computeIfAbsent(n.component(), k -> new ArrayList<>()).add(n));
        var result = new ArrayList<Group>();
        var g = 0;
        for (var entry : groups.entrySet()) {
            var groupId = "c" + (++g);
            var drawn = new ArrayList<Box>();
            var collapsed = new TreeMap<String, Long>();
            for (var n : entry.getValue()) {
                if (DataPath.isDrawn(n)) {
                    var box = new Box(groupId + "n" + (drawn.size() + 1), DataPath.label(n), n);
                    drawn.add(box);
                    boxes.put(n, box);
                } else {
                    collapsed.merge(n.shortType(), 1L, Long::sum);
                }
            }
            result.add(new Group(groupId, entry.getKey(), drawn, collapsed));
        }
        return new ArchitectureDiagram(result, arrows(graph, boxes));
    }

    private static List<Arrow> arrows(ResourceGraph graph, Map<ResourceNode, Box> boxes) {
        var neighbours = new HashMap<ResourceNode, List<Reference>>();
        for (var r : graph.references()) {
            neighbours.computeIfAbsent(r.from(), k -> new ArrayList<>()).add(r);
            neighbours.computeIfAbsent(r.to(), k -> new ArrayList<>()).add(r);
        }
        var fedByStream = new HashSet<ResourceNode>();
        graph.references().stream().filter(r -> r.from().type().equals("aws:lambda/eventSourceMapping:EventSourceMapping"))
                .forEach(r -> fedByStream.add(r.to()));
        var arrows = new LinkedHashMap<String, Arrow>();
        for (var start : boxes.keySet()) {
            var startStage = DataPath.stage(start, fedByStream.contains(start));
            if (startStage.isEmpty()) {
                continue;
            }
            for (var hit : reachable(start, neighbours, boxes.keySet()).entrySet()) {
                var end = hit.getKey();
                var endStage = DataPath.stage(end, fedByStream.contains(end));
                if (endStage.isEmpty() || endStage.get().equals(startStage.get())) {
                    continue;
                }
                var forward = startStage.get() < endStage.get();
                var from = boxes.get(forward ? start : end);
                var to = boxes.get(forward ? end : start);
                arrows.putIfAbsent(from.id() + "->" + to.id(), new Arrow(from, to, hit.getValue()));
            }
        }
        return List.copyOf(arrows.values());
    }

    /** Drawn resources linked to {@code start} by a reference, directly or through up to two connectors. */
    private static Map<ResourceNode, String> reachable(ResourceNode start, Map<ResourceNode, List<Reference>> neighbours,
                                                       Set<ResourceNode> drawn) {
        record Step(ResourceNode node, int hops, List<String> via) {
        }
        var found = new LinkedHashMap<ResourceNode, String>();
        var seen = new HashSet<ResourceNode>(Set.of(start));
        var queue = new ArrayDeque<Step>(List.of(new Step(start, 0, List.of())));
        while (!queue.isEmpty()) {
            var step = queue.poll();
            for (var ref : neighbours.getOrDefault(step.node(), List.of())) {
                var next = ref.from() == step.node() ? ref.to() : ref.from();
                if (step.hops() == 0 && next.type().equals(DataPath.GRANT) || !seen.add(next)) {
                    continue;
                }
                if (drawn.contains(next)) {
                    found.putIfAbsent(next, step.via().isEmpty() ? lastSegment(ref.input())
                            : "via " + String.join(", ", step.via()));
                } else if (DataPath.CONNECTORS.contains(next.type()) && step.hops() + 1 < DataPath.MAX_HOPS) {
                    var via = new ArrayList<>(step.via());
                    via.add(next.shortType());
                    queue.add(new Step(next, step.hops() + 1, via));
                }
            }
        }
        return found;
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
