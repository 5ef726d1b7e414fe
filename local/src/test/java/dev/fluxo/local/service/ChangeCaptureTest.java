package dev.fluxo.local.service;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeCaptureTest {
    @Test
    void eachKafkaRecordIsStampedWithTheChangesCommitTimeInPostgres() {
        String event = "{\"before\":null,\"after\":{\"id\":1},\"source\":{\"ts_ms\":1795430753407,\"lsn\":5},"
                + "\"op\":\"c\",\"ts_ms\":1795430753999}";
        assertThat(ChangeCapture.commitTime(event)).isEqualTo(1795430753407L);
    }

    @Test
    void aTombstoneIsStampedWithTheTimeItWasPublished() {
        long before = System.currentTimeMillis();
        assertThat(ChangeCapture.commitTime(null)).isBetween(before, System.currentTimeMillis());
    }
}
