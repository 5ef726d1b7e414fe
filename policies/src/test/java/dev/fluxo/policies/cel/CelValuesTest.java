package dev.fluxo.policies.cel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The conversions the CrossGuard pack's celInputs mirrors (rules.test.ts). */
class CelValuesTest {

    private final CelValues values = new CelValues(List.of("policy"));

    @Test
    void wholeNumbersBecomeIntsAndOthersDoubles() {
        assertThat(values.inputs(Map.of("a", 7, "b", 7.0, "c", 1.5, "d", new BigDecimal("30"), "e", 3L)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", 7L, "b", 7L, "c", 1.5, "d", 30L, "e", 3L));
    }

    @Test
    void nullsAreDroppedEverywhere() {
        Map<String, Object> nested = new HashMap<>();
        nested.put("x", null);
        nested.put("y", "kept");
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("gone", null);
        inputs.put("nested", nested);
        inputs.put("list", Arrays.asList("a", null));
        assertThat(values.inputs(inputs)).isEqualTo(Map.of("nested", Map.of("y", "kept"), "list", List.of("a")));
    }

    @Test
    void iamDocumentsAreParsedWithListsForStatementsActionsAndResources() {
        String document = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Principal\":\"*\"}}";
        assertThat(values.inputs(Map.of("policy", document)).get("policy")).isEqualTo(Map.of("Statement",
                List.of(Map.of("Effect", "Allow", "Action", List.of("s3:*"), "Resource", List.of("*"), "Principal", "*"))));
    }

    @Test
    void onlyConfiguredInputsHoldingStrictJsonObjectsAreParsed() {
        Map<String, Object> inputs = Map.of("policy", "{Statement: []}", "other", "{\"a\":1}");
        assertThat(values.inputs(inputs)).isEqualTo(inputs);
        assertThat(values.inputs(Map.of("policy", "{\"a\":1} trailing"))).containsEntry("policy", "{\"a\":1} trailing");
    }
}
