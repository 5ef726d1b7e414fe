package dev.fluxo.transform.service.health;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthTest {
    static final long NOW = 1_800_000_000_000L;

    @Test
    void aPollerThatPolledRecentlyIsUp() {
        Health health = Health.ofPoller(true, NOW - 150, NOW);

        assertThat(health.up()).isTrue();
        assertThat(health.detail()).isEqualTo("up: last poll 150 ms ago");
    }

    @Test
    void aPollerWhoseLastPollIsOlderThanTheLimitIsDown() {
        assertThat(Health.ofPoller(true, NOW - Health.STALE_AFTER.toMillis(), NOW).up()).isTrue();

        Health stuck = Health.ofPoller(true, NOW - Health.STALE_AFTER.toMillis() - 1, NOW);

        assertThat(stuck.up()).isFalse();
        assertThat(stuck.detail()).startsWith("down: no poll for 60 s");
    }

    @Test
    void aStoppedPollerIsDownWhateverItsLastPoll() {
        assertThat(Health.ofPoller(false, NOW, NOW)).isEqualTo(new Health(false, "down: the poller has stopped"));
    }

    @Test
    void aPollerThatHasNotPolledYetIsNotReady() {
        assertThat(Health.ofPoller(true, 0, NOW).up()).isFalse();
    }
}
