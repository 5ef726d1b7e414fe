package dev.fluxo.producer.change;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeMixTest {
    @Test
    void defaultIsSeventyTwentyFiveFive() {
        assertThat(ChangeMix.DEFAULT).isEqualTo(new ChangeMix(70, 25, 5));
        assertThat(ChangeMix.DEFAULT).hasToString(ChangeMix.DEFAULT_TEXT);
    }

    @Test
    void splitsHundredRowsExactly() {
        assertThat(ChangeMix.DEFAULT.split(100)).isEqualTo(new ChangeCounts(70, 25, 5));
    }

    @Test
    void roundingGivesTheRestToInsertsSoPartsAddUp() {
        assertThat(ChangeMix.DEFAULT.split(10)).isEqualTo(new ChangeCounts(8, 2, 0));
        for (int rows = 0; rows < 500; rows++) {
            assertThat(ChangeMix.parse("33/33/34").split(rows).total()).isEqualTo(rows);
        }
    }

    @Test
    void parsesSpacesAndPureModes() {
        assertThat(ChangeMix.parse(" 100 / 0 / 0 ").split(7)).isEqualTo(new ChangeCounts(7, 0, 0));
        assertThat(ChangeMix.parse("0/0/100").split(7)).isEqualTo(new ChangeCounts(0, 0, 7));
    }

    @Test
    void rejectsMixesThatDoNotAddUpToHundred() {
        assertThatThrownBy(() -> ChangeMix.parse("70/20/5")).hasMessageContaining("add up to 100");
    }

    @Test
    void rejectsMalformedTextNamingTheExpectedForm() {
        assertThatThrownBy(() -> ChangeMix.parse("70-25-5")).hasMessageContaining("e.g. 70/25/5");
    }
}
