package dev.fluxo.policies;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The result of {@link PolicySet#evaluate}: violations by severity, suppressed violations with their reasons. */
public final class PolicyReport {

    private final String environment;
    private final List<Violation> violations;
    private final List<SuppressedViolation> suppressed;
    private final Map<String, Integer> checksByRule;

    PolicyReport(String environment, List<Violation> violations, List<SuppressedViolation> suppressed,
                 Map<String, Integer> checksByRule) {
        this.environment = environment;
        this.violations = List.copyOf(violations);
        this.suppressed = List.copyOf(suppressed);
        this.checksByRule = Collections.unmodifiableMap(new LinkedHashMap<>(checksByRule));
    }

    /** Every violation that is not suppressed. */
    public List<Violation> violations() {
        return violations;
    }

    /** The mandatory violations (these fail a preview or a test). */
    public List<Violation> mandatory() {
        return of(Severity.MANDATORY);
    }

    /** The advisory violations (reported only). */
    public List<Violation> advisory() {
        return of(Severity.ADVISORY);
    }

    /** Violations accepted by a suppression, each with its reason; they do not count. */
    public List<SuppressedViolation> suppressed() {
        return suppressed;
    }

    /** True when at least one mandatory violation is not suppressed. */
    public boolean hasMandatory() {
        return !mandatory().isEmpty();
    }

    /** Number of unsuppressed violations per severity; every severity is present. */
    public Map<Severity, Integer> countsBySeverity() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, of(severity).size());
        }
        return counts;
    }

    /** Number of (rule, resource) pairs checked: the rule applied to the resource in this environment. */
    public int checks() {
        return checksByRule.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Per rule id, how many resources the rule checked (rules that applied to no resource are absent). */
    public Map<String, Integer> checksByRule() {
        return checksByRule;
    }

    /** The environment the rules were evaluated for. */
    public String environment() {
        return environment;
    }

    private List<Violation> of(Severity severity) {
        return violations.stream().filter(v -> v.severity() == severity).toList();
    }

    /** A human-readable report, grouped by severity, naming resource, rule, message and remediation. */
    public String render() {
        Map<Severity, Integer> counts = countsBySeverity();
        StringBuilder out = new StringBuilder();
        out.append("Policy report for environment '").append(environment).append("': ")
                .append(counts.get(Severity.MANDATORY)).append(" mandatory, ")
                .append(counts.get(Severity.ADVISORY)).append(" advisory, ")
                .append(suppressed.size()).append(" suppressed (").append(checks()).append(" checks)\n");
        for (Severity severity : Severity.values()) {
            List<Violation> group = of(severity);
            if (group.isEmpty()) {
                continue;
            }
            out.append('\n').append(severity.wireName().toUpperCase()).append(" (").append(group.size()).append(")\n");
            for (Violation v : group) {
                out.append("  - ").append(v.resourceName()).append(" [").append(v.resourceType()).append("] violates ")
                        .append(v.ruleId()).append('\n')
                        .append("      ").append(v.message()).append('\n')
                        .append("      fix: ").append(v.remediation()).append('\n');
            }
        }
        if (!suppressed.isEmpty()) {
            out.append("\nSUPPRESSED (").append(suppressed.size()).append(")\n");
            for (SuppressedViolation s : suppressed) {
                Violation v = s.violation();
                out.append("  - ").append(v.resourceName()).append(" [").append(v.resourceType()).append("] ")
                        .append(v.ruleId()).append(" (").append(v.severity().wireName()).append("): ")
                        .append(s.reason()).append('\n');
            }
        }
        return out.toString();
    }

    /** The report as JSON-ready maps and lists (for {@code fluxo plan --json}). */
    public Map<String, Object> toMap() {
        Map<String, Object> counts = new LinkedHashMap<>();
        countsBySeverity().forEach((severity, count) -> counts.put(severity.wireName(), count));
        counts.put("suppressed", suppressed.size());
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("environment", environment);
        map.put("checks", checks());
        map.put("counts", counts);
        map.put("violations", violations.stream().map(Violation::toMap).toList());
        map.put("suppressed", suppressed.stream().map(SuppressedViolation::toMap).toList());
        return map;
    }
}
