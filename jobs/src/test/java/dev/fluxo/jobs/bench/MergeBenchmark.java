package dev.fluxo.jobs.bench;

import dev.fluxo.jobs.config.JobConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import dev.fluxo.jobs.config.TriggerSpec;
import dev.fluxo.jobs.metrics.BatchMetrics;
import dev.fluxo.jobs.stream.GoldStream;
import dev.fluxo.jobs.support.Change;
import dev.fluxo.jobs.support.ExpectedGold;
import dev.fluxo.jobs.support.TestLakehouse;
import org.apache.spark.sql.streaming.StreamingQuery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Not a test: measures merge throughput (changes/s into gold on local[2]) and micro-batch latency at a 1 s trigger
 * (commit_time to visible in gold). Run: {@code mvn -B -q -pl jobs -Pbench test-compile exec:exec}; optional
 * {@code -Dbench.args="<changes> <ids> <latency-seconds>"} (default 200000 50000 60).
 */
public final class MergeBenchmark {
    private static final String[] PROFISSOES = {"Engenheira", "Medico", "Professor", "Advogado", "Analista"};

    private MergeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int ids = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int latencySeconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Random random = new Random(7);
        long[] position = {0};

        // PostgreSQL JDBC catalog, as in the local target: the latency phase commits concurrently to silver and gold
        EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
        String catalogUrl = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
        TestLakehouse lake = new TestLakehouse("bench", catalogUrl).withSilver();
        int snapshots = 20;
        List<Change> all = new ArrayList<>(total);
        for (int s = 0; s < snapshots; s++) {
            List<Change> chunk = generate(random, total / snapshots, ids, position, Optional.empty());
            all.addAll(chunk);
            lake.append(chunk);
        }
        System.out.printf("silver: %d changes in %d snapshots over %d ids (70/25/5 c/u/d)%n", total, snapshots, ids);

        List<BatchMetrics> batches = new CopyOnWriteArrayList<>();
        JobConfig run = lake.config(TriggerSpec.AVAILABLE_NOW, JobConfig.DEFAULT_MAX_FILES_PER_BATCH);
        long t0 = System.nanoTime();
        GoldStream.start(lake.spark(), run, batches::add).awaitTermination();
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("throughput, one available-now batch: %d changes in %.1f s = %.0f changes/s; %s%n",
                total, seconds, total / seconds, summary(batches));
        check(lake, all);

        TestLakehouse lake2 = new TestLakehouse("bench2", catalogUrl).withSilver();
        List<Change> all2 = new ArrayList<>(total);
        Random random2 = new Random(7);
        long[] position2 = {0};
        for (int s = 0; s < snapshots; s++) {
            List<Change> chunk = generate(random2, total / snapshots, ids, position2, Optional.empty());
            all2.addAll(chunk);
            lake2.append(chunk);
        }
        List<BatchMetrics> batches2 = new CopyOnWriteArrayList<>();
        t0 = System.nanoTime();
        StreamingQuery q2 = GoldStream.start(lake2.spark(), lake2.config("processing-time:100ms", 1), batches2::add);
        q2.processAllAvailable();
        seconds = (System.nanoTime() - t0) / 1e9;
        q2.stop();
        System.out.printf("throughput, %d micro-batches of %d: %d changes in %.1f s = %.0f changes/s; %s%n",
                batches2.size(), total / snapshots, total, seconds, total / seconds, summary(batches2));
        check(lake2, all2);

        // Latency: gold holds ~50k customers; every second a chunk of changes committed "now" is appended to silver.
        List<BatchMetrics> live = new CopyOnWriteArrayList<>();
        JobConfig liveConfig = new JobConfig(lake.catalog, lake.dir.resolve("checkpoint-live").toString(),
                TriggerSpec.parse(TriggerSpec.DEFAULT), Optional.of(Instant.now()),
                JobConfig.DEFAULT_MAX_FILES_PER_BATCH, Optional.empty());
        StreamingQuery q = GoldStream.start(lake.spark(), liveConfig, live::add);
        int perChunk = 500;
        List<Instant> committed = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < latencySeconds; i++) {
            Instant now = Instant.now();
            List<Change> chunk = generate(random, perChunk, ids, position, Optional.of(now));
            all.addAll(chunk);
            lake.append(chunk);
            committed.add(now);
            long next = start + (i + 1) * 1_000_000_000L;
            long sleep = (next - System.nanoTime()) / 1_000_000;
            if (sleep > 0) {
                Thread.sleep(sleep);
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && (live.isEmpty()
                || live.get(live.size() - 1).newestApplied().orElseThrow().isBefore(committed.get(committed.size() - 1)))) {
            Thread.sleep(100);
        }
        q.stop();
        List<Long> latencies = new ArrayList<>();
        for (Instant c : committed) {
            live.stream().filter(b -> b.newestApplied().isPresent() && !b.newestApplied().get().isBefore(c))
                    .findFirst().ifPresent(b -> latencies.add(Duration.between(c, b.finishedAt()).toMillis()));
        }
        latencies.sort(Long::compare);
        System.out.printf("latency at processing-time:1s, %d changes/s for %d s: %d chunks, %d batches, "
                        + "p50 %d ms, p99 %d ms, max %d ms; batch duration p50 %d ms%n",
                perChunk, latencySeconds, latencies.size(), live.size(), percentile(latencies, 50),
                percentile(latencies, 99), latencies.get(latencies.size() - 1),
                percentile(live.stream().map(b -> b.duration().toMillis()).sorted().toList(), 50));
        check(lake, all);
        lake.spark().stop();
        pg.close();
    }

    private static List<Change> generate(Random random, int n, int ids, long[] position, Optional<Instant> at) {
        List<Change> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(100);
            String op = kind < 70 ? "c" : kind < 95 ? "u" : "d";
            Change c = Change.of(1 + random.nextInt(ids), op, ++position[0],
                    PROFISSOES[random.nextInt(PROFISSOES.length)], random.nextBoolean() ? "F" : "M");
            out.add(at.map(c::committedAt).orElse(c));
        }
        return out;
    }

    private static String summary(List<BatchMetrics> batches) {
        return String.format("batches=%d inserted=%d updated=%d deleted=%d stale=%d", batches.size(),
                batches.stream().mapToLong(BatchMetrics::inserted).sum(),
                batches.stream().mapToLong(BatchMetrics::updated).sum(),
                batches.stream().mapToLong(BatchMetrics::deleted).sum(),
                batches.stream().mapToLong(BatchMetrics::skippedStale).sum());
    }

    private static void check(TestLakehouse lake, List<Change> all) {
        boolean equal = lake.goldRows().equals(ExpectedGold.rows(all))
                && lake.aggregateRows().equals(ExpectedGold.aggregate(all));
        System.out.println("gold equals the oracle: " + equal);
        if (!equal) {
            throw new IllegalStateException("gold differs from the expected state");
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
