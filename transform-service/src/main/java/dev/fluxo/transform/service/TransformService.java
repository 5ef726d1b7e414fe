package dev.fluxo.transform.service;

import dev.fluxo.transform.service.config.ServiceSettings;
import dev.fluxo.transform.service.config.SettingsException;
import dev.fluxo.transform.service.function.TransformFunctionSink;
import dev.fluxo.transform.service.health.Health;
import dev.fluxo.transform.service.health.HealthEndpoint;
import dev.fluxo.transform.service.poll.TransformPoller;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The transform as a long-running process (the Kubernetes {@code TransformDeployment}'s image): the transform Lambda's
 * handler ({@code MskTransformHandler}, through {@link TransformFunctionSink}) behind a Kafka consumer group
 * ({@link TransformPoller}), configured by the environment ({@link ServiceSettings}), with {@code GET /health}
 * ({@link HealthEndpoint}). SIGTERM ({@link #close()}) stops it cleanly: polling stops, a batch in flight is not committed (the next pod
 * of the group reads it again), the consumer leaves the group.
 *
 * <pre>{@code
 * java -jar fluxo-transform-service.jar          # reads FLUXO_KAFKA_*, FLUXO_BATCH_*, FLUXO_HEALTH_PORT, FLUXO_*
 * try (TransformService service = TransformService.start(environment)) { ... }   // in-process
 * }</pre>
 */
public final class TransformService implements AutoCloseable {
    /** The function name the invocations, log lines and metrics carry. */
    public static final String FUNCTION_NAME = "fluxo-transform";
    /** Exit code of {@link #main} when a variable is missing or invalid. */
    public static final int EXIT_SETTINGS = 2;
    /** Exit code of {@link #main} when the service did not start or its poller stopped on an error. */
    public static final int EXIT_FAILED = 1;

    private static final String NAME = "fluxo-transform-service";

    private final TransformPoller poller;
    private final HealthEndpoint health;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private TransformService(TransformPoller poller, HealthEndpoint health) {
        this.poller = poller;
        this.health = health;
    }

    /**
     * Checks the environment, builds the handler (which opens the catalog), joins the consumer group and starts
     * polling and answering {@code GET /health}.
     *
     * @throws SettingsException     listing every missing or invalid variable, before anything starts
     * @throws ServiceStartException when the consumer or the health endpoint cannot be created
     */
    public static TransformService start(Map<String, String> environment) {
        ServiceSettings settings = ServiceSettings.fromEnvironment(environment);
        var kafka = settings.kafka();
        TransformFunctionSink sink = new TransformFunctionSink(environment, kafka.bootstrapServers(), FUNCTION_NAME);
        TransformPoller poller;
        try {
            poller = new TransformPoller(kafka.consumerProperties(), kafka.topic(), sink, settings.batchSize(),
                    settings.batchWindow());
        } catch (KafkaException e) {
            throw new ServiceStartException("cannot create the Kafka consumer for " + kafka.bootstrapServers()
                    + ": " + causes(e), e);
        }
        HealthEndpoint health;
        try {
            health = HealthEndpoint.start(settings.healthPort(), () -> healthOf(poller));
        } catch (IOException e) {
            closeQuietly(poller);
            throw new ServiceStartException("cannot answer " + HealthEndpoint.PATH + " on port "
                    + settings.healthPort() + " (" + ServiceSettings.HEALTH_PORT + "): " + e.getMessage(), e);
        }
        poller.start();
        log().info("Consuming {} from {} as group {} ({}), batches of {} or {} ms; {} on port {}", kafka.topic(),
                kafka.bootstrapServers(), kafka.groupId(), kafka.consumerProperties().get("security.protocol"),
                settings.batchSize(), settings.batchWindow().toMillis(), HealthEndpoint.PATH, health.port());
        return new TransformService(poller, health);
    }

    /** What {@code GET /health} answers now. */
    public Health health() {
        return healthOf(poller);
    }

    private static Health healthOf(TransformPoller poller) {
        return Health.ofPoller(poller.isPolling(), poller.lastPollMillis(), System.currentTimeMillis());
    }

    /** The port {@code GET /health} answers on. */
    public int healthPort() {
        return health.port();
    }

    /**
     * Waits until the poller stops, by {@link #stop()} or on an error.
     *
     * @return whether it stopped because it was asked to
     */
    public boolean awaitStop() throws InterruptedException {
        while (poller.isPolling()) {
            Thread.sleep(500);
        }
        return stopped.get();
    }

    /**
     * Stops polling (see {@link TransformPoller#close()}: a batch in flight is not committed) and leaves the group;
     * {@code GET /health} answers 503 from then on, until {@link #close()}. Safe to call twice.
     */
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            closeQuietly(poller);
            log().info("Stopped after {} records ({} to silver, {} dead letters)", poller.received(),
                    poller.silver(), poller.deadLettered());
        }
    }

    /** {@link #stop()}, then the health endpoint. */
    @Override
    public void close() {
        stop();
        health.close();
    }

    /** Runs until SIGTERM; exits {@value #EXIT_SETTINGS} on a bad environment, {@value #EXIT_FAILED} on a failure. */
    public static void main(String[] args) throws InterruptedException {
        // log4j's own shutdown hook would stop logging while ours still stops the poller: keep it for the last line
        System.setProperty("log4j2.shutdownHookEnabled", System.getProperty("log4j2.shutdownHookEnabled", "false"));
        int code = run(System.getenv(), System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** {@link #main} without exiting: the exit code, problems as one line each on {@code err}. */
    static int run(Map<String, String> environment, PrintStream err) throws InterruptedException {
        TransformService service;
        try {
            service = start(environment);
        } catch (SettingsException e) {
            e.problems().forEach(p -> err.println(NAME + ": " + p));
            return EXIT_SETTINGS;
        } catch (IllegalArgumentException e) {
            err.println(NAME + ": " + e.getMessage());
            return EXIT_SETTINGS;
        } catch (RuntimeException e) {
            err.println(NAME + ": did not start: " + causes(e));
            return EXIT_FAILED;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(service::close, NAME + "-shutdown"));
        if (service.awaitStop()) {
            return 0;
        }
        err.println(NAME + ": the poller stopped on an error (see the log); exiting");
        service.close();
        return EXIT_FAILED;
    }

    /** A failure's messages down its causes, on one line. */
    static String causes(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !text.toString().contains(c.getMessage())) {
                text.append(": ").append(c.getMessage());
            }
        }
        return text.toString().replace('\n', ' ');
    }

    /** Looked up on use, not at class initialisation: {@link #main} configures logging first. */
    private static Logger log() {
        return LoggerFactory.getLogger(TransformService.class);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            log().warn("Closing {}: {}", resource.getClass().getSimpleName(), e.toString());
        }
    }
}
