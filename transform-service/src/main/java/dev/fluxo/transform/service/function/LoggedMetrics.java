package dev.fluxo.transform.service.function;

import com.amazonaws.services.lambda.runtime.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.model.DimensionSet;
import software.amazon.lambda.powertools.metrics.model.MetricResolution;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Powertools metrics for the transform in this JVM: what Lambda would send to CloudWatch as Embedded Metric Format goes
 * to this JVM's log instead (one line per flush, logger {@value #LOGGER}), keeping the local console for the progress
 * line.
 */
public final class LoggedMetrics implements Metrics {
    /** The logger the metric lines go to. */
    public static final String LOGGER = "fluxo.transform.metrics";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final Map<String, Double> pending = new TreeMap<>();
    private final String functionName;
    private String namespace = "Fluxo";
    private DimensionSet defaults;
    private boolean coldStartCaptured;

    /** @param functionName the function's name, the default {@code FunctionName} dimension */
    public LoggedMetrics(String functionName) {
        this.functionName = functionName;
        this.defaults = DimensionSet.of("FunctionName", functionName);
    }

    @Override
    public synchronized void addMetric(String key, double value, MetricUnit unit, MetricResolution resolution) {
        pending.merge(key, value, Double::sum);
    }

    @Override
    public void addDimension(DimensionSet dimensionSet) {
        // one function, one dimension set: nothing to split by locally
    }

    @Override
    public void setTimestamp(Instant timestamp) {
        // lines are logged when flushed
    }

    @Override
    public void addMetadata(String key, Object value) {
        // metadata is for CloudWatch Logs Insights; the local log has the handler's own line
    }

    @Override
    public synchronized void setDefaultDimensions(DimensionSet dimensionSet) {
        defaults = dimensionSet;
    }

    @Override
    public synchronized DimensionSet getDefaultDimensions() {
        return defaults;
    }

    @Override
    public synchronized void setNamespace(String value) {
        namespace = value;
    }

    @Override
    public void setRaiseOnEmptyMetrics(boolean raise) {
        // an empty flush logs nothing
    }

    @Override
    public synchronized void clearDefaultDimensions() {
        defaults = DimensionSet.of("FunctionName", functionName);
    }

    @Override
    public synchronized void flush() {
        if (!pending.isEmpty()) {
            LOG.info("{} {}", namespace, pending);
            pending.clear();
        }
    }

    @Override
    public synchronized void captureColdStartMetric(Context context, DimensionSet dimensions) {
        captureColdStartMetric(dimensions);
    }

    @Override
    public synchronized void captureColdStartMetric(DimensionSet dimensions) {
        if (!coldStartCaptured) {
            coldStartCaptured = true;
            LOG.info("{} {ColdStart=1.0}", namespace);
        }
    }

    @Override
    public void flushMetrics(Consumer<Metrics> metrics) {
        metrics.accept(this);
        flush();
    }
}
