package dev.fluxo.local.sql;

import dev.fluxo.local.LocalException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

/**
 * The Trino server distribution ({@code io.trino:trino-server:476:tar.gz}, 821 MB): taken from the local Maven
 * repository if it is there, else downloaded once from Maven Central into it; unpacked once into
 * {@code ~/.cache/fluxo/trino-server-476}, shared by every state directory.
 */
public final class TrinoDistribution {
    /** The Trino version: the newest whose server tarball Maven Central serves here. */
    public static final String VERSION = "476";
    /** Trino 476 runs on JDK 24 or newer. */
    public static final int REQUIRED_JDK = 24;
    static final String RELATIVE = "io/trino/trino-server/" + VERSION + "/trino-server-" + VERSION + ".tar.gz";
    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private TrinoDistribution() {
    }

    /** The tarball's place in the local Maven repository. */
    public static Path tarball() {
        return Path.of(System.getProperty("user.home"), ".m2", "repository").resolve(RELATIVE);
    }

    /** Where the server is unpacked. */
    public static Path home() {
        return Path.of(System.getProperty("user.home"), ".cache", "fluxo", "trino-server-" + VERSION);
    }

    /** The unpacked server if it is ready, without downloading anything. */
    public static Optional<Path> installed() {
        return Files.isDirectory(home().resolve("lib")) && Files.isDirectory(home().resolve("plugin/iceberg"))
                ? Optional.of(home()) : Optional.empty();
    }

    /** The unpacked server, downloading and unpacking it first if needed (progress on {@code out}). */
    public static Path install(PrintStream out) {
        Optional<Path> ready = installed();
        if (ready.isPresent()) {
            return ready.get();
        }
        Path tarball = tarball();
        if (!Files.isRegularFile(tarball)) {
            download(URI.create(CENTRAL + RELATIVE), tarball, out);
        }
        Path home = home();
        Path staging = home.resolveSibling(home.getFileName() + ".unpacking");
        try {
            Files.createDirectories(staging);
            out.println("  unpacking " + tarball.getFileName() + " into " + home.getParent());
            Process tar = new ProcessBuilder("tar", "xzf", tarball.toString(), "-C", staging.toString(),
                    "--strip-components=1").redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes());
            if (tar.waitFor() != 0) {
                throw new LocalException("unpacking " + tarball + " failed: " + output.trim());
            }
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
            return home;
        } catch (IOException e) {
            throw new LocalException("cannot unpack Trino into " + home + " (needs `tar`): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalException("interrupted while unpacking Trino", e);
        }
    }

    private static void download(URI uri, Path target, PrintStream out) {
        out.println("  downloading " + uri + " (821 MB, once)");
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                    .connectTimeout(Duration.ofSeconds(20)).build();
            HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new LocalException("downloading " + uri + " failed: HTTP " + response.statusCode());
            }
            long total = response.headers().firstValueAsLong("content-length").orElse(-1);
            try (InputStream in = response.body(); OutputStream o = Files.newOutputStream(part)) {
                byte[] buffer = new byte[1 << 16];
                long done = 0;
                long lastShown = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    o.write(buffer, 0, n);
                    done += n;
                    if (done - lastShown > 50L << 20) {
                        out.printf("  %d / %d MB%n", done >> 20, total >> 20);
                        lastShown = done;
                    }
                }
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LocalException("downloading " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalException("interrupted while downloading Trino", e);
        }
    }
}
