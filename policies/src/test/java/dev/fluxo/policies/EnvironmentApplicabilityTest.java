package dev.fluxo.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentApplicabilityTest {

    private static final PolicySet POLICIES = PolicySet.load();
    private static final ResourceInput THROWAWAY_DB = new ResourceInput("aws:rds/instance:Instance", "db", Map.of(
            "engine", "mysql", "storageEncrypted", true, "kmsKeyId", "arn:aws:kms:key", "backupRetentionPeriod", 1,
            "skipFinalSnapshot", true,
            "tags", Map.of("environment", "dev", "project", "fluxo", "owner", "data", "cost-center", "cc-1")));

    @Test
    void prodOnlyRulesDoNotFireInDev() {
        assertThat(POLICIES.evaluate(List.of(THROWAWAY_DB), "dev", List.of()).violations()).isEmpty();
    }

    @Test
    void prodOnlyRulesFireInProd() {
        assertThat(POLICIES.evaluate(List.of(THROWAWAY_DB), "prod", List.of()).violations())
                .extracting(Violation::ruleId)
                .containsExactlyInAnyOrder("rds-prod-deletion-protected", "rds-prod-backup-retention");
    }

    @Test
    void theRuleDeclaresWhereItApplies() {
        Rule rule = POLICIES.rules().stream().filter(r -> r.id().equals("rds-prod-backup-retention")).findFirst().orElseThrow();
        assertThat(rule.appliesTo("aws:rds/instance:Instance", "prod")).isTrue();
        assertThat(rule.appliesTo("aws:rds/instance:Instance", "dev")).isFalse();
        assertThat(rule.appliesTo("aws:rds/cluster:Cluster", "prod")).isFalse();
    }
}
