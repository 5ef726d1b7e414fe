package dev.fluxo.local.cli;

import dev.fluxo.local.LocalLakehouse;
import dev.fluxo.local.LocalLayout;
import dev.fluxo.local.LocalSettings;
import dev.fluxo.transform.service.poll.TransformPoller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@code local up}: starts the pipeline, shows its progress, and at the end the named queries' results. */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = "Starts the whole pipeline on this machine and shows its progress; Ctrl-C stops it cleanly.")
public final class UpCommand implements Callable<Integer> {
    /** How long the end of a run waits for the last changes to reach gold. */
    public static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(90);
    /** How often the progress line is redrawn on a terminal. */
    static final Duration TTY_REFRESH = Duration.ofSeconds(1);
    /** How often a progress line is printed when the output is not a terminal. */
    static final Duration PLAIN_REFRESH = Duration.ofSeconds(5);

    @Option(names = "--rate", paramLabel = "N/s", description = "Changes per second the producer aims at, e.g. 2000/s "
            + "(default: 200/s).")
    String rate;

    @Option(names = "--duration", paramLabel = "D", description = "Produce for this long (90s, 5m), then drain, run "
            + "the named queries and stop (default: until Ctrl-C).")
    String duration;

    @Option(names = "--customers", paramLabel = "N", description = "Customers in the table before the changes start "
            + "(default: 1000).")
    long customers = LocalSettings.DEFAULT_CUSTOMERS;

    @Option(names = "--changes", paramLabel = "N", description = "Stop producing after N changes, then drain, query "
            + "and stop (default: no limit).")
    long changes = LocalSettings.DEFAULT_CHANGES;

    @Option(names = "--dir", paramLabel = "DIR", description = "State directory (default: .fluxo in the working "
            + "directory).")
    Path dir = Path.of(LocalLayout.DEFAULT_DIR);

    @Option(names = "--batch-size", paramLabel = "N", description = "Records per transform invocation at most "
            + "(default: 2000).")
    int batchSize = TransformPoller.DEFAULT_BATCH_SIZE;

    @Option(names = "--batch-window", paramLabel = "D", description = "How long a transform batch gathers records "
            + "(default: 500ms).")
    String batchWindow;

    @Option(names = "--no-sql", description = "Do not start the SQL engine nor run the named queries.")
    boolean noSql;

    @Override
    public Integer call() throws Exception {
        LocalSettings settings = settings();
        return new UpRun(settings, System.out).run();
    }

    LocalSettings settings() {
        return new LocalSettings(dir, rate == null ? LocalSettings.DEFAULT_RATE : LocalSettings.parseRate(rate),
                duration == null ? null : LocalSettings.parseDuration(duration), customers, changes, batchSize,
                batchWindow == null ? TransformPoller.DEFAULT_BATCH_WINDOW : LocalSettings.parseDuration(batchWindow),
                !noSql);
    }

    /** One run of {@code up}: start, follow, finish (on time, on its change limit, or on Ctrl-C). */
    static final class UpRun {
        private final LocalSettings settings;
        private final PrintStream out;
        private final boolean tty = System.console() != null;
        private volatile boolean stopRequested;
        private final CountDownLatch finished = new CountDownLatch(1);

        UpRun(LocalSettings settings, PrintStream out) {
            this.settings = settings;
            this.out = out;
        }

        int run() throws Exception {
            Thread hook = new Thread(() -> {
                stopRequested = true;
                try {
                    finished.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "fluxo-local-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            LocalLakehouse lakehouse = null;
            try {
                long t0 = System.nanoTime();
                lakehouse = LocalLakehouse.start(settings, out);
                out.printf("fluxo local: pipeline up in %.1f s (Ctrl-C stops it cleanly; logs in %s)%n",
                        (System.nanoTime() - t0) / 1e9, settings.layout().logs());
                follow(lakehouse);
                out.println();
                if (!stopRequested) {
                    lakehouse.stopProducing();
                    out.println("fluxo local: producer stopped; waiting for the last changes to reach gold ...");
                    boolean quiet = lakehouse.awaitQuiet(DRAIN_TIMEOUT);
                    out.println(quiet ? "fluxo local: drained" : "fluxo local: not drained within "
                            + DRAIN_TIMEOUT.toSeconds() + " s");
                } else {
                    out.println("fluxo local: stopping (Ctrl-C or `fluxo local down`)");
                    lakehouse.stopProducing();
                }
                Summary.print(lakehouse, out, stopRequested ? Duration.ofSeconds(5) : Duration.ofSeconds(120));
                return 0;
            } finally {
                if (lakehouse != null) {
                    long t0 = System.nanoTime();
                    lakehouse.close();
                    out.printf("fluxo local: stopped in %.1f s; state kept in %s%n", (System.nanoTime() - t0) / 1e9,
                            settings.layout().root());
                }
                finished.countDown();
                if (!stopRequested) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException e) {
                        // already shutting down
                    }
                }
            }
        }

        private void follow(LocalLakehouse lakehouse) throws InterruptedException {
            long end = settings.duration() == null ? Long.MAX_VALUE
                    : System.nanoTime() + settings.duration().toNanos();
            long lastPlain = 0;
            while (!stopRequested && System.nanoTime() < end
                    && !(settings.changes() > 0 && lakehouse.producerDone())) {
                lakehouse.failIfBroken();
                String line = lakehouse.progress().line();
                if (tty) {
                    out.print("\r" + line + "\033[K");
                    out.flush();
                } else if (System.nanoTime() - lastPlain >= PLAIN_REFRESH.toNanos()) {
                    out.println(line);
                    lastPlain = System.nanoTime();
                }
                Thread.sleep(TTY_REFRESH.toMillis());
            }
            if (!tty) {
                out.println(lakehouse.progress().line());
            }
        }
    }
}
