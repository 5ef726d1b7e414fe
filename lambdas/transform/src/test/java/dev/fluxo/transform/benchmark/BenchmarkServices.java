package dev.fluxo.transform.benchmark;

import dev.fluxo.transform.testing.TestLakehouse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The stand-ins of the managed services both paths of {@link SinkComparison} use: the Kafka broker (MSK) and s3proxy
 * (S3), with embedded PostgreSQL for the JDBC catalog, in a process of their own. On AWS neither the Lambda nor a
 * Connect worker spends CPU serving fetches or storing objects, so the comparison measures each path's process and
 * reports the services' CPU separately. Protocol on stdout: {@code bootstrap=<servers>}, then
 * {@code env.<catalog>.<KEY>=<value>} lines for each catalog named in the arguments, then {@code ready}; the
 * services stop when stdin closes (the parent exited or finished).
 */
public final class BenchmarkServices {
    static final String READY = "ready";

    private BenchmarkServices() {
    }

    /** {@code BenchmarkServices <dir> <catalog>...}. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (TestLakehouse lakehouse = TestLakehouse.start(dir.resolve("s3"));
             KafkaBroker broker = KafkaBroker.start(Files.createDirectories(dir.resolve("kafka")))) {
            System.out.println("bootstrap=" + broker.bootstrapServers());
            for (String catalog : List.of(args).subList(1, args.length)) {
                lakehouse.environment(catalog).forEach((k, v) -> System.out.println("env." + catalog + "." + k + "=" + v));
            }
            System.out.println(READY);
            System.out.flush();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                while (in.readLine() != null) {
                    // runs until the parent closes stdin
                }
            }
        }
        System.exit(0);
    }

    /** The running services process, as the parent sees it. */
    record Handle(Process process, String bootstrap, Map<String, Map<String, String>> environments)
            implements AutoCloseable {

        /** Starts the services in a child JVM on this JVM's class path and waits until they are ready. */
        static Handle start(Path dir, String... catalogs) throws IOException {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx1g",
                    "-cp", System.getProperty("java.class.path"), BenchmarkServices.class.getName(), dir.toString()));
            command.addAll(List.of(catalogs));
            Process process = new ProcessBuilder(command)
                    .redirectError(dir.resolve("services.log").toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String bootstrap = null;
            Map<String, Map<String, String>> environments = new HashMap<>();
            for (String line = out.readLine(); !READY.equals(line); line = out.readLine()) {
                if (line == null) {
                    throw new IllegalStateException("the services process ended before it was ready; see "
                            + dir.resolve("services.log"));
                }
                int eq = line.indexOf('=');
                if (line.startsWith("bootstrap=")) {
                    bootstrap = line.substring(eq + 1);
                } else if (line.startsWith("env.")) {
                    String[] key = line.substring(0, eq).split("\\.", 3);
                    environments.computeIfAbsent(key[1], k -> new HashMap<>()).put(key[2], line.substring(eq + 1));
                }
            }
            // keep reading what the services print (broker logs), or a full pipe would stall them
            Thread drain = new Thread(() -> {
                try {
                    out.transferTo(Writer.nullWriter());
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "services-stdout");
            drain.setDaemon(true);
            drain.start();
            return new Handle(process, bootstrap, environments);
        }

        /** CPU the services process has used so far. */
        Duration cpu() {
            return process.toHandle().info().totalCpuDuration().orElseThrow(
                    () -> new IllegalStateException("this OS does not report a child process's CPU time"));
        }

        @Override
        public void close() throws Exception {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
