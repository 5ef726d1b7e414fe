package dev.fluxo.producer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.fluxo.producer.aws.DatabaseCredentials;
import dev.fluxo.producer.aws.DatabaseSecret;
import dev.fluxo.producer.aws.HandlerSettings;
import dev.fluxo.producer.change.ProducedBatch;
import dev.fluxo.producer.customer.CustomerGenerator;
import dev.fluxo.producer.db.BootstrapResult;
import dev.fluxo.producer.db.ConnectionSettings;
import dev.fluxo.producer.db.CustomerWriter;
import dev.fluxo.producer.db.SchemaBootstrap;
import dev.fluxo.producer.run.BatchProducer;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;
import software.amazon.lambda.powertools.metrics.Metrics;
import software.amazon.lambda.powertools.metrics.MetricsFactory;
import software.amazon.lambda.powertools.metrics.model.MetricUnit;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * The producer Lambda, invoked by an EventBridge schedule: each invocation writes one batch of customer changes
 * ({@link HandlerSettings#batchSize()} rows, split by the change mix) and returns its counts.
 *
 * <p>Configuration comes from the environment ({@link HandlerSettings}); the password from the Secrets Manager
 * secret, fetched whenever a connection is opened. SnapStart: the Secrets Manager client and the generator (whose
 * datafaker dictionaries take most of the init time) are built in the constructor; no database connection exists
 * in a snapshot ({@link #beforeCheckpoint} closes it) and after a restore the generator is reseeded so copies of
 * the snapshot do not produce the same customers. Logs and metrics use Powertools' functional API.
 *
 * <p>Handler: {@code dev.fluxo.producer.ProducerHandler::handleRequest}.
 */
public class ProducerHandler implements RequestHandler<ScheduledEvent, BatchSummary>, Resource {
    /** Metric namespace when {@code POWERTOOLS_METRICS_NAMESPACE} is not set. */
    public static final String DEFAULT_METRICS_NAMESPACE = "Fluxo";
    public static final String METRIC_INSERTED = "CustomersInserted";
    public static final String METRIC_UPDATED = "CustomersUpdated";
    public static final String METRIC_DELETED = "CustomersDeleted";

    private static final Logger LOG = LoggerFactory.getLogger(ProducerHandler.class);

    private final HandlerSettings settings;
    private final DatabaseSecret secret;
    private final Metrics metrics;
    private final BatchProducer producer;
    private final SchemaBootstrap bootstrap;
    private Connection connection;
    private boolean schemaReady;

    /** The Lambda runtime's constructor: settings from the process environment, real AWS clients. */
    public ProducerHandler() {
        this(System.getenv(), secretsClient(System.getenv()), MetricsFactory.getMetricsInstance());
    }

    /**
     * @param env     the environment to read {@link HandlerSettings} from
     * @param secrets the Secrets Manager client
     * @param metrics where the per-batch counts go
     */
    public ProducerHandler(Map<String, String> env, SecretsManagerClient secrets, Metrics metrics) {
        this.settings = HandlerSettings.fromEnvironment(env);
        this.secret = new DatabaseSecret(secrets, settings.secretArn());
        this.metrics = metrics;
        if (env.get("POWERTOOLS_METRICS_NAMESPACE") == null) {
            metrics.setNamespace(DEFAULT_METRICS_NAMESPACE);
        }
        CustomerGenerator generator = CustomerGenerator.unseeded();
        generator.next(); // loads the pt-BR dictionaries now, so they are part of the snapshot
        this.producer = new BatchProducer(generator, settings.mix(), new CustomerWriter(), new SecureRandom().nextLong());
        this.bootstrap = new SchemaBootstrap(settings.publication());
        Core.getGlobalContext().register(this);
    }

    @Override
    public BatchSummary handleRequest(ScheduledEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> {
            metrics.captureColdStartMetric(context);
            ProducedBatch batch = produceBatch();
            metrics.addMetric(METRIC_INSERTED, batch.insertedIds().size(), MetricUnit.COUNT);
            metrics.addMetric(METRIC_UPDATED, batch.updatedIds().size(), MetricUnit.COUNT);
            metrics.addMetric(METRIC_DELETED, batch.deletedIds().size(), MetricUnit.COUNT);
            metrics.flush();
            BatchSummary summary = BatchSummary.of(batch);
            LOG.info("Produced batch: inserted={} updated={} deleted={} dtUpdate={}", summary.getInserted(),
                    summary.getUpdated(), summary.getDeleted(), summary.getDtUpdate());
            return summary;
        });
    }

    /** The settings this handler runs with. */
    public HandlerSettings settings() {
        return settings;
    }

    private synchronized ProducedBatch produceBatch() {
        try {
            Connection c = connection();
            if (settings.createSchema() && !schemaReady) {
                BootstrapResult result = bootstrap.ensure(c);
                schemaReady = true;
                if (result.changedAnything()) {
                    LOG.info("Schema bootstrap: {}", result);
                }
            }
            return producer.produce(c, settings.batchSize());
        } catch (SQLException e) {
            closeConnection();
            throw new ProducerException("producing a batch on " + settings.host() + ":" + settings.port() + "/"
                    + settings.database() + " failed: " + e.getMessage(), e);
        }
    }

    /** The open connection, or a new one with credentials fetched now. */
    private Connection connection() throws SQLException {
        if (connection != null && connection.isValid(ConnectionSettings.CONNECT_TIMEOUT_SECONDS)) {
            return connection;
        }
        closeConnection();
        DatabaseCredentials credentials = secret.read();
        connection = ConnectionSettings.forHost(settings.host(), settings.port(), settings.database(),
                settings.sslMode(), credentials.username(), credentials.password()).open();
        LOG.info("Connected to {}:{}/{} as {}", settings.host(), settings.port(), settings.database(),
                credentials.username());
        return connection;
    }

    private synchronized void closeConnection() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the database connection failed: {}", e.getMessage());
        }
        connection = null;
    }

    /** Whether a database connection is open (it must not be while a snapshot is taken). */
    synchronized boolean hasOpenConnection() {
        return connection != null;
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        closeConnection();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        producer.reseed(new SecureRandom().nextLong());
    }

    private static SecretsManagerClient secretsClient(Map<String, String> env) {
        var builder = SecretsManagerClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder());
        String region = env.get("AWS_REGION");
        if (region != null) {
            builder.region(Region.of(region));
        }
        return builder.build();
    }
}
