package dev.fluxo.jobs.maintenance;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Compacts small files ({@code rewrite_data_files}) and expires old snapshots ({@code expire_snapshots}) of one table
 * through Iceberg's Spark procedures. Files with position deletes (gold is merge-on-read) are rewritten too and the
 * delete files left dangling dropped ({@code rewrite_position_delete_files}). Data is unchanged: compaction commits a {@code replace} snapshot, which the
 * streaming source ignores.
 */
public final class TableMaintenance {
    private static final Logger LOG = LoggerFactory.getLogger(TableMaintenance.class);
    private static final DateTimeFormatter SQL_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private TableMaintenance() {
    }

    /**
     * What maintenance did to one table.
     *
     * @param table             {@code layer.name}
     * @param rewrittenFiles    data files replaced by compaction
     * @param addedFiles        data files compaction wrote
     * @param snapshotsBefore   snapshots before expiry
     * @param snapshotsAfter    snapshots after expiry
     * @param deletedDataFiles  data files no longer referenced and deleted
     */
    public record Result(String table, long rewrittenFiles, long addedFiles, long snapshotsBefore, long snapshotsAfter,
                         long deletedDataFiles) {
        public String toJson() {
            return "{\"event\":\"fluxo.maintenance\",\"table\":\"" + table + "\",\"rewritten_files\":" + rewrittenFiles
                    + ",\"added_files\":" + addedFiles + ",\"snapshots_before\":" + snapshotsBefore
                    + ",\"snapshots_after\":" + snapshotsAfter + ",\"deleted_data_files\":" + deletedDataFiles + "}";
        }
    }

    /** Runs both procedures on {@code catalog.table}; expires snapshots older than {@code expireBefore}. */
    public static Result run(SparkSession spark, String catalog, String table, Instant expireBefore, int retainLast,
                             int minInputFiles) {
        String quoted = "'" + table + "'";
        Row rewrite = spark.sql("CALL " + catalog + ".system.rewrite_data_files(table => " + quoted
                + ", options => map('min-input-files', '" + minInputFiles + "', 'delete-file-threshold', '1',"
                + " 'remove-dangling-deletes', 'true'))").first();
        // position deletes whose data files compaction replaced are dangling: rewriting them drops them
        spark.sql("CALL " + catalog + ".system.rewrite_position_delete_files(table => " + quoted
                + ", options => map('rewrite-all', 'true'))").collectAsList();
        long before = snapshots(spark, catalog, table);
        Row expire = spark.sql("CALL " + catalog + ".system.expire_snapshots(table => " + quoted
                + ", older_than => TIMESTAMP '" + SQL_TIMESTAMP.format(expireBefore) + "', retain_last => "
                + retainLast + ")").first();
        Result result = new Result(table, ((Number) rewrite.getAs("rewritten_data_files_count")).longValue(),
                ((Number) rewrite.getAs("added_data_files_count")).longValue(), before,
                snapshots(spark, catalog, table), ((Number) expire.getAs("deleted_data_files_count")).longValue());
        LOG.info(result.toJson());
        return result;
    }

    private static long snapshots(SparkSession spark, String catalog, String table) {
        return spark.table(catalog + "." + table + ".snapshots").count();
    }
}
