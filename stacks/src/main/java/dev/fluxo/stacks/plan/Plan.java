package dev.fluxo.stacks.plan;

import com.pulumi.resources.Resource;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.fluxo.components.testing.RecordingMocks;
import dev.fluxo.policies.PolicyReport;
import dev.fluxo.policies.PolicySet;
import dev.fluxo.policies.ResourceInput;
import dev.fluxo.stacks.FluxoStack;
import dev.fluxo.stacks.config.StackConfig;
import dev.fluxo.stacks.config.StackSpecParser;
import dev.fluxo.stacks.spec.StackSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The resources a stack would create, found by running the real stack program in-process under
 * {@link RecordingMocks}: no AWS account, no Pulumi CLI.
 *
 * @param spec      the validated stack spec
 * @param resources every registered resource, in registration order, the stack first (secret inputs redacted)
 * @param policy    the policy report over every resource's inputs (evaluated before redaction)
 * @param policyInputs what the policies were evaluated on: every cloud resource's inputs with the physical names
 *                  the provider would generate (the same shape the CrossGuard pack sees)
 */
public record Plan(StackSpec spec, List<PlannedResource> resources, PolicyReport policy,
                   List<ResourceInput> policyInputs) {
    /** Exit code when a mandatory policy is violated. */
    public static final int POLICY_VIOLATION = 3;
    /** The project name plans run under (as in Pulumi.yaml). */
    public static final String PROJECT = "fluxo";
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|secretstring|secretbinary|token|privatekey).*");
    static final String REDACTED = "[secret]";

    /**
     * Validates the configuration and runs the program.
     *
     * @throws dev.fluxo.stacks.config.InvalidStackConfigException when the configuration has problems
     * @throws IllegalStateException when the program itself fails
     */
    public static Plan run(StackConfig config) {
        return run(config, FluxoStack::define);
    }

    /** Like {@link #run(StackConfig)} with another program over the same spec (tests add deliberate mistakes). */
    public static Plan run(StackConfig config, java.util.function.BiConsumer<com.pulumi.Context, StackSpec> program) {
        var spec = StackSpecParser.parse(PROJECT, config);
        var mocks = new RecordingMocks(spec.region());
        var options = TestOptions.builder().projectName(PROJECT).stackName(config.stack()).preview(true).build();
        try {
            var result = PulumiTestInternal.builder().options(options).mocks(mocks)
                    .config(config.values(), config.secretKeys()).build()
                    .runTest(ctx -> program.accept(ctx, spec));
            if (!result.exceptions().isEmpty()) {
                var first = result.exceptions().get(0);
                throw new IllegalStateException("the stack program failed: " + first.getMessage(), first);
            }
            var policyInputs = policyInputs(mocks);
            var policy = PolicySet.load().evaluate(policyInputs, spec.environment().id(), spec.policy().suppressions());
            return new Plan(spec, collect(result.resources(), mocks), policy, policyInputs);
        } finally {
            PulumiTest.cleanup();
        }
    }

    private static List<ResourceInput> policyInputs(RecordingMocks mocks) {
        return mocks.resources().stream()
                .filter(r -> r.type().contains("/"))
                .map(r -> new ResourceInput(r.type(), r.name(), r.inputsWithIdentity()))
                .toList();
    }

    private static List<PlannedResource> collect(List<Resource> registered, RecordingMocks mocks) {
        var parents = new HashMap<Resource, Resource>();
        for (var r : registered) {
            for (var child : r.pulumiChildResources()) {
                parents.put(child, r);
            }
        }
        var inputs = new HashMap<String, Map<String, Object>>();
        for (var rec : mocks.resources()) {
            inputs.put(rec.type() + "::" + rec.name(), rec.inputs());
        }
        var stack = registered.stream().filter(r -> r.pulumiResourceType().equals("pulumi:pulumi:Stack")).findFirst();
        var out = new ArrayList<PlannedResource>();
        for (var r : registered) {
            var id = r.pulumiResourceType() + "::" + r.pulumiResourceName();
            var parent = Optional.ofNullable(parents.get(r)).or(() -> stack.filter(s -> s != r))
                    .map(p -> p.pulumiResourceType() + "::" + p.pulumiResourceName());
            out.add(new PlannedResource(r.pulumiResourceType(), r.pulumiResourceName(), parent,
                    redact(inputs.getOrDefault(id, Map.of()))));
        }
        return List.copyOf(out);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> redact(Map<String, Object> inputs) {
        var out = new LinkedHashMap<String, Object>();
        inputs.forEach((k, v) -> {
            if (SECRET_KEY.matcher(k).matches() && v != null) {
                out.put(k, REDACTED);
            } else if (v instanceof Map<?, ?> m) {
                out.put(k, redact((Map<String, Object>) m));
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    /** Resources per type, most frequent first. */
    public Map<String, Long> countsByType() {
        var counts = new LinkedHashMap<String, Long>();
        resources.stream().filter(r -> !r.type().startsWith("pulumi:"))
                .forEach(r -> counts.merge(r.type(), 1L, Long::sum));
        var sorted = new LinkedHashMap<String, Long>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The process exit code the plan implies. */
    public int exitCode() {
        return policy.hasMandatory() ? POLICY_VIOLATION : 0;
    }
}
