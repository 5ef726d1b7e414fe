package dev.fluxo.cli.diagram;

import java.util.Map;
import java.util.stream.Collectors;

/** Writes an {@link ArchitectureDiagram} as a Mermaid flowchart (GitHub renders it inside a {@code mermaid} block). */
public final class MermaidDiagram {
    private MermaidDiagram() {
    }

    public static String render(ArchitectureDiagram diagram, String title) {
        var sb = new StringBuilder();
        sb.append("---\ntitle: ").append(text(title)).append("\n---\n");
        sb.append("flowchart LR\n");
        for (var group : diagram.groups()) {
            sb.append("  subgraph ").append(group.id()).append("[\"").append(text(group.title())).append("\"]\n");
            sb.append("    direction TB\n");
            for (var box : group.boxes()) {
                sb.append("    ").append(box.id()).append("[\"").append(text(box.label())).append("\"]\n");
            }
            if (group.collapsedCount() > 0) {
                sb.append("    ").append(group.id()).append("more[\"").append(collapsed(group.collapsed(), "<br/>"))
                        .append("\"]:::plumbing\n");
            }
            sb.append("  end\n");
        }
        for (var arrow : diagram.arrows()) {
            sb.append("  ").append(arrow.from().id()).append(" -->|\"").append(text(arrow.label())).append("\"| ")
                    .append(arrow.to().id()).append('\n');
        }
        sb.append("  classDef plumbing fill:#f6f6f6,stroke:#bbb,color:#555,font-size:11px\n");
        return sb.toString();
    }

    /** E.g. {@code "+ 12 more: 5× s3/BucketPolicy<br/>…"}. */
    static String collapsed(Map<String, Long> counts, String separator) {
        var total = counts.values().stream().mapToLong(Long::longValue).sum();
        return "+ " + total + " more:" + separator + counts.entrySet().stream()
                .map(e -> e.getValue() + "× " + e.getKey()).collect(Collectors.joining(separator));
    }

    private static String text(String s) {
        return s.replace("\"", "#quot;").replace("\n", " ");
    }
}
