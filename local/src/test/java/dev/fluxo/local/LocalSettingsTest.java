package dev.fluxo.local;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalSettingsTest {
    @Test
    void ratesReadAsChangesPerSecondInTheFormsTheReadmeShows() {
        assertThat(LocalSettings.parseRate("2000/s")).isEqualTo(2000);
        assertThat(LocalSettings.parseRate("2000")).isEqualTo(2000);
        assertThat(LocalSettings.parseRate("2k/s")).isEqualTo(2000);
        assertThat(LocalSettings.parseRate("120/m")).isEqualTo(2);
    }

    @Test
    void aMalformedRateIsOneClearMessage() {
        assertThatThrownBy(() -> LocalSettings.parseRate("fast")).isInstanceOf(LocalException.class)
                .hasMessage("--rate must look like 2000/s, 2k/s or 120/m, got 'fast'");
    }

    @Test
    void durationsReadInSecondsMinutesAndHours() {
        assertThat(LocalSettings.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(LocalSettings.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(LocalSettings.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThatThrownBy(() -> LocalSettings.parseDuration("soon")).isInstanceOf(LocalException.class);
    }

    @Test
    void aRateThatIsNotPositiveIsRefused() {
        assertThatThrownBy(() -> new LocalSettings(java.nio.file.Path.of("x"), 0, null, 0, 0, 1, Duration.ZERO, false))
                .isInstanceOf(LocalException.class).hasMessageContaining("--rate must be > 0");
    }
}
