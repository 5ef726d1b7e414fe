package dev.fluxo.jobs.stream;

import dev.fluxo.jobs.metrics.BatchMetrics;
import dev.fluxo.jobs.support.TestLakehouse;
import dev.fluxo.jobs.table.GoldTables;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.fluxo.jobs.support.Change.of;
import static org.assertj.core.api.Assertions.assertThat;

class InvalidChangesTest {

    @Test
    void unknownSchemaVersionsAndNullIdsAreCountedAndSkippedWithoutStoppingTheQuery() throws Exception {
        TestLakehouse lake = new TestLakehouse("invalid").withSilver();
        // silver's id is required by the schema; a writer that evolved the table could still produce nulls
        lake.spark().sql("ALTER TABLE " + lake.table(GoldTables.SILVER_CHANGES) + " ALTER COLUMN id DROP NOT NULL");
        lake.append(List.of(of(1, "c", 10, "Medico", "F"), of(2, "c", 11, "Medico", "M").withSchemaVersion(2),
                of(3, "c", 12, "Medico", "M").withId(null), of(4, "x", 13, "Medico", "M")));
        lake.append(List.of(of(1, "u", 20, "Gerente", "F"), of(5, "c", 21, "Medico", "M")));
        List<BatchMetrics> batches = new CopyOnWriteArrayList<>();

        StreamingQuery query = GoldStream.start(lake.spark(), lake.config("processing-time:100ms", 1), batches::add);
        query.processAllAvailable();
        boolean activeAfterBadBatch = query.isActive();
        query.stop();

        assertThat(activeAfterBadBatch).isTrue();
        assertThat(query.exception().isEmpty()).isTrue();
        assertThat(lake.goldRows()).containsExactly("1|n1@20|F|Gerente|00000000000000000020",
                "5|n5@21|M|Medico|00000000000000000021");
        assertThat(batches).hasSize(2);
        assertThat(batches.get(0).skippedInvalid()).isEqualTo(3);
        assertThat(batches.get(0).invalidReasons()).isEqualTo(Map.of("unsupported schema_version 2", 1L,
                "null id", 1L, "unsupported op x", 1L));
        assertThat(batches.get(0).inserted()).isEqualTo(1);
        assertThat(batches.get(1).merged()).isEqualTo(2);
    }
}
