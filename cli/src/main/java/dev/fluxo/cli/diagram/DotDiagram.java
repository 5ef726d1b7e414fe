package dev.fluxo.cli.diagram;

/** Writes an {@link ArchitectureDiagram} in Graphviz DOT: one cluster per component. */
public final class DotDiagram {
    private DotDiagram() {
    }

    public static String render(ArchitectureDiagram diagram, String title) {
        var sb = new StringBuilder();
        sb.append("digraph fluxo {\n");
        sb.append("  label=\"").append(text(title)).append("\"; labelloc=t; fontname=\"Helvetica\";\n");
        sb.append("  rankdir=LR; compound=true; newrank=true;\n");
        sb.append("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef4ff\", fontname=\"Helvetica\", fontsize=11];\n");
        sb.append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"#4a6fa5\"];\n");
        for (var group : diagram.groups()) {
            sb.append("  subgraph cluster_").append(group.id()).append(" {\n");
            sb.append("    label=\"").append(text(group.title())).append("\"; style=rounded; color=\"#999999\";\n");
            for (var box : group.boxes()) {
                sb.append("    ").append(box.id()).append(" [label=\"").append(text(box.label())).append("\"];\n");
            }
            if (group.collapsedCount() > 0) {
                sb.append("    ").append(group.id()).append("more [label=\"")
                        .append(text(MermaidDiagram.collapsed(group.collapsed(), "\n")).replace("\n", "\\l")).append("\\l\", ")
                        .append("fillcolor=\"#f6f6f6\", color=\"#bbbbbb\", fontcolor=\"#555555\", fontsize=9];\n");
            }
            sb.append("  }\n");
        }
        for (var arrow : diagram.arrows()) {
            sb.append("  ").append(arrow.from().id()).append(" -> ").append(arrow.to().id()).append(" [label=\"")
                    .append(text(arrow.label())).append("\"];\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    private static String text(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
