package dev.fluxo.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every rule is proven both ways by the shared fixtures: it fires on a bad resource and passes a good one. */
class RuleCoverageTest {

    @Test
    void everyRuleHasAFailingAndAPassingCase() {
        PolicySet policies = PolicySet.load();
        Set<String> failing = new HashSet<>();
        Set<String> passing = new HashSet<>();
        for (Fixture fixture : Fixture.all()) {
            PolicyReport report = policies.evaluate(fixture.resources(), fixture.environment(), List.of());
            report.checksByRule().forEach((ruleId, checks) -> {
                long violations = report.violations().stream().filter(v -> v.ruleId().equals(ruleId)).count();
                if (violations > 0) {
                    failing.add(ruleId);
                }
                if (checks > violations) {
                    passing.add(ruleId);
                }
            });
        }
        List<String> ids = policies.rules().stream().map(Rule::id).toList();
        assertThat(ids).as("rules without a failing case in policies/fixtures").allMatch(failing::contains);
        assertThat(ids).as("rules without a passing case in policies/fixtures").allMatch(passing::contains);
    }
}
