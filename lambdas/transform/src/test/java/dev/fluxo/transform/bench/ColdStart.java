package dev.fluxo.transform.bench;

import com.amazonaws.services.lambda.runtime.events.KafkaEvent;
import com.amazonaws.services.lambda.runtime.events.KafkaEvent.KafkaEventRecord;
import dev.fluxo.transform.MskTransformHandler;
import dev.fluxo.transform.TransformSummary;
import dev.fluxo.transform.testing.LambdaRuntime;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Cold init of the transform Lambda, run against the shaded jar: JVM start to a constructed
 * {@link MskTransformHandler} (Lambda's init phase, what a SnapStart snapshot covers: settings, masking key, catalog
 * opened, tables loaded), then two invocations of {@code BATCH} generated Debezium events each, which prove the
 * minimised jar still has every class a batch needs. Settings from the environment (see {@link LocalServices}).
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
        ChangeStream changes = new ChangeStream(7);
        for (int invocation = 1; invocation <= 2; invocation++) {
            List<KafkaEventRecord> records = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                ChangeStream.Event e = changes.next();
                long offset = (invocation - 1L) * batch + i;
                records.add(KafkaEventRecord.builder().withTopic("fluxo.public.customers").withPartition(0)
                        .withOffset(offset).withTimestamp(1_795_392_000_000L + offset).withTimestampType("CREATE_TIME")
                        .withKey(Base64.getEncoder().encodeToString(e.key()))
                        .withValue(Base64.getEncoder().encodeToString(e.value())).withHeaders(List.of()).build());
            }
            KafkaEvent event = KafkaEvent.builder().withEventSource("aws:kafka").withEventSourceArn("local")
                    .withBootstrapServers("127.0.0.1:9092").withRecords(Map.of("fluxo.public.customers-0", records))
                    .build();
            long t = System.currentTimeMillis();
            TransformSummary summary = handler.handleRequest(event, LambdaRuntime.context("fluxo-transform"));
            System.out.printf("invocation %d: %s in %d ms%n", invocation, summary, System.currentTimeMillis() - t);
            if (summary.getBronze() != batch || summary.getSilver() != batch) {
                throw new IllegalStateException("expected " + batch + " rows in bronze and silver: " + summary);
            }
        }
    }
}
