package dev.fluxo.jobs.config;

import org.apache.spark.sql.streaming.Trigger;

import java.time.Duration;

/**
 * When micro-batches run: {@code processing-time:<duration>} for a continuously running query, or
 * {@code available-now} for a scheduled run that processes everything new and exits.
 *
 * @param interval the processing-time interval; null for available-now
 */
public record TriggerSpec(Duration interval) {
    /** Default trigger of the streaming job. */
    public static final String DEFAULT = "processing-time:1s";
    /** The run-once-and-exit trigger. */
    public static final String AVAILABLE_NOW = "available-now";
    private static final String PROCESSING_TIME = "processing-time:";

    /** Parses {@code processing-time:1s} or {@code available-now}. */
    public static TriggerSpec parse(String text) {
        if (text.equals(AVAILABLE_NOW)) {
            return new TriggerSpec(null);
        }
        if (text.startsWith(PROCESSING_TIME)) {
            Duration interval = Arguments.parseDuration(text.substring(PROCESSING_TIME.length()));
            if (!interval.isZero()) {
                return new TriggerSpec(interval);
            }
        }
        throw new IllegalArgumentException("not a trigger: " + text);
    }

    public boolean availableNow() {
        return interval == null;
    }

    /** The Spark trigger. */
    public Trigger sparkTrigger() {
        return availableNow() ? Trigger.AvailableNow() : Trigger.ProcessingTime(interval.toMillis());
    }

    @Override
    public String toString() {
        return availableNow() ? AVAILABLE_NOW : PROCESSING_TIME + interval.toMillis() + "ms";
    }
}
