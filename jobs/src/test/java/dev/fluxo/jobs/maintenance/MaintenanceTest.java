package dev.fluxo.jobs.maintenance;

import dev.fluxo.jobs.table.LakeTables;
import dev.fluxo.jobs.Maintenance;
import dev.fluxo.jobs.support.Change;
import dev.fluxo.jobs.support.TestLakehouse;
import dev.fluxo.jobs.session.LakehouseSession;
import dev.fluxo.jobs.table.GoldTables;
import dev.fluxo.jobs.table.SparkTables;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MaintenanceTest {

    @Test
    void compactsSmallFilesAndExpiresOldSnapshotsWithoutChangingTheData() {
        TestLakehouse lake = new TestLakehouse("maint").withSilver();
        for (int i = 0; i < 6; i++) { // six small files in one day partition
            lake.append(List.of(Change.of(i, "c", i + 1, "Medico", "F")));
        }
        String silver = lake.table(GoldTables.SILVER_CHANGES);
        List<String> before = lake.spark().sql("SELECT * FROM " + silver + " ORDER BY source_position")
                .collectAsList().stream().map(Object::toString).toList();
        long filesBefore = lake.spark().table(silver + ".files").count();
        // gold is merge-on-read: a delete leaves a position-delete file that maintenance must fold in
        LakehouseSession.ensureGoldTables(lake.spark(), new LakeTables(lake.name, LakeTables.NO_PREFIX));
        String gold = lake.table(GoldTables.CUSTOMERS);
        lake.spark().sql("INSERT INTO " + gold + " SELECT " + SparkTables.columnList(GoldTables.CUSTOMERS.columnNames(), "")
                + " FROM " + silver);
        lake.spark().sql("DELETE FROM " + gold + " WHERE id = 0");
        List<String> goldBefore = rows(lake, gold, "id");
        assertThat(lake.spark().table(gold + ".delete_files").count()).isEqualTo(1);
        MaintenanceConfig config = new MaintenanceConfig(lake.catalog, Duration.ZERO, 1,
                MaintenanceConfig.DEFAULT_MIN_INPUT_FILES, List.of(GoldTables.SILVER_CHANGES.qualifiedName(),
                "gold.not_there", GoldTables.CUSTOMERS.qualifiedName()));

        // every snapshot, also those maintenance itself commits, is older than the cutoff: only the last one stays
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);
        List<TableMaintenance.Result> results = Maintenance.run(lake.spark(), config, later);

        assertThat(results).hasSize(2); // the missing table is skipped
        TableMaintenance.Result r = results.get(0);
        assertThat(r.rewrittenFiles()).isEqualTo(filesBefore).isEqualTo(6);
        assertThat(r.addedFiles()).isEqualTo(1);
        assertThat(r.snapshotsBefore()).isGreaterThanOrEqualTo(7); // six appends and the compaction
        assertThat(r.snapshotsAfter()).isEqualTo(1);
        assertThat(lake.spark().table(silver + ".files").count()).isEqualTo(1);
        assertThat(lake.spark().sql("SELECT * FROM " + silver + " ORDER BY source_position").collectAsList()
                .stream().map(Object::toString).toList()).isEqualTo(before);
        assertThat(lake.spark().table(gold + ".delete_files").count()).isZero();
        assertThat(rows(lake, gold, "id")).isEqualTo(goldBefore).hasSize(5);
        assertThat(results.get(1).snapshotsAfter()).isEqualTo(1);
    }

    private static List<String> rows(TestLakehouse lake, String table, String order) {
        return lake.spark().sql("SELECT * FROM " + table + " ORDER BY " + order).collectAsList().stream()
                .map(Object::toString).toList();
    }
}
