package dev.fluxo.stacks;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import dev.fluxo.stacks.config.InvalidStackConfigException;
import dev.fluxo.stacks.config.StackConfig;
import dev.fluxo.stacks.config.StackSpecParser;
import dev.fluxo.stacks.plan.Plan;
import dev.fluxo.stacks.spec.StackSpec;

/**
 * The Pulumi program ({@code Pulumi.yaml} runs its jar). Before Pulumi starts, the configuration is validated as a
 * whole and the program is run once under mocks so that every resource's inputs are checked against the policies
 * ({@code policies/}): a bad stack file or a mandatory violation ends the preview or update with the full report
 * and nothing registered. Advisory violations are printed as warnings.
 */
public final class FluxoProgram {

    /** Exit code for invalid configuration. */
    public static final int INVALID_CONFIG = 2;

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
            System.exit(INVALID_CONFIG);
            return;
        }
        Artifacts artifacts;
        try {
            artifacts = Artifacts.require(Artifacts.projectRoot(), spec.stream().isMsk());
        } catch (IllegalStateException e) {
            System.err.println("fluxo: " + e.getMessage());
            System.exit(INVALID_CONFIG);
            return;
        }
        var preflight = Plan.run(config);
        if (!preflight.policy().violations().isEmpty() || !preflight.policy().suppressed().isEmpty()) {
            System.err.println(preflight.policy().render());
        }
        if (preflight.policy().hasMandatory()) {
            System.exit(Plan.POLICY_VIOLATION);
            return;
        }
        Pulumi.run(ctx -> FluxoStack.define(ctx, spec, artifacts));
    }

    /** Validates {@code config} and, only when it is valid, registers the stack's resources. */
    public static StackSpec define(Context ctx, StackConfig config) {
        var spec = StackSpecParser.parse(ctx.projectName(), config);
        FluxoStack.define(ctx, spec);
        return spec;
    }
}
