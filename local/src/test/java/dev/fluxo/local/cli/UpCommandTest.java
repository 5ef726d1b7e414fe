package dev.fluxo.local.cli;

import dev.fluxo.local.LocalLayout;
import dev.fluxo.local.LocalSettings;
import dev.fluxo.transform.service.poll.TransformPoller;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class UpCommandTest {
    @Test
    void withoutOptionsUpRunsUntilStoppedWithTheDocumentedDefaults() {
        UpCommand up = new UpCommand();
        new CommandLine(up).parseArgs();
        LocalSettings s = up.settings();
        assertThat(s.dir()).isEqualTo(Path.of(LocalLayout.DEFAULT_DIR));
        assertThat(s.rate()).isEqualTo(LocalSettings.DEFAULT_RATE);
        assertThat(s.customers()).isEqualTo(LocalSettings.DEFAULT_CUSTOMERS);
        assertThat(s.changes()).isEqualTo(LocalSettings.DEFAULT_CHANGES);
        assertThat(s.duration()).isNull();
        assertThat(s.batchSize()).isEqualTo(TransformPoller.DEFAULT_BATCH_SIZE);
        assertThat(s.batchWindow()).isEqualTo(TransformPoller.DEFAULT_BATCH_WINDOW);
        assertThat(s.sql()).isTrue();
    }

    @Test
    void optionsAsTheReadmeWritesThem() {
        UpCommand up = new UpCommand();
        new CommandLine(up).parseArgs("--rate", "2000/s", "--duration", "5m", "--customers", "50", "--dir", "/tmp/d",
                "--no-sql");
        LocalSettings s = up.settings();
        assertThat(s.rate()).isEqualTo(2000);
        assertThat(s.duration()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.customers()).isEqualTo(50);
        assertThat(s.dir()).isEqualTo(Path.of("/tmp/d"));
        assertThat(s.sql()).isFalse();
    }
}
