package dev.fluxo.pipeline.benchmark;

import dev.fluxo.pipeline.TransformPipeline;
import dev.fluxo.pipeline.TransformedBatch;
import dev.fluxo.pipeline.decode.ChangeDecoder;
import dev.fluxo.pipeline.decode.DecoderOptions;
import dev.fluxo.pipeline.decode.SourceRecord;
import dev.fluxo.pipeline.mask.MaskingKey;
import dev.fluxo.pipeline.mask.MaskingPolicy;
import dev.fluxo.pipeline.mask.PiiMasker;
import dev.fluxo.pipeline.write.LakehouseWriter;
import org.apache.iceberg.inmemory.InMemoryCatalog;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Map;

/**
 * Where a batch's CPU goes inside the pipeline, without Kafka, S3 or a catalog server: decode + validate + mask, then
 * the bronze and the silver write (Parquet encoding and one commit each), on Iceberg's in-memory catalog and files.
 * Thread CPU per change for each step and the JIT compilation time of each phase, which shows how long the per-batch
 * code (commits, manifests, file setup) keeps the compiler busy. Run with
 * {@code mvn -B -o -q -pl pipeline -Pbenchmark -Dbenchmark.main=dev.fluxo.pipeline.benchmark.WriteCost test-compile
 * exec:exec} (batches of 10,000 changes; 30 warm-up batches, then phases of 60).
 */
public final class WriteCost {
    public static void main(String[] args) {
        int rounds = 60;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        InMemoryCatalog catalog = new InMemoryCatalog();
        catalog.initialize("mem", Map.of());
        LakehouseWriter writer = new LakehouseWriter(catalog);
        TransformPipeline pipeline = TransformPipeline.builder()
                .decoder(ChangeDecoder.debezium(DecoderOptions.defaults()))
                .masker(new PiiMasker(MaskingKey.of(new byte[32]), MaskingPolicy.defaults()))
                .build();
        List<SourceRecord> records = TransformBenchmark.events(false);
        writer.ensureTables();
        var jit = ManagementFactory.getCompilationMXBean();
        var classes = ManagementFactory.getClassLoadingMXBean();
        for (int phase = 0; phase < 6; phase++) {
            long jit0 = jit.getTotalCompilationTime();
            long loaded0 = classes.getTotalLoadedClassCount();
            long t = 0, b = 0, s = 0;
            int n = phase == 0 ? rounds / 2 : rounds;
            // bronze and silver in separate calls, so each is timed alone (the pipeline writes both in one call)
            for (int i = 0; i < n; i++) {
                long c0 = threads.getCurrentThreadCpuTime();
                TransformedBatch batch = pipeline.transform(records);
                long c1 = threads.getCurrentThreadCpuTime();
                writer.write(batch.bronze(), List.of(), List.of(), batch.receivedAt());
                long c2 = threads.getCurrentThreadCpuTime();
                writer.write(List.of(), batch.silver(), List.of(), batch.receivedAt());
                long c3 = threads.getCurrentThreadCpuTime();
                t += c1 - c0;
                b += c2 - c1;
                s += c3 - c2;
            }
            double per = n * (double) records.size();
            System.out.printf("%s: transform %.2f us, bronze %.2f us, silver %.2f us per change (%d x %d); JIT %d ms, "
                            + "%d classes loaded%n", phase == 0 ? "warm-up" : "measured", t / per / 1e3, b / per / 1e3,
                    s / per / 1e3, n, records.size(), jit.getTotalCompilationTime() - jit0,
                    classes.getTotalLoadedClassCount() - loaded0);
        }
    }
}
