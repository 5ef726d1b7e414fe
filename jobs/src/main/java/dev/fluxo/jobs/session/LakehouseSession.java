package dev.fluxo.jobs.session;

import dev.fluxo.jobs.config.CatalogConfig;
import dev.fluxo.jobs.table.GoldTables;
import dev.fluxo.jobs.table.LakeTables;
import dev.fluxo.jobs.table.SparkTables;
import dev.fluxo.schema.TableDefinition;
import org.apache.spark.sql.SparkSession;

import java.util.Map;

/** The Spark session settings the job relies on, and the catalog and tables it works with. */
public final class LakehouseSession {
    /** Iceberg's SQL extensions: {@code MERGE INTO} and the {@code CALL} procedures need them. */
    public static final String EXTENSIONS = "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions";
    /** Static settings every session of the job gets (timestamps are instants: the session works in UTC). */
    public static final Map<String, String> SETTINGS = Map.of(
            "spark.sql.extensions", EXTENSIONS,
            "spark.sql.session.timeZone", "UTC");

    private LakehouseSession() {
    }

    /** A session with {@link #SETTINGS}; master and resources come from spark-submit or {@code -Dspark.master}. */
    public static SparkSession create(String appName) {
        SparkSession.Builder builder = SparkSession.builder().appName(appName);
        SETTINGS.forEach(builder::config);
        return builder.getOrCreate();
    }

    /** Registers the catalog in the session (runtime settings: several catalogs can share one session). */
    public static void register(SparkSession spark, CatalogConfig catalog) {
        catalog.sparkProperties().forEach((k, v) -> spark.conf().set(k, v));
    }

    /** Creates the job's own tables (gold) and their namespace where missing. */
    public static void ensureGoldTables(SparkSession spark, LakeTables lake) {
        for (TableDefinition table : GoldTables.OWNED) {
            spark.sql("CREATE NAMESPACE IF NOT EXISTS " + lake.namespace(table));
            spark.sql(SparkTables.createTableDdl(lake, table, GoldTables.properties(table)));
        }
    }

    /** Creates {@code table} and its namespace if missing. */
    public static void ensure(SparkSession spark, LakeTables lake, TableDefinition table) {
        spark.sql("CREATE NAMESPACE IF NOT EXISTS " + lake.namespace(table));
        spark.sql(SparkTables.createTableDdl(lake, table));
    }

    /** Whether the table exists in the catalog. */
    public static boolean exists(SparkSession spark, LakeTables lake, TableDefinition table) {
        return spark.catalog().tableExists(lake.qualifiedName(table));
    }
}
