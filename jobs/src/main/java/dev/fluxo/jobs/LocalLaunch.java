package dev.fluxo.jobs;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Launches the job ({@link StreamingJob} or {@link Maintenance}) locally in its own JVM: Spark brings kafka-clients
 * 3.9 and Jackson 2.15, which must not meet the local target's Kafka 4.3 and Debezium. The classpath is this module's
 * code plus {@code classpath.txt}, the compile and provided dependencies resolved at build time (also in
 * {@code target/classpath.txt}).
 *
 * <pre>{@code
 * Process job = LocalLaunch.builder(StreamingJob.class, List.of("--catalog-type", "jdbc", ...)).inheritIO().start();
 * }</pre>
 * or from a shell: {@code java $(flags) -Dspark.master=local[2] -cp target/classes:$(cat target/classpath.txt)
 * dev.fluxo.jobs.StreamingJob --catalog-type jdbc ...}
 */
public final class LocalLaunch {
    /** JVM flags Spark 3.5 needs on JDK 17 (the same list as the pom's {@code spark.jvm.flags}). */
    public static final List<String> SPARK_JVM_FLAGS = List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED", "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false", "-Dio.netty.tryReflectionSetAccessible=true");
    /** Spark master of a local run: two cores, like the local target's budget. */
    public static final String DEFAULT_MASTER = "local[2]";
    /** Heap of the job's JVM. */
    public static final String DEFAULT_HEAP = "-Xmx2g";
    /** Spark settings for a single-machine run (few shuffle partitions, no UI, loopback only). */
    public static final List<String> LOCAL_SPARK_PROPERTIES = List.of(
            "-Dspark.master=" + DEFAULT_MASTER, "-Dspark.sql.shuffle.partitions=2", "-Dspark.ui.enabled=false",
            "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1");
    /** The resource holding the build-time classpath. */
    static final String CLASSPATH_RESOURCE = "launch/classpath.txt";

    private LocalLaunch() {
    }

    /** The full command: java, flags, classpath, main class and its arguments. */
    public static List<String> command(Class<?> mainClass, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(DEFAULT_HEAP);
        cmd.addAll(SPARK_JVM_FLAGS);
        cmd.addAll(LOCAL_SPARK_PROPERTIES);
        cmd.add("-cp");
        cmd.add(classpath());
        cmd.add(mainClass.getName());
        cmd.addAll(args);
        return cmd;
    }

    /** A process builder for {@link #command}; the caller decides about IO and environment. */
    public static ProcessBuilder builder(Class<?> mainClass, List<String> args) {
        return new ProcessBuilder(command(mainClass, args));
    }

    /** This module's code location followed by the build-time dependency classpath. */
    public static String classpath() {
        String deps;
        try (InputStream in = LocalLaunch.class.getResourceAsStream(CLASSPATH_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH_RESOURCE + " is missing next to " + LocalLaunch.class.getName()
                        + ": build fluxo-jobs with Maven (it is written at generate-resources)");
            }
            deps = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ownLocation() + File.pathSeparator + deps;
    }

    /** Runs {@code StreamingJob} (or, with first argument {@code maintenance}, {@code Maintenance}) in a child JVM. */
    public static void main(String[] args) throws IOException, InterruptedException {
        boolean maintenance = args.length > 0 && args[0].equals("maintenance");
        List<String> rest = Arrays.asList(args).subList(maintenance ? 1 : 0, args.length);
        Process p = builder(maintenance ? Maintenance.class : StreamingJob.class, rest).inheritIO().start();
        System.exit(p.waitFor());
    }

    private static String ownLocation() {
        try {
            return Path.of(LocalLaunch.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
