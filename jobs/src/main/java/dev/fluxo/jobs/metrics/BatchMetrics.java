package dev.fluxo.jobs.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What one micro-batch did to gold. Counts reconcile: {@code rowsIn = inserted + updated + deleted + skippedStale +
 * skippedInvalid}.
 *
 * @param batchId          Spark's micro-batch id
 * @param finishedAt       when gold (and the aggregate) were committed
 * @param rowsIn           silver changes in the batch
 * @param inserted         customers added to gold
 * @param updated          customers changed in gold
 * @param deleted          customers removed from gold
 * @param skippedStale     valid changes that changed nothing: superseded by a newer change for the same id (in the
 *                         batch, in gold, or by a recorded delete), or deletes of ids gold does not hold
 * @param skippedInvalid   changes that cannot be applied (null id, unsupported schema_version, ...)
 * @param invalidReasons   skippedInvalid by reason
 * @param newestApplied    newest commit_time applied to gold so far by this query (empty until one is)
 * @param freshness        from the newest applied change's source commit to its gold.customers commit in this batch
 *                         (the aggregate's recompute comes after and is in {@code duration}); empty until a change
 *                         is applied
 * @param duration         wall time of the batch
 */
public record BatchMetrics(long batchId, Instant finishedAt, long rowsIn, long inserted, long updated, long deleted,
                           long skippedStale, long skippedInvalid, Map<String, Long> invalidReasons,
                           Optional<Instant> newestApplied, Optional<Duration> freshness, Duration duration) {
    public BatchMetrics {
        invalidReasons = Map.copyOf(invalidReasons);
    }

    /** Changes that changed gold: inserted + updated + deleted. */
    public long merged() {
        return inserted + updated + deleted;
    }

    /** One JSON object on one line, for logs (CloudWatch Logs Insights parses it) and the metrics file. */
    public String toJson() {
        String reasons = new TreeMap<>(invalidReasons).entrySet().stream()
                .map(e -> quote(e.getKey()) + ":" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
        return "{\"event\":\"fluxo.gold.batch\",\"batch_id\":" + batchId
                + ",\"finished_at\":" + quote(finishedAt.toString())
                + ",\"rows_in\":" + rowsIn + ",\"merged\":" + merged() + ",\"inserted\":" + inserted
                + ",\"updated\":" + updated + ",\"deleted\":" + deleted + ",\"skipped_stale\":" + skippedStale
                + ",\"skipped_invalid\":" + skippedInvalid + ",\"invalid_reasons\":" + reasons
                + ",\"newest_commit_time_applied\":" + newestApplied.map(i -> quote(i.toString())).orElse("null")
                + ",\"freshness_ms\":" + freshness.map(d -> Long.toString(d.toMillis())).orElse("null")
                + ",\"duration_ms\":" + duration.toMillis() + "}";
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
