package dev.fluxo.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The Java evaluator reports, on every shared fixture, exactly the violations the fixture (and the pack) expects. */
class SharedFixturesTest {

    private static final PolicySet POLICIES = PolicySet.load();

    @TestFactory
    Stream<DynamicTest> everyFixtureGivesTheExpectedRuleIdsPerResource() {
        List<Fixture> fixtures = Fixture.all();
        assertThat(fixtures).as("fixtures in " + Fixture.DIRECTORY.toAbsolutePath()).isNotEmpty();
        return fixtures.stream().map(f -> DynamicTest.dynamicTest(f.file(), () -> {
            PolicyReport report = POLICIES.evaluate(f.resources(), f.environment(), List.of());
            assertThat(report.violations().stream().map(v -> Fixture.line(v.ruleId(), v.resourceName())).sorted())
                    .as(report.render())
                    .containsExactlyElementsOf(f.expected());
        }));
    }
}
