package dev.fluxo.local.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

class JobMetricsTest {
    @TempDir
    Path dir;

    static String line(long batch, long rowsIn, long merged, Long freshness) {
        return "{\"event\":\"fluxo.gold.batch\",\"batch_id\":" + batch + ",\"finished_at\":\"2026-11-23T10:00:0"
                + batch + "Z\",\"rows_in\":" + rowsIn + ",\"merged\":" + merged + ",\"inserted\":" + merged
                + ",\"updated\":0,\"deleted\":0,\"skipped_stale\":0,\"skipped_invalid\":0,\"invalid_reasons\":{},"
                + "\"newest_commit_time_applied\":null,\"freshness_ms\":" + freshness + ",\"duration_ms\":5}\n";
    }

    @Test
    void countsOnlyBatchesOfThisRunAndReadsLinesAsTheyAreAppended() throws Exception {
        Path file = dir.resolve("metrics.jsonl");
        Files.writeString(file, line(1, 100, 100, 900L));
        JobMetrics metrics = new JobMetrics(file);
        metrics.refresh();
        assertThat(metrics.batches()).isZero();

        String next = line(2, 40, 30, 1500L);
        Files.writeString(file, next.substring(0, 20), StandardOpenOption.APPEND);
        metrics.refresh();
        assertThat(metrics.batches()).as("half a line is not a batch yet").isZero();
        Files.writeString(file, next.substring(20) + line(3, 0, 0, null), StandardOpenOption.APPEND);
        metrics.refresh();
        assertThat(metrics.batches()).isEqualTo(2);
        assertThat(metrics.merged()).isEqualTo(30);
        assertThat(metrics.rowsIn()).isEqualTo(40);
        assertThat(metrics.goldFreshness().quantile(0.5)).isEqualTo(1500);
        assertThat(metrics.lastBatchFinished()).hasToString("2026-11-23T10:00:03Z");
    }
}
