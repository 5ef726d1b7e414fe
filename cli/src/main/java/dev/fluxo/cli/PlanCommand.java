package dev.fluxo.cli;

import dev.fluxo.stacks.plan.Plan;
import dev.fluxo.cli.cost.CostEstimator;
import dev.fluxo.cli.diagram.DiagramFile;
import dev.fluxo.cli.diagram.DiagramFormat;
import dev.fluxo.cli.plan.PlanJson;
import dev.fluxo.cli.plan.PlanTree;
import dev.fluxo.stacks.config.InvalidStackConfigException;
import dev.fluxo.stacks.config.StackFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code fluxo plan <stack>}: runs the stack program in-process under mocks and prints what it would create. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Show the resources a stack would create, without AWS or the Pulumi CLI (runs under mocks).")
final class PlanCommand implements Callable<Integer> {
    /** Exit code for invalid configuration. */
    static final int INVALID_CONFIG = dev.fluxo.stacks.FluxoProgram.INVALID_CONFIG;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "STACK", description = "Stack name: reads <stacks-dir>/Pulumi.<STACK>.yaml (dev, staging, prod…)")
    String stack;

    @Option(names = "--stacks-dir", paramLabel = "DIR", description = "Where the Pulumi.<stack>.yaml files are (default: ${DEFAULT-VALUE})")
    Path stacksDir = Workspace.root().resolve("stacks");

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the full graph (type, name, parent, inputs) as JSON; '-' for standard output")
    String json;

    @Option(names = "--diagram", paramLabel = "FILE", description = "Also draw the architecture from the resource graph: "
            + ".mmd (Mermaid), .dot (Graphviz DOT), or .svg/.png (rendered by Graphviz 'dot', which must be on the PATH); default: none")
    Path diagram;

    @Override
    public Integer call() throws IOException {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (diagram != null) {
            DiagramFormat.of(diagram);
        }
        var config = StackFile.load(stacksDir, stack);
        Plan plan;
        try {
            plan = Plan.run(config);
        } catch (InvalidStackConfigException e) {
            err.println(e.getMessage());
            return INVALID_CONFIG;
        }
        // priced once: the tree and the JSON show the same estimate
        var cost = CostEstimator.standard().estimate(plan);
        if (json != null && json.equals("-")) {
            out.println(PlanJson.render(plan, cost));
            return plan.exitCode();
        }
        out.print(PlanTree.render(plan, cost));
        if (json != null) {
            var path = Path.of(json);
            if (path.getParent() != null) {
                Files.createDirectories(path.getParent());
            }
            Files.writeString(path, PlanJson.render(plan, cost));
            out.println("Wrote " + plan.resources().size() + " resources to " + path);
        }
        if (diagram != null) {
            out.println(DiagramFile.write(plan, diagram));
        }
        return plan.exitCode();
    }
}
