package dev.fluxo.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuppressionTest {

    private static final PolicySet POLICIES = PolicySet.load();
    private static final Map<String, Object> TAGS = Map.of("environment", "dev", "project", "fluxo", "owner", "data",
            "cost-center", "cc-1");
    private static final ResourceInput PLAIN_QUEUE = new ResourceInput("aws:sqs/queue:Queue", "dlq", Map.of("tags", TAGS));
    private static final ResourceInput PLAIN_TOPIC = new ResourceInput("aws:sns/topic:Topic", "alarms", Map.of("tags", TAGS));

    @Test
    void aSuppressionWithoutReasonIsRejectedWithAClearMessage() {
        assertThatThrownBy(() -> new Suppression("sqs-queue-encrypted-kms", "dlq", "  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sqs-queue-encrypted-kms").hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> new Suppression("sqs-queue-encrypted-kms", "dlq", null))
                .hasMessageContaining("needs a reason");
    }

    @Test
    void aSuppressedMandatoryViolationDoesNotFailAndIsReportedWithItsReason() {
        PolicyReport report = POLICIES.evaluate(List.of(PLAIN_QUEUE), "dev",
                List.of(new Suppression("sqs-queue-encrypted-kms", "dlq", "AWS-managed SSE until ticket FLX-12")));

        assertThat(report.hasMandatory()).isFalse();
        assertThat(report.violations()).isEmpty();
        assertThat(report.suppressed()).singleElement().satisfies(s -> {
            assertThat(s.violation().ruleId()).isEqualTo("sqs-queue-encrypted-kms");
            assertThat(s.reason()).isEqualTo("AWS-managed SSE until ticket FLX-12");
        });
        assertThat(report.render()).contains("SUPPRESSED (1)", "dlq", "AWS-managed SSE until ticket FLX-12");
        assertThat(report.toMap().get("suppressed")).asList().singleElement()
                .satisfies(m -> assertThat(((Map<?, ?>) m).get("reason")).isEqualTo("AWS-managed SSE until ticket FLX-12"));
    }

    @Test
    void aSuppressionCoversOnlyItsResourceUnlessItNamesAllResources() {
        Suppression one = new Suppression("sns-topic-encrypted-kms", "other-topic", "not this one");
        assertThat(POLICIES.evaluate(List.of(PLAIN_TOPIC), "dev", List.of(one)).hasMandatory()).isTrue();

        Suppression all = new Suppression("sns-topic-encrypted-kms", Suppression.ALL_RESOURCES, "sandbox account");
        assertThat(POLICIES.evaluate(List.of(PLAIN_TOPIC), "dev", List.of(all)).hasMandatory()).isFalse();
    }

    @Test
    void aSuppressionOfAnUnknownRuleIsRejected() {
        assertThatThrownBy(() -> POLICIES.evaluate(List.of(PLAIN_QUEUE), "dev",
                List.of(new Suppression("sqs-queue-encrypted", "dlq", "typo"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown rules [sqs-queue-encrypted]");
    }
}
