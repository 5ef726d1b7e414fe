package dev.fluxo.cli.diagram;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** The diagram formats {@code fluxo plan --diagram} writes, chosen by the file's extension. */
public enum DiagramFormat {
    /** Mermaid flowchart, written directly (GitHub renders it in Markdown). */
    MERMAID("mmd"),
    /** Graphviz DOT, written directly. */
    DOT("dot"),
    /** SVG rendered by Graphviz {@code dot}. */
    SVG("svg"),
    /** PNG rendered by Graphviz {@code dot}. */
    PNG("png");

    private final String extension;

    DiagramFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** Whether Graphviz must render the file. */
    public boolean needsGraphviz() {
        return this == SVG || this == PNG;
    }

    /** The format for a file name, or one clear error that lists the supported extensions. */
    public static DiagramFormat of(Path file) {
        var name = file.getFileName() == null ? "" : file.getFileName().toString();
        var dot = name.lastIndexOf('.');
        var extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("cannot write a diagram to '" + name + "': use .mmd (Mermaid), "
                        + ".dot (Graphviz DOT), or .svg/.png (rendered by Graphviz dot)"));
    }
}
