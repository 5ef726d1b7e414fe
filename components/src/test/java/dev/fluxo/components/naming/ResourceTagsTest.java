package dev.fluxo.components.naming;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResourceTagsTest {
    @Test
    void namedAddsTheNameTagAndKeepsTheOthers() {
        var tags = ResourceTags.named(Map.of("environment", "dev", "Name", "old"), "net-vpc");
        assertThat(tags).containsEntry("Name", "net-vpc").containsEntry("environment", "dev");
    }

    @Test
    void requireListsEveryMissingKey() {
        assertThatThrownBy(() -> ResourceTags.require("X", Map.of("environment", "dev", "owner", " ")))
                .hasMessageContaining("[project, owner, cost-center]");
    }

    @Test
    void environmentNamesFitBucketPrefixes() {
        assertThat(EnvironmentName.require("X", "prod")).isEqualTo("prod");
        assertThatThrownBy(() -> EnvironmentName.require("X", "a-very-long-env")).hasMessageContaining("1-10");
        assertThat(EnvironmentName.asIdentifier("stg-2")).isEqualTo("stg_2");
        assertThat(("fluxo-" + "abcdefghij" + "-athena-results-").length()).isLessThanOrEqualTo(37);
    }
}
