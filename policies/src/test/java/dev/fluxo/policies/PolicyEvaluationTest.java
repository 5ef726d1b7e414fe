package dev.fluxo.policies;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyEvaluationTest {

    private static final PolicySet POLICIES = PolicySet.load();
    private static final Map<String, Object> TAGS = Map.of("environment", "prod", "project", "fluxo", "owner", "data",
            "cost-center", "cc-1");
    private static final String KEY = "arn:aws:kms:us-east-1:1:key/k";

    private static String rulesWith(String check) {
        return """
                version: 1
                jsonStringInputs: [policy]
                taggableTypes: []
                rules:
                  - id: probe
                    description: d
                    severity: advisory
                    environments: all
                    resourceTypes: ["*"]
                    check: %s
                    message: probe failed
                    remediation: fix the probe
                """.formatted(check);
    }

    @Test
    void aCelEvaluationErrorIsAViolationCarryingTheErrorText() {
        PolicySet set = PolicySet.fromYaml(rulesWith("inputs.missing == 1"));
        assertThat(set.evaluateResource(new ResourceInput("t", "r", Map.of()), "dev")).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("probe");
            assertThat(v.message()).startsWith("CEL evaluation error in 'check':").contains("missing");
        });
    }

    @Test
    void numbersFromMocksCompareAsCelNumbers() {
        ResourceInput asDouble = db(Map.of("backupRetentionPeriod", 7.0));
        ResourceInput asInteger = db(Map.of("backupRetentionPeriod", 7));
        ResourceInput tooShort = db(Map.of("backupRetentionPeriod", 6.0));
        assertThat(POLICIES.evaluateResource(asDouble, "prod")).isEmpty();
        assertThat(POLICIES.evaluateResource(asInteger, "prod")).isEmpty();
        assertThat(POLICIES.evaluateResource(tooShort, "prod")).extracting(Violation::ruleId)
                .containsExactly("rds-prod-backup-retention");
    }

    @Test
    void nullInputsCountAsAbsent() {
        Map<String, Object> inputs = new java.util.HashMap<>(Map.of("retentionInDays", 14, "tags", TAGS));
        inputs.put("kmsKeyId", null);
        assertThat(POLICIES.evaluateResource(new ResourceInput("aws:cloudwatch/logGroup:LogGroup", "logs", inputs), "prod"))
                .extracting(Violation::ruleId).containsExactly("log-group-encrypted-kms");
    }

    @Test
    void iamDocumentsGivenAsJsonStringsAreParsedAndNormalised() {
        String singleStatement = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}";
        ResourceInput policy = new ResourceInput("aws:iam/policy:Policy", "admin", Map.of("policy", singleStatement, "tags", TAGS));
        assertThat(POLICIES.evaluateResource(policy, "prod")).extracting(Violation::ruleId)
                .containsExactly("iam-no-wildcard-admin-statement");
    }

    @Test
    void evaluateResourceRunsOnlyResourceScopedRules() {
        ResourceInput bucket = new ResourceInput("aws:s3/bucketV2:BucketV2", "bronze", Map.of("tags", TAGS));
        assertThat(POLICIES.evaluateResource(bucket, "prod")).isEmpty();
        assertThat(POLICIES.evaluate(List.of(bucket), "prod", List.of()).violations()).extracting(Violation::ruleId)
                .containsExactlyInAnyOrder("s3-bucket-encrypted-kms", "s3-bucket-tls-only", "s3-bucket-public-access-blocked");
    }

    @Test
    void theReportGroupsBySeverityAndNamesResourceRuleMessageAndRemediation() {
        ResourceInput key = new ResourceInput("aws:kms/key:Key", "lakehouse-key", Map.of("tags", TAGS));
        ResourceInput lambdaRole = new ResourceInput("aws:iam/role:Role", "fn-role", Map.of("tags", TAGS, "assumeRolePolicy",
                "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        ResourceInput widePolicy = new ResourceInput("aws:iam/rolePolicy:RolePolicy", "fn-policy", Map.of("role", "fn-role",
                "policy", "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"));

        PolicyReport report = POLICIES.evaluate(List.of(key, lambdaRole, widePolicy), "prod", List.of());

        assertThat(report.countsBySeverity()).containsEntry(Severity.MANDATORY, 1).containsEntry(Severity.ADVISORY, 1);
        assertThat(report.hasMandatory()).isTrue();
        assertThat(report.mandatory()).extracting(Violation::ruleId).containsExactly("kms-key-rotation-enabled");
        assertThat(report.advisory()).extracting(Violation::ruleId).containsExactly("lambda-role-scoped");
        String text = report.render();
        assertThat(text).contains("1 mandatory, 1 advisory, 0 suppressed", "MANDATORY (1)", "ADVISORY (1)",
                "lakehouse-key [aws:kms/key:Key] violates kms-key-rotation-enabled", "The KMS key does not rotate.",
                "fix: Set enableKeyRotation=true.", "fn-policy [aws:iam/rolePolicy:RolePolicy] violates lambda-role-scoped");
        assertThat(text.indexOf("MANDATORY")).isLessThan(text.indexOf("ADVISORY"));
        assertThat(report.toMap()).containsEntry("environment", "prod")
                .containsEntry("counts", Map.of("mandatory", 1, "advisory", 1, "suppressed", 0));
        assertThat(report.toMap().get("violations")).asList().hasSize(2);
    }

    @Test
    void aCompliantResourceCountsAsACheckWithoutViolation() {
        ResourceInput key = new ResourceInput("aws:kms/key:Key", "k", Map.of("enableKeyRotation", true, "tags", TAGS));
        PolicyReport report = POLICIES.evaluate(List.of(key), "prod", List.of());
        assertThat(report.violations()).isEmpty();
        assertThat(report.checksByRule()).containsEntry("kms-key-rotation-enabled", 1).containsEntry("required-tags", 1);
        assertThat(report.countsBySeverity()).containsEntry(Severity.MANDATORY, 0).containsEntry(Severity.ADVISORY, 0);
    }

    private static ResourceInput db(Map<String, Object> extra) {
        Map<String, Object> inputs = new java.util.HashMap<>(Map.of("engine", "mysql", "storageEncrypted", true, "kmsKeyId", KEY,
                "deletionProtection", true, "skipFinalSnapshot", false, "tags", TAGS));
        inputs.putAll(extra);
        return new ResourceInput("aws:rds/instance:Instance", "db", inputs);
    }
}
