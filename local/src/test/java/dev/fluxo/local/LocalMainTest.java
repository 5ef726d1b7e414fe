package dev.fluxo.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LocalMainTest {
    @TempDir
    Path dir;

    @Test
    void aMissingPrerequisiteIsOneLineWithoutAStackTrace() {
        StringWriter err = new StringWriter();
        int code = LocalMain.run(new PrintWriter(err, true), "query", "--dir", dir.toString(), "SELECT 1");
        assertThat(code).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("fluxo local: no lakehouse in " + dir.toAbsolutePath().normalize()
                + ": run `fluxo local up` first" + System.lineSeparator());
    }

    @Test
    void theStateDirectoryIsKnownBeforeAnythingLogs() {
        assertThat(LocalMain.stateDir("up", "--dir", "/tmp/x")).isEqualTo(Path.of("/tmp/x"));
        assertThat(LocalMain.stateDir("up", "--dir=/tmp/y")).isEqualTo(Path.of("/tmp/y"));
        assertThat(LocalMain.stateDir("up")).isEqualTo(Path.of(LocalLayout.DEFAULT_DIR));
    }
}
