package dev.fluxo.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RuleFileValidationTest {

    private static String shippedRules() throws IOException {
        try (InputStream in = PolicySet.class.getResourceAsStream(PolicySet.RULES_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theShippedRulesAreValid() {
        assertThat(PolicySet.load().rules()).hasSizeGreaterThanOrEqualTo(20)
                .allSatisfy(r -> assertThat(r.id()).matches("[a-z0-9]+(-[a-z0-9]+)*"));
    }

    @Test
    void everyProblemIsListedTogetherWithItsRuleId() throws IOException {
        String broken = shippedRules()
                .replaceFirst("severity: mandatory", "severity: blocker")
                .replace("id: sqs-queue-encrypted-kms", "id: sqs-queue-encrypted-kms\n    colour: red")
                .replace("check: has(inputs.kmsKeyId)", "check: has(inputs.kmsKeyId) &&")
                .replace("check: has(inputs.kmsMasterKeyId)\n    message: The topic", "check: has(inputs.kmsMasterKeyId) && kmsKey\n    message: The topic");

        PolicyDefinitionException e = catchThrowableOfType(PolicyDefinitionException.class, () -> PolicySet.fromYaml(broken));

        assertThat(e.problems()).hasSize(4);
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("rule 's3-bucket-encrypted-kms': 'severity' must be 'mandatory' or 'advisory' (was blocker)"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("rule 'sqs-queue-encrypted-kms': unknown field 'colour'"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("rule 'log-group-encrypted-kms': 'check' is not valid CEL"));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("rule 'sns-topic-encrypted-kms': 'check' is not valid CEL")
                .contains("undeclared reference to 'kmsKey'"));
        assertThat(e).hasMessageContaining("4 problems");
    }

    @Test
    void structuralProblemsAreReported() {
        String yaml = """
                version: 1
                jsonStringInputs: []
                taggableTypes: []
                extra: true
                rules:
                  - id: Not_Kebab
                    description: d
                    severity: mandatory
                    environments: all
                    resourceTypes: [t]
                    check: "true"
                    message: m
                    remediation: r
                  - id: twice
                    description: d
                    severity: advisory
                    environments: some
                    scope: cluster
                    resourceTypes: []
                    check: "true"
                    message: m
                    remediation: r
                  - id: twice
                    severity: advisory
                    environments: [prod]
                    resourceTypes: [t]
                    when: "inputs.x +"
                    check: "true"
                    message: m
                """;
        PolicyDefinitionException e = catchThrowableOfType(PolicyDefinitionException.class, () -> PolicySet.fromYaml(yaml));
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "top level: unknown field 'extra' (known: jsonStringInputs, rules, taggableTypes, version)",
                "rule 'Not_Kebab': 'id' must be kebab-case (e.g. s3-bucket-encrypted-kms)",
                "rule 'twice': 'scope' must be 'resource' or 'stack' (was cluster)",
                "rule 'twice': 'environments' must be 'all' or a list of environments",
                "rule 'twice': 'resourceTypes' must be a non-empty list of strings",
                "rule 'twice': duplicate id",
                "rule 'twice': 'description' is required (a non-blank string)",
                "rule 'twice': 'remediation' is required (a non-blank string)");
    }

    @Test
    void aCheckThatIsNotBooleanIsACompileError() {
        String yaml = """
                version: 1
                jsonStringInputs: []
                taggableTypes: []
                rules:
                  - {id: named, description: d, severity: mandatory, environments: all, resourceTypes: [t],
                     check: "name", message: m, remediation: r}
                """;
        assertThatThrownBy(() -> PolicySet.fromYaml(yaml)).isInstanceOf(PolicyDefinitionException.class)
                .hasMessageContaining("rule 'named': 'check' is not valid CEL");
    }

    @Test
    void textThatIsNotYamlIsReported() {
        assertThatThrownBy(() -> PolicySet.fromYaml("rules: [unclosed")).isInstanceOf(PolicyDefinitionException.class)
                .hasMessageContaining("not valid YAML");
    }
}
