package dev.fluxo.jobs.stream;

import dev.fluxo.jobs.config.JobConfig;
import dev.fluxo.jobs.merge.GoldMerge;
import dev.fluxo.jobs.metrics.BatchMetrics;
import dev.fluxo.jobs.session.LakehouseSession;
import dev.fluxo.jobs.support.Change;
import dev.fluxo.jobs.support.ExpectedGold;
import dev.fluxo.jobs.support.TestLakehouse;
import dev.fluxo.jobs.table.GoldTables;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.fluxo.jobs.support.Change.of;
import static org.assertj.core.api.Assertions.assertThat;

class GoldStreamTest {

    @Test
    void insertsUpdatesDeletesDuplicatesAndOutOfOrderChangesLeaveTheNewestStatePerId() throws Exception {
        TestLakehouse lake = new TestLakehouse("scenario").withSilver();
        // Each inner list is one silver snapshot, and (max one file per batch) one micro-batch.
        List<List<Change>> snapshots = List.of(
                List.of(of(1, "c", 10, "Engenheira", "F"), of(2, "c", 11, "Medico", "M"), of(5, "c", 12, "Medico", "M"),
                        of(5, "c", 12, "Medico", "M"), of(5, "c", 12, "Medico", "M"), // duplicates in one batch
                        of(6, "r", 5, "Professor", "M"), of(7, "c", 13, "Professor", "F"), of(7, "d", 14, "Professor", "F")),
                List.of(of(1, "u", 20, "Gerente", "F"), of(3, "u", 50, "Advogado", "M"), // update before its insert
                        of(4, "d", 60, "Advogado", "F"), // delete before its insert
                        of(6, "u", 70, "Diretor", "M"), of(6, "u", 65, "Analista", "M")), // reversed in one batch
                List.of(of(1, "u", 30, "Diretor", "F"), of(2, "d", 40, "Medico", "M"),
                        of(3, "c", 45, "Advogado", "M"), of(4, "c", 55, "Advogado", "F"), // late: older than stored
                        of(7, "c", 80, "Engenheira", "F")), // re-insert after a delete
                List.of(of(1, "u", 20, "Gerente", "F"), // replayed duplicate of an applied change
                        of(2, "u", 35, "Medico", "M"), // late update of a deleted customer
                        of(5, "c", 12, "Medico", "M"))); // replayed insert
        snapshots.forEach(lake::append);
        List<BatchMetrics> batches = new CopyOnWriteArrayList<>();

        StreamingQuery query = GoldStream.start(lake.spark(), lake.config("processing-time:100ms", 1), batches::add);
        query.processAllAvailable();
        query.stop();

        List<Change> all = snapshots.stream().flatMap(List::stream).toList();
        assertThat(lake.goldRows()).containsExactly(
                "1|n1@30|F|Diretor|00000000000000000030",
                "3|n3@50|M|Advogado|00000000000000000050",
                "5|n5@12|M|Medico|00000000000000000012",
                "6|n6@70|M|Diretor|00000000000000000070",
                "7|n7@80|F|Engenheira|00000000000000000080")
                .isEqualTo(ExpectedGold.rows(all));
        assertThat(lake.aggregateRows()).containsExactly("Advogado|M|1", "Diretor|F|1", "Diretor|M|1",
                "Engenheira|F|1", "Medico|M|1").isEqualTo(ExpectedGold.aggregate(all));
        assertThat(batches).hasSize(4);
        assertThat(batches.stream().mapToLong(BatchMetrics::rowsIn).sum()).isEqualTo(all.size());
        BatchMetrics first = batches.get(0);
        assertThat(first.inserted()).isEqualTo(4); // ids 1, 2, 5, 6 (7's newest is a delete of an absent row)
        assertThat(first.skippedStale()).isEqualTo(4); // 2 duplicates of 5, 7's insert superseded, 7's delete
        BatchMetrics last = batches.get(3);
        assertThat(last.merged()).isZero();
        assertThat(last.skippedStale()).isEqualTo(3);
        for (BatchMetrics m : batches) {
            assertThat(m.rowsIn()).isEqualTo(m.merged() + m.skippedStale() + m.skippedInvalid());
        }
        assertThat(last.newestApplied()).contains(Change.EPOCH.plusSeconds(80));
        assertThat(last.freshness()).isPresent();
    }

    @Test
    void withANamespacePrefixSilverAndGoldLiveInTheEnvironmentsNamespaces() throws Exception {
        TestLakehouse lake = new TestLakehouse("prefixed", null, "fluxo_dev_").withSilver();
        List<Change> changes = List.of(of(1, "c", 10, "Engenheira", "F"), of(2, "c", 11, "Medico", "M"),
                of(2, "d", 12, "Medico", "M"));
        lake.append(changes);

        StreamingQuery query = GoldStream.start(lake.spark(), lake.config("processing-time:100ms", 1), m -> { });
        query.processAllAvailable();
        query.stop();

        assertThat(lake.goldRows()).isEqualTo(ExpectedGold.rows(changes)).hasSize(1);
        assertThat(lake.spark().catalog().tableExists("prefixed.fluxo_dev_silver.customers_changes")).isTrue();
        assertThat(lake.spark().catalog().tableExists("prefixed.fluxo_dev_gold.customers")).isTrue();
        assertThat(lake.spark().catalog().tableExists("prefixed.gold.customers")).isFalse();
    }

    @Test
    void freshnessEndsAtTheGoldCustomersCommitBeforeTheAggregateIsRecomputed() {
        TestLakehouse lake = new TestLakehouse("freshness").withSilver();
        lake.append(List.of(of(1, "c", 10, "Engenheira", "F"), of(2, "c", 11, "Medico", "M")));
        LakehouseSession.ensureGoldTables(lake.spark(), lake.catalog.tables());
        // every reading of the clock is one second after the previous: start, gold.customers committed, batch end
        var clock = new Clock() {
            private Instant now = Instant.parse("2026-11-23T12:00:00Z");

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                now = now.plusSeconds(1);
                return now;
            }
        };
        var merge = new GoldMerge(lake.catalog.tables(), m -> { }, clock);

        BatchMetrics metrics = merge.apply(lake.spark().table(lake.table(GoldTables.SILVER_CHANGES)), 0);

        var newest = metrics.newestApplied().orElseThrow();
        assertThat(metrics.freshness()).contains(Duration.between(newest, metrics.finishedAt().minusSeconds(1)));
        assertThat(lake.aggregateRows()).hasSize(2);
    }
}
