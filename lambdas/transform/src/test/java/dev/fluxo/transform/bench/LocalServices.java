package dev.fluxo.transform.bench;

import dev.fluxo.transform.testing.TestLakehouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Starts the local lakehouse (embedded PostgreSQL with the JDBC catalog, s3proxy) in this JVM and prints a transform
 * function's environment as {@code export} lines, so the shaded Lambda jar can run against it in another JVM (see
 * BENCHMARKS.part.md). Runs until killed.
 */
public final class LocalServices {
    private LocalServices() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("fluxo-transform-services");
        TestLakehouse lakehouse = TestLakehouse.start(dir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                lakehouse.close();
            } catch (Exception e) {
                System.err.println("stopping: " + e);
            }
        }));
        Map<String, String> env = new TreeMap<>(lakehouse.environment(args.length > 0 ? args[0] : "shaded"));
        env.forEach((k, v) -> System.out.println("export " + k + "='" + v + "'"));
        System.out.println("# ready");
        System.out.flush();
        Thread.currentThread().join();
    }
}
