package dev.fluxo.transform.bench;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import dev.fluxo.transform.MskTransformHandler;
import dev.fluxo.transform.TransformSummary;
import dev.fluxo.transform.testing.LambdaRuntime;

import java.lang.management.ManagementFactory;

/**
 * Cold init of the transform Lambda, run against the shaded jar: JVM start to a constructed
 * {@link MskTransformHandler} (Lambda's init phase, what a SnapStart snapshot covers: settings, masking key, catalog
 * opened, tables loaded), then two invocations of {@code BATCH} generated Debezium events each, which prove the
 * minimised jar still has every class a batch needs. Settings from the environment (see {@link LocalServices}).
 * With a second argument {@code snapshot}, the SnapStart lifecycle runs between the two: {@code beforeCheckpoint}
 * (priming in memory, catalog closed) and {@code afterRestore}, each timed.
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) {
        int batch = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long constructStart = System.currentTimeMillis();
        MskTransformHandler handler = new MskTransformHandler();
        long ready = System.currentTimeMillis();
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("JVM start -> handler ready: %d ms (constructor %d ms)%n", ready - jvmStart,
                ready - constructStart);
        if (args.length > 1 && args[1].equals("snapshot")) {
            long t = System.currentTimeMillis();
            handler.beforeCheckpoint(null);
            long restored = System.currentTimeMillis();
            handler.afterRestore(null);
            System.out.printf("before the snapshot (priming, catalog closed): %d ms; after the restore: %d ms%n",
                    restored - t, System.currentTimeMillis() - restored);
        }
        ChangeStream changes = new ChangeStream(7);
        for (int invocation = 1; invocation <= 2; invocation++) {
            KafkaEvent event = changes.kafkaEvent(batch, (invocation - 1L) * batch);
            long t = System.currentTimeMillis();
            TransformSummary summary = handler.handleRequest(event, LambdaRuntime.context("fluxo-transform"));
            System.out.printf("invocation %d: %s in %d ms%n", invocation, summary, System.currentTimeMillis() - t);
            if (summary.getBronze() != batch || summary.getSilver() != batch) {
                throw new IllegalStateException("expected " + batch + " rows in bronze and silver: " + summary);
            }
        }
    }
}
