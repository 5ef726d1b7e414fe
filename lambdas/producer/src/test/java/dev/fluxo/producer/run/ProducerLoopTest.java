package dev.fluxo.producer.run;

import dev.fluxo.producer.TestDatabase;
import dev.fluxo.producer.customer.CustomerGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.fluxo.producer.TestDatabase.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProducerLoopTest {
    @BeforeEach
    void emptyTable() throws Exception {
        TestDatabase.resetWithSchema();
    }

    @Test
    void producesTheRequestedBatchesAndReportsEach() throws Exception {
        var loop = new ProducerLoop(TestDatabase.settings(),
                BatchProducer.withDefaults(CustomerGenerator.seeded(1), 1), 50, 3, Pace.UNLIMITED);
        List<Long> numbers = new ArrayList<>();
        ProducerTotals totals = loop.run((n, batch, took, sum) -> numbers.add(n));
        assertThat(numbers).containsExactly(1L, 2L, 3L);
        assertThat(totals.batches()).isEqualTo(3);
        assertThat(totals.rows()).isEqualTo(150);
        try (Connection c = TestDatabase.connect()) {
            assertThat(count(c, "SELECT count(*) FROM public.customers"))
                    .isEqualTo(totals.inserted() - totals.deleted());
        }
    }

    @Test
    void stopEndsAForeverLoopDuringItsPause() throws Exception {
        var loop = new ProducerLoop(TestDatabase.settings(),
                BatchProducer.withDefaults(CustomerGenerator.seeded(2), 2), 10, ProducerLoop.FOREVER,
                Pace.interval(Duration.ofMinutes(10)));
        CountDownLatch firstBatch = new CountDownLatch(1);
        CompletableFuture<ProducerTotals> done = CompletableFuture.supplyAsync(() -> {
            try {
                return loop.run((n, batch, took, sum) -> firstBatch.countDown());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(firstBatch.await(30, TimeUnit.SECONDS)).isTrue();
        loop.stop();
        assertThat(done.get(5, TimeUnit.SECONDS).batches()).isEqualTo(1);
    }

    @Test
    void rejectsNonPositiveBatchSizes() {
        assertThatThrownBy(() -> new ProducerLoop(TestDatabase.settings(),
                BatchProducer.withDefaults(CustomerGenerator.seeded(3), 3), 0, 1, Pace.UNLIMITED))
                .hasMessageContaining("rows per batch must be > 0");
    }

    @Test
    void ratePaceFillsTheRestOfEachBatchsSlot() {
        Pace pace = Pace.rowsPerSecond(1_000);
        assertThat(pace.pauseAfter(500, Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(400));
        assertThat(pace.pauseAfter(500, Duration.ofMillis(800))).isEqualTo(Duration.ZERO);
        assertThat(Pace.interval(Duration.ofSeconds(2)).pauseAfter(500, Duration.ofSeconds(5)))
                .isEqualTo(Duration.ofSeconds(2));
    }
}
