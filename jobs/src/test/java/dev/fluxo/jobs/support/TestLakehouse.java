package dev.fluxo.jobs.support;

import dev.fluxo.jobs.config.CatalogConfig;
import dev.fluxo.jobs.config.CatalogType;
import dev.fluxo.jobs.table.LakeTables;
import dev.fluxo.jobs.config.JobConfig;
import dev.fluxo.jobs.config.TriggerSpec;
import dev.fluxo.jobs.session.LakehouseSession;
import dev.fluxo.jobs.table.GoldTables;
import dev.fluxo.jobs.table.SparkTables;
import dev.fluxo.schema.TableDefinition;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One lakehouse per test: its own Spark catalog name, SQLite JDBC catalog and warehouse in a temp directory, so tests
 * share the SparkSession but no tables. Silver is created from the schema module's definition.
 */
public final class TestLakehouse {
    public final String name;
    public final Path dir;
    public final CatalogConfig catalog;
    private final SparkSession spark = SharedSpark.get();

    public TestLakehouse(String name) {
        this(name, null);
    }

    /** A lakehouse whose JDBC catalog is at {@code jdbcUrl} (null: SQLite in the temp directory). */
    public TestLakehouse(String name, String jdbcUrl) {
        this(name, jdbcUrl, LakeTables.NO_PREFIX);
    }

    /** As {@link #TestLakehouse(String, String)}, with the layers' namespaces prefixed as on AWS. */
    public TestLakehouse(String name, String jdbcUrl, String namespacePrefix) {
        this.name = name;
        try {
            this.dir = Files.createTempDirectory("fluxo-jobs-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.catalog = new CatalogConfig(name, CatalogType.JDBC, dir.resolve("warehouse").toUri().toString(),
                Optional.of(jdbcUrl == null ? jdbcUrl(dir) : jdbcUrl),
                Optional.ofNullable(jdbcUrl == null ? null : "postgres"), Optional.ofNullable(jdbcUrl == null ? null : "postgres"), Optional.empty(), false,
                Optional.empty(), namespacePrefix);
        LakehouseSession.register(spark, catalog);
    }

    public static String jdbcUrl(Path dir) {
        // WAL: the test's idle catalog connections never block the job's commits (also from another JVM). Tests
        // never commit concurrently with the job: SQLite fails such commits (the benchmark uses PostgreSQL).
        return "jdbc:sqlite:" + dir.resolve("catalog.db") + "?journal_mode=WAL&busy_timeout=30000";
    }

    public TestLakehouse withSilver() {
        LakehouseSession.ensure(spark, catalog.tables(), GoldTables.SILVER_CHANGES);
        return this;
    }

    /** Appends the changes to silver as one snapshot. */
    public void append(List<Change> changes) {
        try {
            // the table's current schema: a test may have relaxed a column to write what the schema forbids
            spark.createDataFrame(changes.stream().map(Change::toSilverRow).toList(),
                            spark.table(table(GoldTables.SILVER_CHANGES)).schema())
                    .writeTo(table(GoldTables.SILVER_CHANGES)).append();
        } catch (NoSuchTableException e) {
            throw new IllegalStateException(e);
        }
    }

    public JobConfig config(String trigger, int maxFilesPerBatch) {
        return new JobConfig(catalog, dir.resolve("checkpoint").toString(), TriggerSpec.parse(trigger),
                Optional.empty(), maxFilesPerBatch, Optional.empty());
    }

    public String table(TableDefinition t) {
        return catalog.tables().qualifiedName(t);
    }

    public List<String> goldRows() {
        return spark.sql("SELECT id, nome, sexo, profissao, source_position FROM " + table(GoldTables.CUSTOMERS)
                        + " ORDER BY id").collectAsList().stream()
                .map(r -> r.get(0) + "|" + r.get(1) + "|" + r.get(2) + "|" + r.get(3) + "|" + r.get(4)).toList();
    }

    public List<String> aggregateRows() {
        return spark.sql("SELECT profissao, sexo, customers FROM " + table(GoldTables.BY_PROFISSAO)).collectAsList()
                .stream().map(TestLakehouse::join).sorted().toList();
    }

    private static String join(Row r) {
        return r.get(0) + "|" + r.get(1) + "|" + r.get(2);
    }

    public SparkSession spark() {
        return spark;
    }
}
