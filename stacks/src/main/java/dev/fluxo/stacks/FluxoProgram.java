package dev.fluxo.stacks;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import dev.fluxo.stacks.config.InvalidStackConfigException;
import dev.fluxo.stacks.config.StackConfig;
import dev.fluxo.stacks.config.StackSpecParser;
import dev.fluxo.stacks.spec.StackSpec;

/**
 * The Pulumi program ({@code Pulumi.yaml} runs its jar). Configuration is validated as a whole before Pulumi starts,
 * so a bad stack file ends with the full list of problems and no resource registered.
 */
public final class FluxoProgram {

    private FluxoProgram() {
    }

    public static void main(String[] args) {
        var config = StackConfig.fromEnvironment();
        var project = System.getenv().getOrDefault("PULUMI_PROJECT", "fluxo");
        StackSpec spec;
        try {
            spec = StackSpecParser.parse(project, config);
        } catch (InvalidStackConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Pulumi.run(ctx -> FluxoStack.define(ctx, spec));
    }

    /** Validates {@code config} and, only when it is valid, registers the stack's resources. */
    public static StackSpec define(Context ctx, StackConfig config) {
        var spec = StackSpecParser.parse(ctx.projectName(), config);
        FluxoStack.define(ctx, spec);
        return spec;
    }
}
