package dev.fluxo.policies;

import dev.fluxo.policies.cel.CelPredicates;
import dev.fluxo.policies.cel.CelPredicates.CompileError;
import dev.fluxo.policies.cel.CelPredicates.Predicate;
import dev.fluxo.policies.cel.CelPredicates.PredicateException;
import dev.fluxo.policies.cel.CelValues;
import dev.fluxo.policies.definition.RuleFile;
import dev.fluxo.policies.definition.RuleFileReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Fluxo's rules, loaded once from rules.yaml (validated and compiled up front) and evaluated over resources.
 *
 * <pre>{@code
 * PolicyReport report = PolicySet.load().evaluate(resources, "prod",
 *         List.of(new Suppression("lambda-role-scoped", "producer-role", "needs ec2:Describe* on *")));
 * if (report.hasMandatory()) throw new IllegalStateException(report.render());
 * }</pre>
 */
public final class PolicySet {

    /** Classpath location of the rules, also read by the CrossGuard pack (as a file). */
    public static final String RULES_RESOURCE = "/dev/fluxo/policies/rules.yaml";

    private final RuleFile file;
    private final List<CompiledRule> rules;
    private final CelValues values;

    private PolicySet(RuleFile file, List<CompiledRule> rules) {
        this.file = file;
        this.rules = rules;
        this.values = new CelValues(file.jsonStringInputs());
    }

    /** The rules shipped in this jar ({@value #RULES_RESOURCE}); throws {@link PolicyDefinitionException} if invalid. */
    public static PolicySet load() {
        try (InputStream in = PolicySet.class.getResourceAsStream(RULES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("rules not found on the classpath: " + RULES_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RULES_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RULES_RESOURCE, e);
        }
    }

    /** Rules from YAML text in the rules.yaml format; throws {@link PolicyDefinitionException} listing every problem. */
    public static PolicySet fromYaml(String yaml) {
        return parse(yaml, "the given YAML");
    }

    private static PolicySet parse(String yaml, String source) {
        List<String> problems = new ArrayList<>();
        RuleFile file = RuleFileReader.read(yaml, problems);
        CelPredicates cel = new CelPredicates();
        List<CompiledRule> compiled = new ArrayList<>();
        for (Rule rule : file.rules()) {
            Optional<Predicate> when = rule.when().flatMap(w -> predicate(cel, w, rule, "when", problems));
            Optional<Predicate> check = predicate(cel, rule.check(), rule, "check", problems);
            check.ifPresent(c -> compiled.add(new CompiledRule(rule, when, c)));
        }
        if (!problems.isEmpty()) {
            throw new PolicyDefinitionException(source, problems);
        }
        return new PolicySet(file, List.copyOf(compiled));
    }

    private static Optional<Predicate> predicate(CelPredicates cel, String expression, Rule rule, String field,
                                                 List<String> problems) {
        CelPredicates.Compiled compiled = cel.compile(expression);
        if (compiled instanceof CompileError error) {
            problems.add("rule '" + rule.id() + "': '" + field + "' is not valid CEL: " + error.text());
            return Optional.empty();
        }
        return Optional.of((Predicate) compiled);
    }

    /** The rules, in file order. */
    public List<Rule> rules() {
        return rules.stream().map(CompiledRule::rule).toList();
    }

    /**
     * Checks every resource against every rule that applies in {@code environment}, including stack-scoped rules.
     *
     * @param suppressions accepted violations; each must name a rule of this set
     */
    public PolicyReport evaluate(List<ResourceInput> resources, String environment, List<Suppression> suppressions) {
        requireKnownRules(suppressions);
        List<Map<String, Object>> stack = new ArrayList<>();
        List<Map<String, Object>> normalised = new ArrayList<>();
        for (ResourceInput r : resources) {
            Map<String, Object> inputs = values.inputs(r.inputs());
            normalised.add(inputs);
            stack.add(Map.of("type", r.type(), "name", r.name(), "inputs", inputs));
        }
        List<Violation> violations = new ArrayList<>();
        List<SuppressedViolation> suppressed = new ArrayList<>();
        Map<String, Integer> checks = new LinkedHashMap<>();
        for (int i = 0; i < resources.size(); i++) {
            for (CompiledRule rule : rules) {
                Outcome outcome = rule.evaluate(resources.get(i), normalised.get(i), environment, stack,
                        file.taggableTypes());
                if (!outcome.applied()) {
                    continue;
                }
                checks.merge(rule.rule().id(), 1, Integer::sum);
                outcome.violation().ifPresent(v -> suppressions.stream().filter(s -> s.covers(v)).findFirst().ifPresentOrElse(
                        s -> suppressed.add(new SuppressedViolation(v, s.reason())), () -> violations.add(v)));
            }
        }
        return new PolicyReport(environment, violations, suppressed, checks);
    }

    /**
     * Checks one resource against the resource-scoped rules (stack-scoped rules need the whole stack: use
     * {@link #evaluate}); meant for a check at registration time.
     */
    public List<Violation> evaluateResource(ResourceInput resource, String environment) {
        Map<String, Object> inputs = values.inputs(resource.inputs());
        List<Violation> violations = new ArrayList<>();
        for (CompiledRule rule : rules) {
            if (rule.rule().scope() == Scope.RESOURCE) {
                rule.evaluate(resource, inputs, environment, List.of(), file.taggableTypes()).violation()
                        .ifPresent(violations::add);
            }
        }
        return violations;
    }

    private void requireKnownRules(List<Suppression> suppressions) {
        Set<String> ids = new LinkedHashSet<>(rules.stream().map(r -> r.rule().id()).toList());
        List<String> unknown = suppressions.stream().map(Suppression::ruleId).filter(id -> !ids.contains(id)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Suppressions name unknown rules " + unknown + "; known rules: " + ids);
        }
    }

    /** Whether a rule applied to a resource, and the violation if it failed. */
    private record Outcome(boolean applied, Optional<Violation> violation) {
        static final Outcome NOT_APPLICABLE = new Outcome(false, Optional.empty());
        static final Outcome PASSED = new Outcome(true, Optional.empty());

        static Outcome failed(Violation violation) {
            return new Outcome(true, Optional.of(violation));
        }
    }

    private record CompiledRule(Rule rule, Optional<Predicate> when, Predicate check) {

        Outcome evaluate(ResourceInput resource, Map<String, Object> inputs, String environment,
                         List<Map<String, Object>> stack, List<String> taggableTypes) {
            if (!rule.appliesTo(resource.type(), environment)) {
                return Outcome.NOT_APPLICABLE;
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put(CelPredicates.INPUTS, inputs);
            variables.put(CelPredicates.TYPE, resource.type());
            variables.put(CelPredicates.NAME, resource.name());
            variables.put(CelPredicates.ENVIRONMENT, environment);
            variables.put(CelPredicates.TAGGABLE_TYPES, taggableTypes);
            variables.put(CelPredicates.RESOURCES, stack);
            String stage = "when";
            try {
                if (when.isPresent() && !when.get().test(variables)) {
                    return Outcome.NOT_APPLICABLE;
                }
                stage = "check";
                return check.test(variables) ? Outcome.PASSED : Outcome.failed(violation(resource, rule.message()));
            } catch (PredicateException e) {
                return Outcome.failed(violation(resource, "CEL evaluation error in '" + stage + "': " + e.getMessage()));
            }
        }

        private Violation violation(ResourceInput resource, String message) {
            return new Violation(rule.id(), rule.severity(), resource.type(), resource.name(), message,
                    rule.remediation());
        }
    }
}
