package dev.fluxo.transform;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.fluxo.pipeline.decode.EnvelopeFormat;
import dev.fluxo.transform.config.TransformSettings;
import org.crac.Core;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.crac.Resource;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.lambda.powertools.metrics.Metrics;

import java.util.Map;

/**
 * What the transform handlers share: built at init from the environment ({@link TransformSettings}), with the catalog
 * open and the tables loaded, so a SnapStart snapshot holds a warm function; registered for CRaC so that before a
 * snapshot the per-record path is primed ({@link TransformFunction#prime}: compiled code goes into the snapshot) and
 * the catalog's connections are closed, to be reopened by the first batch after a restore.
 *
 * @param <I> the event type
 * @param <O> the response type
 */
abstract class TransformLambda<I, O> implements RequestHandler<I, O>, Resource {
    private static final Logger LOG = LoggerFactory.getLogger(TransformLambda.class);

    /** The pipeline of this Lambda instance. */
    final TransformFunction function;

    TransformLambda(Map<String, String> env, SecretsManagerClient secrets, Metrics metrics,
                    EnvelopeFormat defaultFormat) {
        this.function = TransformFunction.create(env, secrets, metrics, defaultFormat);
        Core.getGlobalContext().register(this);
    }

    /** Whether the catalog is open (it must not be while a snapshot is taken). */
    boolean isCatalogOpen() {
        return function.isOpen();
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        try {
            function.prime();
        } catch (RuntimeException e) {
            // a snapshot without compiled code is still a working one
            LOG.warn("Priming before the snapshot failed, the restored function compiles as it runs: {}", e.toString());
        }
        function.close();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // nothing to refresh: the next batch reopens the catalog with fresh connections
    }
}
