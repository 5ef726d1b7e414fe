package dev.fluxo.cli.diagram;

import dev.fluxo.stacks.plan.Plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Writes a plan's architecture diagram in the format its file name asks for. */
public final class DiagramFile {
    /** The Graphviz program that renders .svg and .png. */
    public static final String GRAPHVIZ = "dot";
    /** How long Graphviz may take. */
    static final long GRAPHVIZ_TIMEOUT_SECONDS = 60;

    private DiagramFile() {
    }

    /** Writes the diagram and returns one line saying what was written. */
    public static String write(Plan plan, Path file) throws IOException {
        var format = DiagramFormat.of(file);
        var diagram = ArchitectureDiagram.of(ResourceGraph.of(plan));
        var title = "Fluxo stack " + plan.spec().stack() + " (" + plan.spec().environment().id() + ", "
                + plan.spec().region() + ")";
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        switch (format) {
            case MERMAID -> Files.writeString(file, MermaidDiagram.render(diagram, title));
            case DOT -> Files.writeString(file, DotDiagram.render(diagram, title));
            default -> render(DotDiagram.render(diagram, title), format, file);
        }
        return "Wrote the architecture diagram (" + diagram.groups().size() + " components, " + diagram.arrows().size()
                + " data-path arrows) to " + file;
    }

    /** Runs Graphviz on DOT text; one clear error when it is not installed. */
    static void render(String dot, DiagramFormat format, Path file) throws IOException {
        render(dot, format, file, GRAPHVIZ);
    }

    static void render(String dot, DiagramFormat format, Path file, String program) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(List.of(program, "-T" + format.extension(), "-o", file.toString()))
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalArgumentException("writing ." + format.extension() + " needs Graphviz's '" + program
                    + "' on the PATH: install graphviz (apt-get install graphviz, brew install graphviz) or write a .mmd or "
                    + ".dot file instead");
        }
        try (var in = process.getOutputStream()) {
            in.write(dot.getBytes(StandardCharsets.UTF_8));
        }
        try {
            if (!process.waitFor(GRAPHVIZ_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Graphviz did not finish within " + GRAPHVIZ_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Graphviz ran", e);
        }
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (process.exitValue() != 0) {
            throw new IllegalStateException("Graphviz failed (exit " + process.exitValue() + "): " + output);
        }
    }
}
