package dev.fluxo.transform.service.config;

import dev.fluxo.transform.MskTransformHandler;
import dev.fluxo.transform.config.TransformSettings;
import dev.fluxo.transform.service.poll.TransformPoller;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything the transform service reads from its environment, checked before anything starts: the change topic and
 * its brokers ({@link KafkaSource}), the batches ({@value #BATCH_SIZE}, default {@link #DEFAULT_BATCH_SIZE};
 * {@value #BATCH_WINDOW_MS}, default {@link #DEFAULT_BATCH_WINDOW}), the health port ({@value #HEALTH_PORT}, default
 * {@value #DEFAULT_HEALTH_PORT}), and the transform function's own {@code FLUXO_*} variables, read as the Lambda
 * reads them ({@link TransformSettings}).
 *
 * @param kafka       the change topic and the consumer's properties
 * @param batchSize   records per batch at most
 * @param batchWindow how long a batch gathers records after its first one
 * @param healthPort  where {@code GET /health} answers ({@code 0}: any free port)
 */
public record ServiceSettings(KafkaSource kafka, int batchSize, Duration batchWindow, int healthPort) {
    public static final String BATCH_SIZE = "FLUXO_BATCH_SIZE";
    public static final String BATCH_WINDOW_MS = "FLUXO_BATCH_WINDOW_MS";
    public static final String HEALTH_PORT = "FLUXO_HEALTH_PORT";
    public static final int DEFAULT_BATCH_SIZE = TransformPoller.DEFAULT_BATCH_SIZE;
    public static final Duration DEFAULT_BATCH_WINDOW = TransformPoller.DEFAULT_BATCH_WINDOW;
    /** The port the Kubernetes {@code TransformDeployment} probes. */
    public static final int DEFAULT_HEALTH_PORT = 8080;

    /**
     * Reads and checks every variable.
     *
     * @throws SettingsException listing every missing or invalid variable
     */
    public static ServiceSettings fromEnvironment(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        KafkaSource kafka = KafkaSource.read(env, problems);
        int batchSize = number(env, BATCH_SIZE, DEFAULT_BATCH_SIZE, 1, Integer.MAX_VALUE, problems);
        int windowMs = number(env, BATCH_WINDOW_MS, (int) DEFAULT_BATCH_WINDOW.toMillis(), 0, Integer.MAX_VALUE,
                problems);
        int port = number(env, HEALTH_PORT, DEFAULT_HEALTH_PORT, 0, 65_535, problems);
        try {
            TransformSettings.fromEnvironment(env, MskTransformHandler.DEFAULT_FORMAT);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new SettingsException(problems);
        }
        return new ServiceSettings(kafka, batchSize, Duration.ofMillis(windowMs), port);
    }

    private static int number(Map<String, String> env, String variable, int defaultValue, int min, int max,
                              List<String> problems) {
        String text = KafkaSource.value(env, variable);
        if (text == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(variable + "=" + text + " is not a whole number from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max));
        return defaultValue;
    }
}
