package dev.fluxo.pipeline.write;

import dev.fluxo.pipeline.TransformPipeline;
import dev.fluxo.pipeline.TransformedBatch;
import dev.fluxo.pipeline.decode.DecoderOptions;
import dev.fluxo.pipeline.decode.EnvelopeFormat;
import dev.fluxo.pipeline.decode.SourceRecord;
import dev.fluxo.pipeline.mask.MaskingKey;
import dev.fluxo.pipeline.mask.MaskingPolicy;
import dev.fluxo.pipeline.mask.PiiMasker;
import dev.fluxo.pipeline.testing.CustomerEvents;
import dev.fluxo.schema.LakehouseTables;
import dev.fluxo.schema.TableDefinition;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.inmemory.InMemoryCatalog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A batch's rows are encoded as they are added and become visible only at its commit, one snapshot per table. */
class LakehouseWriterBatchTest {
    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private InMemoryCatalog catalog;
    private LakehouseWriter writer;
    private TransformedBatch rows;

    @BeforeEach
    void setUp() {
        catalog = new InMemoryCatalog();
        catalog.initialize("mem", Map.of());
        writer = new LakehouseWriter(catalog);
        CustomerEvents events = new CustomerEvents(5);
        rows = TransformPipeline.builder()
                .decoder(EnvelopeFormat.parse("debezium-json").decoder(DecoderOptions.defaults()))
                .masker(new PiiMasker(MaskingKey.of(new byte[32]), MaskingPolicy.defaults())).build()
                .transform(List.of(SourceRecord.of(null, events.create(1, NOW), "t/0/1"),
                        SourceRecord.of(null, events.create(2, NOW), "t/0/2"),
                        SourceRecord.of(null, "{".getBytes(StandardCharsets.UTF_8), "t/0/3")));
    }

    @Test
    void aBatchClosedWithoutItsCommitLeavesEveryTableAsItWas() {
        try (LakehouseWriter.Batch batch = writer.open(NOW)) {
            rows.bronze().forEach(batch.rows().bronze());
            rows.silver().forEach(batch.rows().silver());
            rows.deadLetters().forEach(batch.rows().deadLetter());
        }
        assertThat(snapshot(LakehouseTables.BRONZE_CUSTOMERS_CHANGES)).isNull();
        assertThat(snapshot(LakehouseTables.SILVER_CUSTOMERS_CHANGES)).isNull();

        // the writer is usable afterwards: the retry of the same batch commits it
        assertThat(writer.write(rows.bronze(), rows.silver(), rows.deadLetters(), NOW))
                .isEqualTo(new LakehouseWriter.Written(2, 2, 1));
        assertThat(snapshot(LakehouseTables.BRONZE_CUSTOMERS_CHANGES).summary()).containsEntry("added-records", "2");
        assertThat(snapshot(LakehouseTables.BRONZE_CUSTOMERS_DEAD_LETTER).summary()).containsEntry("added-records", "1");
    }

    @Test
    void onlyTablesThatReceivedRowsAreCommittedAndABatchCommitsOnce() {
        LakehouseWriter.Batch batch = writer.open(NOW);
        rows.silver().forEach(batch.rows().silver());
        assertThat(batch.commit()).isEqualTo(new LakehouseWriter.Written(0, 2, 0));
        assertThat(snapshot(LakehouseTables.SILVER_CUSTOMERS_CHANGES).summary()).containsEntry("fluxo.rows", "2");
        assertThat(snapshot(LakehouseTables.BRONZE_CUSTOMERS_CHANGES)).isNull();
        assertThatThrownBy(batch::commit).hasMessageContaining("already committed");
        batch.close(); // after a commit, closing changes nothing
        assertThat(catalog.loadTable(IcebergTables.identifier(LakehouseTables.SILVER_CUSTOMERS_CHANGES)).snapshots())
                .hasSize(1);
    }

    @Test
    void aCommitThatFailsPartWayLeavesTheLaterTablesUncommittedAndSaysWhy() {
        LakehouseWriter.Batch batch = writer.open(NOW);
        rows.bronze().forEach(batch.rows().bronze());
        rows.silver().forEach(batch.rows().silver());
        rows.deadLetters().forEach(batch.rows().deadLetter());
        catalog.dropTable(IcebergTables.identifier(LakehouseTables.SILVER_CUSTOMERS_CHANGES), false);

        assertThatThrownBy(batch::commit).hasMessageContaining("customers_changes");
        batch.close();
        // bronze was committed before silver failed: the retry writes it again (at least once, deduplicated on
        // source_position by readers); the dead letters after silver were not committed
        assertThat(snapshot(LakehouseTables.BRONZE_CUSTOMERS_CHANGES)).isNotNull();
        assertThat(snapshot(LakehouseTables.BRONZE_CUSTOMERS_DEAD_LETTER)).isNull();
    }

    private Snapshot snapshot(TableDefinition table) {
        return writer.table(table).currentSnapshot();
    }
}
