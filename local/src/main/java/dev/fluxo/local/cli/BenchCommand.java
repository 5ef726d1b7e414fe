package dev.fluxo.local.cli;

import dev.fluxo.local.LocalException;
import dev.fluxo.local.LocalLakehouse;
import dev.fluxo.local.LocalSettings;
import dev.fluxo.transform.service.poll.TransformPoller;
import dev.fluxo.local.sql.SqlEngine;
import dev.fluxo.schema.NamedQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code local bench}: on a fresh state directory, measures the time from start to the first named query's result,
 * the sustained change rate, and freshness from the PostgreSQL commit to silver and to gold after a warm-up.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures start-to-first-query time, sustained changes/s and freshness p50/p99 on a fresh "
                + "state directory (deleted first).")
public final class BenchCommand implements Callable<Integer> {
    /** Default benchmark rate. */
    public static final String DEFAULT_RATE = "2000/s";
    /** Default measured time after the warm-up. */
    public static final String DEFAULT_DURATION = "60s";
    /** Warm-up after gold's first batch, excluded from the freshness figures. */
    public static final Duration WARM_UP = Duration.ofSeconds(20);

    @Option(names = "--rate", paramLabel = "N/s", description = "Target changes per second (default: 2000/s).")
    String rate = DEFAULT_RATE;

    @Option(names = "--duration", paramLabel = "D", description = "Measured time after the warm-up (default: 60s).")
    String duration = DEFAULT_DURATION;

    @Option(names = "--dir", paramLabel = "DIR", description = "Scratch state directory, deleted first (default: "
            + ".fluxo-bench).")
    Path dir = Path.of(".fluxo-bench");

    @Option(names = "--out", paramLabel = "FILE", description = "Append the results as a Markdown table row.")
    Path out;

    @Override
    public Integer call() throws Exception {
        double perSecond = LocalSettings.parseRate(rate);
        Duration measured = LocalSettings.parseDuration(duration);
        purge(dir);
        ByteArrayOutputStream startup = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        try (LocalLakehouse lakehouse = LocalLakehouse.start(new LocalSettings(dir, perSecond, null,
                LocalSettings.DEFAULT_CUSTOMERS, 0, TransformPoller.DEFAULT_BATCH_SIZE,
                TransformPoller.DEFAULT_BATCH_WINDOW, true), new PrintStream(startup, true, StandardCharsets.UTF_8))) {
            double upSeconds = (System.nanoTime() - t0) / 1e9;
            while (lakehouse.goldBatches() == 0) {
                lakehouse.failIfBroken();
                Thread.sleep(200);
            }
            double goldSeconds = (System.nanoTime() - t0) / 1e9;
            Optional<SqlEngine> engine = lakehouse.engine(Duration.ofSeconds(180));
            String firstQuery = "no SQL engine";
            double firstQuerySeconds = -1;
            if (engine.isPresent()) {
                var result = engine.get().query(NamedQueries.CUSTOMERS_BY_PROFISSAO.sql());
                firstQuerySeconds = (System.nanoTime() - t0) / 1e9;
                firstQuery = result.rows().size() + " rows";
            }
            System.out.printf("up %.1f s, first gold batch %.1f s, first named query result %.1f s (%s, %s)%n",
                    upSeconds, goldSeconds, firstQuerySeconds, firstQuery, lakehouse.engineNote());
            Thread.sleep(WARM_UP.toMillis());
            lakehouse.resetFreshness();
            var before = lakehouse.progress();
            long m0 = System.nanoTime();
            Thread.sleep(measured.toMillis());
            var after = lakehouse.progress();
            double seconds = (System.nanoTime() - m0) / 1e9;
            double produced = (after.produced() - before.produced()) / seconds;
            double silver = (after.silver() - before.silver()) / seconds;
            double merged = (after.merged() - before.merged()) / seconds;
            long lag = lakehouse.transformLag();
            String row = String.format("| %s | %.0f/s | %.0f/s | %.0f/s | %.0f/s | %d | %.1f s | %.1f s | %.1f s "
                            + "| %s / %s | %s / %s |", Instant.now().toString().substring(0, 16), perSecond, produced,
                    silver, merged, lag, upSeconds, goldSeconds, firstQuerySeconds,
                    LocalLakehouse.Progress.seconds(after.silverP50()), LocalLakehouse.Progress.seconds(after.silverP99()),
                    LocalLakehouse.Progress.seconds(after.goldP50()), LocalLakehouse.Progress.seconds(after.goldP99()));
            System.out.println("| when | target | produced | silver | merged into gold | transform lag at end | up "
                    + "| first gold batch | first query result | silver p50 / p99 | gold p50 / p99 |");
            System.out.println(row);
            if (out != null) {
                Files.writeString(out, row + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        }
        return 0;
    }

    private static void purge(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.exists(dir.resolve("ports.properties")) && Files.list(dir).findAny().isPresent()) {
            throw new LocalException(dir.toAbsolutePath() + " is not empty and not a fluxo state directory");
        }
        dev.fluxo.local.RunLock.stopLeftovers(new dev.fluxo.local.LocalLayout(dir));
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
