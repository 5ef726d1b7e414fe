package dev.fluxo.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ./fluxo} script rebuilds the command line only when a source is newer than its jar. Maven leaves an
 * up-to-date jar untouched, so without the script marking it built, every later run rebuilt (≈ 3 s more per plan).
 * Runs the real script with stand-ins for {@code mvn} (counts its calls, changes nothing) and {@code java}.
 */
class FluxoScriptTest {

    private static Path script() {
        Path here = Path.of("").toAbsolutePath();
        Path candidate = here.resolve("fluxo");
        return Files.exists(candidate) ? candidate : here.getParent().resolve("fluxo");
    }

    private static void executable(Path file, String body) throws IOException {
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        assertThat(file.toFile().setExecutable(true)).isTrue();
    }

    private static int run(Path root, Path bin) throws Exception {
        var process = new ProcessBuilder("bash", root.resolve("fluxo").toString(), "plan", "dev")
                .redirectErrorStream(true).redirectOutput(root.resolve("out.txt").toFile()).directory(root.toFile());
        process.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        var started = process.start();
        assertThat(started.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return started.exitValue();
    }

    @Test
    void aSourceNewerThanTheJarRebuildsOnceAndThenNoMore(@TempDir Path root) throws Exception {
        Files.copy(script(), root.resolve("fluxo"));
        Path bin = Files.createDirectories(root.resolve("bin"));
        executable(bin.resolve("mvn"), "echo build >> \"" + root.resolve("mvn-calls") + "\"");
        executable(bin.resolve("java"), "exit 0");
        Path jar = Files.createDirectories(root.resolve("cli/target")).resolve("fluxo-cli.jar");
        Files.writeString(jar, "jar");
        Files.writeString(root.resolve("cli/target/classpath.txt"), "");
        Path source = Files.createDirectories(root.resolve("cli/src/main/java")).resolve("Fluxo.java");
        Files.writeString(source, "class Fluxo {}");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(3600)));

        assertThat(run(root, bin)).isZero();
        assertThat(run(root, bin)).isZero();

        assertThat(Files.readAllLines(root.resolve("mvn-calls"))).as("Maven runs").isEqualTo(List.of("build"));
    }
}
