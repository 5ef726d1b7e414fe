package dev.fluxo.cli.diagram;

import com.pulumi.test.PulumiTest;
import dev.fluxo.cli.Fluxo;
import dev.fluxo.stacks.config.StackFile;
import dev.fluxo.stacks.plan.Plan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiagramFileTest {
    private static final Pattern SUBGRAPH = Pattern.compile("^  subgraph (\\w+)\\[\"(.+)\"]$");
    private static final Pattern NODE = Pattern.compile("^    (\\w+)\\[\".*\"](:::\\w+)?$");
    private static final Pattern EDGE = Pattern.compile("^  (\\w+) -->\\|\"[^\"]*\"\\| (\\w+)$");
    private static Plan dev;

    static Path stacksDir() {
        return Files.isDirectory(Path.of("../stacks")) ? Path.of("../stacks") : Path.of("stacks");
    }

    @BeforeAll
    static void planDev() throws Exception {
        dev = Plan.run(StackFile.load(stacksDir(), "dev"));
        PulumiTest.cleanup();
    }

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void mermaidHasOneSubgraphPerComponentAndArrowsOnlyBetweenItsBoxes(@TempDir Path dir) throws Exception {
        var file = dir.resolve("dev.mmd");

        var message = DiagramFile.write(dev, file);

        var titles = new HashSet<String>();
        var nodes = new HashSet<String>();
        var edges = 0;
        var subgraphs = 0;
        for (var line : Files.readAllLines(file)) {
            var s = SUBGRAPH.matcher(line);
            var n = NODE.matcher(line);
            var e = EDGE.matcher(line);
            if (s.matches()) {
                subgraphs++;
                titles.add(s.group(2));
            } else if (n.matches()) {
                nodes.add(n.group(1));
            } else if (e.matches()) {
                edges++;
                assertThat(nodes).as(line).contains(e.group(1), e.group(2));
            }
        }
        var components = new HashSet<String>();
        dev.resources().stream().filter(r -> r.isComponent()).forEach(r -> components.add(
                r.type().substring(r.type().lastIndexOf(':') + 1) + " " + r.name()));
        assertThat(titles).hasSize(subgraphs).isEqualTo(components);
        assertThat(Files.readString(file)).startsWith("---\ntitle: Fluxo stack dev (dev, us-east-1)\n---\nflowchart LR\n");
        assertThat(edges).isPositive();
        assertThat(message).contains(subgraphs + " components, " + edges + " data-path arrows");
    }

    @Test
    void theDevDiagramFollowsTheDataPathFromProducerToAthena(@TempDir Path dir) throws Exception {
        DiagramFile.write(dev, dir.resolve("dev.mmd"));
        var text = Files.readString(dir.resolve("dev.mmd"));
        var diagram = ArchitectureDiagram.of(ResourceGraph.of(dev));
        var arrows = diagram.arrows().stream().map(a -> a.from().resource().type() + " -> " + a.to().resource().type())
                .toList();

        assertThat(arrows).contains(
                "aws:lambda/function:Function -> aws:rds/instance:Instance",
                "aws:kinesis/stream:Stream -> aws:lambda/function:Function",
                "aws:glue/catalogDatabase:CatalogDatabase -> aws:athena/workgroup:Workgroup");
        assertThat(text).contains("Lambda fluxo-dev-producer").contains("PostgreSQL (RDS) db.t4g.micro");
    }

    @Test
    void dotIsWrittenDirectlyWithOneClusterPerComponent(@TempDir Path dir) throws Exception {
        var file = dir.resolve("dev.dot");

        DiagramFile.write(dev, file);

        var text = Files.readString(file);
        var components = dev.resources().stream().filter(r -> r.isComponent()).count();
        assertThat(text).startsWith("digraph fluxo {");
        assertThat(Pattern.compile("subgraph cluster_").matcher(text).results().count()).isEqualTo(components);
    }

    @Test
    void svgIsRenderedByGraphvizWhenItIsInstalled(@TempDir Path dir) throws Exception {
        var onPath = System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator);
        org.junit.jupiter.api.Assumptions.assumeTrue(java.util.Arrays.stream(onPath)
                .anyMatch(p -> Files.isExecutable(Path.of(p, DiagramFile.GRAPHVIZ))), "Graphviz is not installed");
        var file = dir.resolve("dev.svg");

        DiagramFile.write(dev, file);

        assertThat(Files.readString(file)).contains("<svg").contains("Lambda fluxo&#45;dev&#45;producer");
    }

    @Test
    void withoutGraphvizAnSvgIsOneClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> DiagramFile.render("digraph x {}", DiagramFormat.SVG, dir.resolve("x.svg"),
                "fluxo-no-such-graphviz"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("writing .svg needs Graphviz's 'fluxo-no-such-graphviz' on the PATH: install graphviz "
                        + "(apt-get install graphviz, brew install graphviz) or write a .mmd or .dot file instead");
    }

    @Test
    void anUnknownExtensionIsOneClearErrorBeforeAnythingRuns() {
        var out = new StringWriter();
        var err = new StringWriter();
        var cl = Fluxo.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));

        var code = cl.execute("plan", "dev", "--stacks-dir", stacksDir().toString(), "--diagram", "out.pdf");

        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("fluxo: cannot write a diagram to 'out.pdf': use .mmd (Mermaid), .dot "
                + "(Graphviz DOT), or .svg/.png (rendered by Graphviz dot)" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }
}
