package dev.fluxo.local.sql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds a JDK of at least a given feature version on this machine: {@value #ENV} first, then {@code JAVA_HOME}, the
 * running JVM, and the usual install roots ({@code /usr/lib/jvm/*}, {@code /Library/Java/JavaVirtualMachines/*},
 * {@code ~/.sdkman/candidates/java/*}). Reads each JDK's {@code release} file, so nothing is started.
 */
public final class JdkFinder {
    /** Environment variable naming the JDK to run Trino with. */
    public static final String ENV = "FLUXO_TRINO_JAVA_HOME";

    private static final Pattern VERSION = Pattern.compile("JAVA_VERSION=\"(\\d+)");

    private JdkFinder() {
    }

    /** The newest JDK home of at least {@code feature}, if any. */
    public static Optional<Path> find(int feature) {
        List<Path> candidates = new ArrayList<>();
        for (String env : new String[]{System.getenv(ENV), System.getenv("JAVA_HOME")}) {
            if (env != null && !env.isBlank()) {
                candidates.add(Path.of(env));
            }
        }
        candidates.add(Path.of(System.getProperty("java.home")));
        String home = System.getProperty("user.home");
        for (Path root : List.of(Path.of("/usr/lib/jvm"), Path.of("/Library/Java/JavaVirtualMachines"),
                Path.of(home, ".sdkman", "candidates", "java"), Path.of("/opt/java"))) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> s = Files.list(root)) {
                    s.forEach(p -> {
                        candidates.add(p);
                        candidates.add(p.resolve("Contents").resolve("Home"));
                    });
                } catch (IOException e) {
                    // unreadable root: skip
                }
            }
        }
        return candidates.stream().filter(p -> version(p) >= feature && Files.isExecutable(p.resolve("bin/java")))
                .max(Comparator.comparingInt(JdkFinder::version));
    }

    /** The feature version in {@code jdk/release}, or 0. */
    static int version(Path jdk) {
        Path release = jdk.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        try {
            Matcher m = VERSION.matcher(Files.readString(release));
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }
}
