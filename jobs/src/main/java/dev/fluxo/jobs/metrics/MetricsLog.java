package dev.fluxo.jobs.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each batch's metrics as one JSON line (logger {@value #LOGGER}, level INFO). */
public final class MetricsLog implements BatchMetricsListener {
    /** The logger name, so log configuration can route batch lines on their own. */
    public static final String LOGGER = "fluxo.gold.metrics";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public void onBatch(BatchMetrics metrics) {
        LOG.info(metrics.toJson());
    }
}
