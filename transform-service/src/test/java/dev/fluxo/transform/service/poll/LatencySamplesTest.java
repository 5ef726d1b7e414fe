package dev.fluxo.transform.service.poll;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencySamplesTest {
    @Test
    void quantilesComeFromTheSamplesKept() {
        LatencySamples samples = new LatencySamples();
        assertThat(samples.quantile(0.5)).isEqualTo(-1);
        for (int i = 1; i <= 100; i++) {
            samples.add(i);
        }
        assertThat(samples.quantile(0.5)).isEqualTo(50);
        assertThat(samples.quantile(0.99)).isEqualTo(99);
    }

    @Test
    void onlyTheMostRecentSamplesCount() {
        LatencySamples samples = new LatencySamples();
        for (int i = 0; i < LatencySamples.CAPACITY; i++) {
            samples.add(10_000);
        }
        for (int i = 0; i < LatencySamples.CAPACITY; i++) {
            samples.add(5);
        }
        assertThat(samples.quantile(0.99)).isEqualTo(5);
        samples.clear();
        assertThat(samples.count()).isZero();
        assertThat(samples.quantile(0.5)).isEqualTo(-1);
    }
}
