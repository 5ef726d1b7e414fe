package dev.fluxo.pipeline.benchmark;

import dev.fluxo.pipeline.TransformPipeline;
import dev.fluxo.pipeline.TransformedBatch;
import dev.fluxo.pipeline.decode.ChangeDecoder;
import dev.fluxo.pipeline.decode.DecoderOptions;
import dev.fluxo.pipeline.decode.SourceRecord;
import dev.fluxo.pipeline.mask.MaskingKey;
import dev.fluxo.pipeline.mask.MaskingPolicy;
import dev.fluxo.pipeline.mask.PiiMasker;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;

/**
 * Decode + validate + mask throughput per core, measured in CPU time of the benchmark thread rather than wall time,
 * so that other processes on a shared machine do not distort it (JMH's {@link TransformBenchmark} measures wall time).
 * Prints changes per CPU-second for each event shape. Run with
 * {@code mvn -B -o -q -pl pipeline -Pbenchmark -Dbenchmark.main=dev.fluxo.pipeline.benchmark.CpuTimeThroughput
 * test-compile exec:exec}.
 */
public final class CpuTimeThroughput {
    private static final int WARMUP_ROUNDS = 30;
    private static final int MEASURED_ROUNDS = 21;
    /** Consumed result counts, so the JIT cannot drop the work. */
    private static long sink;

    private CpuTimeThroughput() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        TransformPipeline pipeline = TransformPipeline.builder()
                .decoder(ChangeDecoder.debezium(DecoderOptions.defaults()))
                .masker(new PiiMasker(MaskingKey.of(new byte[32]), MaskingPolicy.defaults()))
                .build();
        System.out.printf("JDK %s, %s, %d cores%n", System.getProperty("java.version"), System.getProperty("os.arch"),
                Runtime.getRuntime().availableProcessors());
        List<List<SourceRecord>> shapes = List.of(TransformBenchmark.events(true), TransformBenchmark.events(false));
        long silver = 0;
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            for (List<SourceRecord> records : shapes) {
                silver += run(pipeline, records).silver().size();
            }
        }
        for (List<SourceRecord> records : shapes) {
            boolean compact = records == shapes.get(0);
            double meanBytes = records.stream().mapToInt(SourceRecord::size).average().orElseThrow();
            double[] perCpuSecond = new double[MEASURED_ROUNDS];
            double[] perWallSecond = new double[MEASURED_ROUNDS];
            for (int i = 0; i < MEASURED_ROUNDS; i++) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long wall0 = System.nanoTime();
                silver += run(pipeline, records).silver().size();
                long cpu = threads.getCurrentThreadCpuTime() - cpu0;
                long wall = System.nanoTime() - wall0;
                perCpuSecond[i] = records.size() * 1e9 / cpu;
                perWallSecond[i] = records.size() * 1e9 / wall;
            }
            Arrays.sort(perCpuSecond);
            Arrays.sort(perWallSecond);
            System.out.printf("%-7s events: %d x %.0f B | decode+validate+mask: median %,.0f changes per CPU-second "
                            + "(min %,.0f, max %,.0f); wall-clock median %,.0f/s | %.1f MB/CPU-s%n",
                    compact ? "compact" : "full", records.size(), meanBytes, perCpuSecond[MEASURED_ROUNDS / 2],
                    perCpuSecond[0], perCpuSecond[MEASURED_ROUNDS - 1], perWallSecond[MEASURED_ROUNDS / 2],
                    perCpuSecond[MEASURED_ROUNDS / 2] * meanBytes / 1e6);
        }
        sink += silver;
    }

    private static TransformedBatch run(TransformPipeline pipeline, List<SourceRecord> records) {
        return pipeline.transform(records);
    }
}
