package dev.fluxo.components.protection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DataProtectionTest {
    @ParameterizedTest(name = "stack {0}, component {1} -> deletable {2}")
    @CsvSource({"false,false,false", "true,false,false", "false,true,false", "true,true,true"})
    void deletionNeedsBothOptIns(boolean stack, boolean component, boolean deletable) {
        var protection = DataProtection.of(stack, component, false);
        assertThat(protection.deletionAllowed()).isEqualTo(deletable);
        assertThat(protection.forceDestroy()).isEqualTo(deletable);
    }

    @Test
    void stackFlagDefaultsToKeepingData() {
        assertThat(DataProtection.DEFAULT_STACK_ALLOWS_DATA_DELETION).isFalse();
        assertThat(DataProtection.CONFIG_NAMESPACE + ":" + DataProtection.ALLOW_DATA_DELETION_KEY)
                .isEqualTo("fluxo:allowDataDeletion");
    }

    @Test
    void protectIsIndependentOfDeletion() {
        assertThat(DataProtection.of(true, true, true).protect()).isTrue();
        assertThat(DataProtection.of(false, false, false).protect()).isFalse();
    }
}
