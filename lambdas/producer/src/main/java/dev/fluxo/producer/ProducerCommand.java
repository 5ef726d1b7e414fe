package dev.fluxo.producer;

import dev.fluxo.producer.change.ChangeMix;
import dev.fluxo.producer.customer.CustomerGenerator;
import dev.fluxo.producer.db.BootstrapResult;
import dev.fluxo.producer.db.ConnectionSettings;
import dev.fluxo.producer.db.CustomerWriter;
import dev.fluxo.producer.db.SchemaBootstrap;
import dev.fluxo.producer.run.BatchProducer;
import dev.fluxo.producer.run.Pace;
import dev.fluxo.producer.run.ProducerLoop;
import dev.fluxo.producer.run.ProducerTotals;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The producer on the command line, in the spirit of the Python Faker script it replaces: writes batches of
 * customer changes into PostgreSQL, one progress line per batch, until {@code --batches} is reached or Ctrl-C.
 * The password comes only from {@code PGPASSWORD}, never from an option.
 */
@Command(name = ProducerCommand.NAME, sortOptions = false, usageHelpAutoWidth = true,
        description = "Writes synthetic Brazilian customers (inserts, updates and deletes) into public.customers.",
        footer = {"", "Connection: --jdbc-url and --user, or the libpq variables PGHOST (default localhost), PGPORT "
                + "(5432), PGDATABASE (the user name), PGUSER (the OS user), PGSSLMODE (prefer).",
            "The password is read from PGPASSWORD only."})
public final class ProducerCommand implements Callable<Integer> {
    static final String NAME = "fluxo-producer";
    public static final int DEFAULT_ROWS = 100;
    public static final double DEFAULT_INTERVAL_SECONDS = 1.0;
    public static final long DEFAULT_BATCHES = ProducerLoop.FOREVER;
    /** libpq's default {@code sslmode} when PGSSLMODE is not set. */
    public static final String DEFAULT_PG_SSL_MODE = "prefer";
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_FAILURE = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-n", "--rows"}, paramLabel = "N", defaultValue = "" + DEFAULT_ROWS,
            description = "Rows changed per batch (default: ${DEFAULT-VALUE}).")
    private int rows;

    @Option(names = "--interval", paramLabel = "SECONDS",
            description = "Pause between batches in seconds (default: " + DEFAULT_INTERVAL_SECONDS + ").")
    private Double interval;

    @Option(names = "--rate", paramLabel = "ROWS_PER_SECOND",
            description = "Target rows per second instead of a fixed --interval.")
    private Double rate;

    @Option(names = "--batches", paramLabel = "N", defaultValue = "" + DEFAULT_BATCHES,
            description = "Batches to write, 0 = until stopped (default: ${DEFAULT-VALUE}).")
    private long batches;

    @Option(names = "--mix", paramLabel = "I/U/D", defaultValue = ChangeMix.DEFAULT_TEXT, converter = MixConverter.class,
            description = "Percent of inserts/updates/deletes (default: ${DEFAULT-VALUE}).")
    private ChangeMix mix;

    @Option(names = "--seed", paramLabel = "LONG", description = "Seed for reproducible customers (default: random).")
    private Long seed;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "jdbc:postgresql://host:port/database (default: built from the PG* variables).")
    private String jdbcUrl;

    @Option(names = "--user", paramLabel = "NAME", description = "Database user (default: PGUSER).")
    private String user;

    @Option(names = "--create-schema",
            description = "Create the table and the publication if they are missing (default: false).")
    private boolean createSchema;

    @Option(names = "--publication", paramLabel = "NAME", defaultValue = SchemaBootstrap.DEFAULT_PUBLICATION,
            description = "Publication made by --create-schema (default: ${DEFAULT-VALUE}).")
    private String publication;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    private final Map<String, String> env;

    ProducerCommand(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command with {@code env} as its environment; returns the exit code (0, 1 failure, 2 usage). */
    public static int execute(String[] args, Map<String, String> env, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new ProducerCommand(env));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println(NAME + ": " + e.getMessage());
            err.println("Try '" + NAME + " --help' for more information.");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((e, c, r) -> {
            err.println(NAME + ": " + oneLine(e));
            return EXIT_FAILURE;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws SQLException {
        Pace pace = pace();
        if (rows <= 0) {
            throw usage("--rows must be > 0, was " + rows);
        }
        if (batches < 0) {
            throw usage("--batches must be >= 0 (0 = until stopped), was " + batches);
        }
        SchemaBootstrap bootstrap;
        try {
            bootstrap = new SchemaBootstrap(publication);
        } catch (IllegalArgumentException e) {
            throw usage("--publication: " + e.getMessage());
        }
        ConnectionSettings settings = connectionSettings();
        PrintWriter out = spec.commandLine().getOut();
        if (createSchema) {
            try (Connection c = open(settings)) {
                BootstrapResult result = bootstrap.ensure(c);
                out.println(result.changedAnything() ? "schema: " + describe(result) : "schema: already in place");
            }
        }
        long seedValue = seed != null ? seed : new SecureRandom().nextLong();
        CustomerGenerator generator = seed != null ? CustomerGenerator.seeded(seed) : CustomerGenerator.unseeded();
        BatchProducer producer = new BatchProducer(generator, mix, new CustomerWriter(), seedValue);
        ProducerLoop loop = new ProducerLoop(() -> open(settings), producer, rows, batches, pace);

        CountDownLatch finished = new CountDownLatch(1);
        Thread stopOnSignal = new Thread(() -> {
            loop.stop();
            awaitQuietly(finished);
        }, NAME + "-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        try {
            ProducerTotals totals = loop.run((n, batch, took, sum) -> out.printf(Locale.ROOT,
                    "batch %d: %d inserted, %d updated, %d deleted in %d ms (total %d rows)%n", n,
                    batch.insertedIds().size(), batch.updatedIds().size(), batch.deletedIds().size(), took.toMillis(),
                    sum.rows()));
            out.printf(Locale.ROOT, "done: %d batches, %d rows (%d inserted, %d updated, %d deleted) in %.1f s, %.0f rows/s%n",
                    totals.batches(), totals.rows(), totals.inserted(), totals.updated(), totals.deleted(),
                    totals.elapsed().toMillis() / 1000.0, totals.rowsPerSecond());
            return 0;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it waits for `finished`, released above
            }
        }
    }

    private Pace pace() {
        if (rate != null && interval != null) {
            throw usage("give either --interval or --rate, not both");
        }
        if (rate != null) {
            if (!(rate > 0) || rate.isInfinite()) {
                throw usage("--rate must be > 0 rows per second, was " + rate);
            }
            return Pace.rowsPerSecond(rate);
        }
        double seconds = interval == null ? DEFAULT_INTERVAL_SECONDS : interval;
        if (!(seconds >= 0) || Double.isInfinite(seconds)) {
            throw usage("--interval must be >= 0 seconds, was " + seconds);
        }
        return Pace.interval(Duration.ofNanos((long) (seconds * 1e9)));
    }

    private ConnectionSettings connectionSettings() {
        String pgUser = env.get("PGUSER");
        String userName = user != null ? user : pgUser != null ? pgUser : System.getProperty("user.name");
        String password = env.get("PGPASSWORD");
        try {
            if (jdbcUrl != null) {
                return new ConnectionSettings(jdbcUrl, userName, password);
            }
            String port = env.getOrDefault("PGPORT", "5432");
            if (!port.matches("\\d{1,5}")) {
                throw usage("PGPORT must be a port number, was '" + port + "'");
            }
            return ConnectionSettings.forHost(env.getOrDefault("PGHOST", "localhost"), Integer.parseInt(port),
                    env.getOrDefault("PGDATABASE", userName), env.getOrDefault("PGSSLMODE", DEFAULT_PG_SSL_MODE),
                    userName, password);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private static Connection open(ConnectionSettings settings) throws SQLException {
        try {
            return settings.open();
        } catch (SQLException e) {
            throw new SQLException("cannot connect to " + settings.redactedUrl() + " as " + settings.user() + ": "
                    + e.getMessage(), e.getSQLState(), e);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private static String describe(BootstrapResult r) {
        List<String> done = new ArrayList<>();
        if (r.createdTable()) {
            done.add("created table");
        }
        if (r.setReplicaIdentity()) {
            done.add("set replica identity full");
        }
        if (r.createdPublication()) {
            done.add("created publication");
        }
        if (r.addedToPublication()) {
            done.add("added table to publication");
        }
        return String.join(", ", done);
    }

    /** The message of {@code e} (and of its causes if it has none) on one line. */
    static String oneLine(Throwable e) {
        Throwable t = e;
        while (t.getMessage() == null && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Parses {@code --mix}, turning a bad value into a usage error that shows the expected form. */
    static final class MixConverter implements CommandLine.ITypeConverter<ChangeMix> {
        @Override
        public ChangeMix convert(String value) {
            try {
                return ChangeMix.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
