package dev.fluxo.pipeline.write;

import dev.fluxo.schema.Column;
import dev.fluxo.schema.ColumnType;
import dev.fluxo.schema.TableDefinition;
import org.apache.iceberg.TableProperties;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * How the pipeline's Parquet files are encoded, as Iceberg table properties, so that every writer of a table (this
 * pipeline, a compaction job) encodes it the same way. Chosen from a CPU profile of the transform (issue "Data plane",
 * item 6; docs/benchmarks.md): Parquet's dictionary encoder hashed every value of columns that are unique per row (the
 * 578-byte {@code raw} envelope, positions, coordinates, ids, hashes, addresses), filled its 2 MiB dictionary, then
 * re-encoded the whole chunk plain. So:
 * <ul>
 *   <li>dictionary encoding only for the {@link #DICTIONARY_COLUMNS} (few distinct values); plain for the rest;</li>
 *   <li>{@code raw} (binary, {@link ColumnType#BINARY} columns generally) has no Parquet statistics and no Iceberg
 *       column metrics: a min/max of envelopes prunes nothing;</li>
 *   <li>free-text and masked columns ({@link #COUNTS_ONLY_COLUMNS}) keep value and null counts but no min/max bounds,
 *       which for names, addresses and keyed hashes prune nothing either;</li>
 *   <li>compression {@value #CODEC} at level {@value #CODEC_LEVEL}.</li>
 * </ul>
 * Properties an existing table already sets (an operator's choice) are left alone: see {@link IcebergTables#ensure}.
 */
public final class ParquetLayout {
    /** Columns with few distinct values, the only ones dictionary-encoded. */
    public static final Set<String> DICTIONARY_COLUMNS = Set.of("op", "sexo", "profissao", "schema_version",
            "ingested_at", "stage", "received_at");
    /** Columns whose Iceberg metrics are counts only (no lower/upper bounds). */
    public static final Set<String> COUNTS_ONLY_COLUMNS = Set.of("nome", "endereco", "telefone", "email", "foto",
            "source_coordinates", "reason");
    /** Parquet compression codec of the pipeline's tables: {@value}. */
    public static final String CODEC = "zstd";
    /** Its level: {@value} (zstd's fastest; the level 3 default cost more CPU for a few percent of size). */
    public static final String CODEC_LEVEL = "1";

    private ParquetLayout() {
    }

    /** The Iceberg table properties that give {@code table} this layout. */
    public static Map<String, String> properties(TableDefinition table) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(TableProperties.PARQUET_COMPRESSION, CODEC);
        p.put(TableProperties.PARQUET_COMPRESSION_LEVEL, CODEC_LEVEL);
        for (Column c : table.columns()) {
            if (!DICTIONARY_COLUMNS.contains(c.name())) {
                p.put(TableProperties.PARQUET_DICT_ENCODING_ENABLED_COLUMN_PREFIX + c.name(), "false");
            }
            if (c.type() == ColumnType.BINARY) {
                p.put(TableProperties.PARQUET_COLUMN_STATS_ENABLED_PREFIX + c.name(), "false");
                p.put(TableProperties.METRICS_MODE_COLUMN_CONF_PREFIX + c.name(), "none");
            } else if (COUNTS_ONLY_COLUMNS.contains(c.name())) {
                p.put(TableProperties.METRICS_MODE_COLUMN_CONF_PREFIX + c.name(), "counts");
            }
        }
        return p;
    }
}
