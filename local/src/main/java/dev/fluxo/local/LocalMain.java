package dev.fluxo.local;

import dev.fluxo.local.cli.BenchCommand;
import dev.fluxo.local.cli.DownCommand;
import dev.fluxo.local.cli.QueryCommand;
import dev.fluxo.local.cli.UpCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code fluxo local}: the whole pipeline on this machine, with nothing but a JDK. Runs in its own JVM (the
 * {@code ./fluxo} script starts it with {@code target/fluxo-local.jar} and {@code target/classpath.txt}).
 */
@Command(name = "local", mixinStandardHelpOptions = true,
        description = "Runs the streaming lakehouse on this machine: PostgreSQL, Debezium, Kafka, the transform, "
                + "s3proxy + Iceberg, the Spark job and Trino.",
        subcommands = {UpCommand.class, DownCommand.class, QueryCommand.class, BenchCommand.class})
public final class LocalMain implements Runnable {
    /** Log4j configuration of this JVM: everything to {@code DIR/logs/fluxo-local.log}, nothing on the console. */
    public static final String LOG_CONFIG = "fluxo-local-log4j2.xml";
    /** System property naming the log file. */
    public static final String LOG_FILE_PROPERTY = "fluxo.log.file";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code. */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line with errors on {@code err}; returns the exit code. */
    static int run(java.io.PrintWriter err, String... args) {
        System.setProperty("log4j2.configurationFile", LOG_CONFIG);
        logTo(new LocalLayout(stateDir(args)));
        CommandLine cli = new CommandLine(new LocalMain()).setErr(err);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            Throwable t = e;
            while (!(t instanceof LocalException) && t.getCause() != null) {
                t = t.getCause();
            }
            if (t instanceof LocalException) {
                cmd.getErr().println("fluxo local: " + t.getMessage());
            } else {
                cmd.getErr().println("fluxo local: " + e + " (details in logs/fluxo-local.log of the state directory)");
                org.slf4j.LoggerFactory.getLogger(LocalMain.class).error("Command failed", e);
            }
            return 1;
        });
        return cli.execute(args);
    }

    /** The {@code --dir} of a command line, or the default: known before anything logs. */
    static java.nio.file.Path stateDir(String... args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dir") && i + 1 < args.length) {
                return java.nio.file.Path.of(args[i + 1]);
            }
            if (args[i].startsWith("--dir=")) {
                return java.nio.file.Path.of(args[i].substring("--dir=".length()));
            }
        }
        return java.nio.file.Path.of(LocalLayout.DEFAULT_DIR);
    }

    /** Sends this JVM's logs to {@code layout}'s log file. Call before anything logs. */
    public static void logTo(LocalLayout layout) {
        if (System.getProperty(LOG_FILE_PROPERTY) == null) {
            System.setProperty(LOG_FILE_PROPERTY, layout.logs().resolve("fluxo-local.log").toString());
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
