package dev.fluxo.jobs.metrics;

import java.util.List;

/** Told about every micro-batch after gold is committed. Called on the query's thread: return quickly. */
@FunctionalInterface
public interface BatchMetricsListener {
    void onBatch(BatchMetrics metrics);

    /** All of {@code listeners}, in order. */
    static BatchMetricsListener all(List<BatchMetricsListener> listeners) {
        List<BatchMetricsListener> copy = List.copyOf(listeners);
        return m -> copy.forEach(l -> l.onBatch(m));
    }
}
