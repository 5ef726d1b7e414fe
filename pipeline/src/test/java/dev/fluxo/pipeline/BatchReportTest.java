package dev.fluxo.pipeline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchReportTest {

    @Test
    void everyRecordAccountedForOnceReconciles() {
        BatchReport report = new BatchReport(10, 1, 7, 5, 2, 2);
        assertThat(report.reconciles()).isTrue();
        assertThat(report.deadLettered()).isEqualTo(4);
        assertThat(report.assertReconciled()).isSameAs(report);
    }

    @Test
    void aLostRecordOrASilverSurplusIsReported() {
        assertThat(new BatchReport(10, 1, 6, 5, 2, 1).discrepancies())
                .containsExactly("received 10 != bronze 6 + ignored 1 + dead-lettered at decode 2");
        assertThatThrownBy(() -> new BatchReport(3, 0, 3, 4, 0, 0).assertReconciled())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bronze 3 != silver 4 + dead-lettered at validate 0")
                .hasMessageContaining("silver 4 > bronze 3");
    }
}
