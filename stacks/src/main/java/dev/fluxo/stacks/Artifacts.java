package dev.fluxo.stacks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

/**
 * The built files a stack deploys, with their SHA-256 so that a new build redeploys exactly what changed.
 * {@code pulumi up} needs them built ({@link #require}); {@code fluxo plan} and the tests use {@link #planned}: the
 * same relative paths with a placeholder hash, so that a plan is the same on every machine, built or not.
 *
 * @param producerJar     the producer Lambda's shaded jar
 * @param transformJar    the transform Lambda's shaded jar
 * @param jobJar          the streaming job's jar for EMR
 * @param debeziumPlugin  the MSK Connect custom plugin archive (Debezium PostgreSQL connector + config providers)
 */
public record Artifacts(Artifact producerJar, Artifact transformJar, Artifact jobJar, Artifact debeziumPlugin) {
    /** The hash a plan shows for an artifact (64 zeros: a well-formed SHA-256 that no file has). */
    public static final String NOT_BUILT = "0".repeat(64);
    /** Builds every deployable artifact. */
    public static final String BUILD_COMMAND = "mvn -B package -DskipTests";

    /** One file and its hash. */
    public record Artifact(Path path, String sha256) {
        public boolean built() {
            return !NOT_BUILT.equals(sha256);
        }
    }

    /** Where the build puts each artifact, relative to the project root. */
    static final String PRODUCER = "lambdas/producer/target/fluxo-producer-lambda.jar";
    static final String TRANSFORM = "lambdas/transform/target/fluxo-transform-lambda.jar";
    static final String JOB = "jobs/target/fluxo-jobs.jar";
    static final String DEBEZIUM_PLUGIN = "connect/target/debezium-postgres-msk-plugin.zip";

    /** The artifacts as a plan shows them: project-relative paths and the {@link #NOT_BUILT} hash. */
    public static Artifacts planned() {
        Function<String, Artifact> placeholder = relative -> new Artifact(Path.of(relative), NOT_BUILT);
        return new Artifacts(placeholder.apply(PRODUCER), placeholder.apply(TRANSFORM), placeholder.apply(JOB),
                placeholder.apply(DEBEZIUM_PLUGIN));
    }

    /** The artifacts under {@code root}, missing ones marked {@link #NOT_BUILT}. */
    public static Artifacts optional(Path root) {
        return new Artifacts(locate(root, PRODUCER), locate(root, TRANSFORM), locate(root, JOB),
                locate(root, DEBEZIUM_PLUGIN));
    }

    /**
     * The artifacts under {@code root}, all of which must be built.
     *
     * @param needsPlugin whether the stack deploys MSK Connect (stream kind {@code msk})
     * @throws IllegalStateException naming every missing file and the command that builds it
     */
    public static Artifacts require(Path root, boolean needsPlugin) {
        var artifacts = optional(root);
        var missing = new ArrayList<String>();
        for (var a : List.of(artifacts.producerJar, artifacts.transformJar, artifacts.jobJar)) {
            if (!a.built()) {
                missing.add(a.path().toString());
            }
        }
        if (needsPlugin && !artifacts.debeziumPlugin.built()) {
            missing.add(artifacts.debeziumPlugin.path() + " (the Debezium PostgreSQL plugin for MSK Connect: "
                    + "Debezium's published connector archive and Fluxo's Secrets Manager config provider, built by "
                    + "the connect module)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built yet: " + String.join(", ", missing)
                    + "; run `" + BUILD_COMMAND + "` first");
        }
        return artifacts;
    }

    private static Artifact locate(Path root, String relative) {
        var path = root.resolve(relative).toAbsolutePath().normalize();
        return new Artifact(path, Files.isRegularFile(path) ? sha256(path) : NOT_BUILT);
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            var digest = MessageDigest.getInstance("SHA-256");
            var buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The project root: {@code FLUXO_HOME}, else the nearest directory up from here with a Pulumi.yaml. */
    public static Path projectRoot() {
        var home = System.getenv("FLUXO_HOME");
        if (home != null) {
            return Path.of(home);
        }
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("Pulumi.yaml"))) {
                return dir;
            }
        }
        return Path.of("").toAbsolutePath();
    }
}
