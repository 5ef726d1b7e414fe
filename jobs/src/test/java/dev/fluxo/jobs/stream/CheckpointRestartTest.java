package dev.fluxo.jobs.stream;

import dev.fluxo.jobs.metrics.BatchMetrics;
import dev.fluxo.jobs.support.Change;
import dev.fluxo.jobs.support.ExpectedGold;
import dev.fluxo.jobs.support.TestLakehouse;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointRestartTest {
    private static final String[] PROFISSOES = {"Engenheira", "Medico", "Professor", "Advogado"};

    /** 6 snapshots of 40 changes over 15 ids: positions shuffled across snapshots, duplicates, deletes. */
    private static List<List<Change>> snapshots() {
        Random random = new Random(42);
        List<Change> changes = new ArrayList<>();
        for (int position = 1; position <= 200; position++) {
            long id = 1 + random.nextInt(15);
            int kind = random.nextInt(20);
            String op = kind < 14 ? "u" : kind < 17 ? "c" : "d";
            changes.add(Change.of(id, op, position, PROFISSOES[random.nextInt(PROFISSOES.length)],
                    random.nextBoolean() ? "F" : "M"));
        }
        for (int i = 0; i < 40; i++) {
            changes.add(changes.get(random.nextInt(changes.size()))); // replays
        }
        Collections.shuffle(changes, random);
        List<List<Change>> snapshots = new ArrayList<>();
        for (int i = 0; i < changes.size(); i += 40) {
            snapshots.add(changes.subList(i, i + 40));
        }
        return snapshots;
    }

    @Test
    void stoppingMidStreamAndRestartingFromTheCheckpointGivesTheSameGoldAsAnUninterruptedRun() throws Exception {
        List<List<Change>> snapshots = snapshots();
        List<Change> all = snapshots.stream().flatMap(List::stream).toList();
        TestLakehouse uninterrupted = new TestLakehouse("uninterrupted").withSilver();
        TestLakehouse restarted = new TestLakehouse("restarted").withSilver();
        snapshots.forEach(uninterrupted::append);
        snapshots.forEach(restarted::append);

        GoldStream.start(uninterrupted.spark(), uninterrupted.config("available-now", Integer.MAX_VALUE), m -> { })
                .awaitTermination();

        List<BatchMetrics> beforeStop = new CopyOnWriteArrayList<>();
        // a slow trigger leaves a pause after each batch: stop in the pause after the second one
        StreamingQuery first = GoldStream.start(restarted.spark(), restarted.config("processing-time:6s", 1),
                beforeStop::add);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while ((beforeStop.size() < 2 || first.status().isTriggerActive()) && System.nanoTime() < deadline
                && first.isActive()) {
            Thread.sleep(20);
        }
        first.stop();
        assertThat(beforeStop).hasSizeBetween(2, snapshots.size() - 1);
        assertThat(restarted.goldRows()).isNotEqualTo(uninterrupted.goldRows());

        List<BatchMetrics> afterRestart = new CopyOnWriteArrayList<>();
        GoldStream.start(restarted.spark(), restarted.config("available-now", 1), afterRestart::add)
                .awaitTermination();

        assertThat(afterRestart).isNotEmpty();
        assertThat(restarted.goldRows()).isEqualTo(uninterrupted.goldRows()).isEqualTo(ExpectedGold.rows(all))
                .isNotEmpty();
        assertThat(restarted.aggregateRows()).isEqualTo(uninterrupted.aggregateRows())
                .isEqualTo(ExpectedGold.aggregate(all));
    }
}
