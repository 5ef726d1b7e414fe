package dev.fluxo.jobs.config;

import dev.fluxo.jobs.maintenance.MaintenanceConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobConfigTest {
    private static final String[] LOCAL = {"--catalog-type", "jdbc", "--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/lake",
            "--jdbc-user", "fluxo", "--warehouse", "s3://warehouse/", "--checkpoint", "/tmp/chk",
            "--s3-endpoint", "http://127.0.0.1:9000", "--s3-path-style"};

    @Test
    void everyMissingOrInvalidValueIsListedOnOneLine() {
        String[] args = {"--catalog-type", "hive", "--trigger", "sometimes", "--max-files-per-batch", "0",
                "--s3-endpoint", "localhost:9000", "--colour", "blue"};

        assertThatThrownBy(() -> JobConfig.read(args, Map.of()))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessage("invalid configuration: --catalog-type must be glue or jdbc, got 'hive'; "
                        + "--warehouse is required (table location root, e.g. s3://bucket/warehouse); "
                        + "--s3-endpoint must be an http(s) URL, got 'localhost:9000'; "
                        + "--checkpoint is required (streaming checkpoint location); "
                        + "--trigger must be processing-time:<duration> or available-now, got 'sometimes'; "
                        + "--max-files-per-batch must be a positive integer, got '0'; unknown option --colour")
                .message().doesNotContain("\n");
    }

    @Test
    void jdbcCatalogNeedsItsUrl() {
        assertThatThrownBy(() -> JobConfig.read(new String[]{"--catalog-type", "jdbc", "--warehouse", "file:/tmp/w",
                "--checkpoint", "/tmp/c"}, Map.of()))
                .hasMessage("invalid configuration: --jdbc-url is required for --catalog-type jdbc");
    }

    @Test
    void defaultsApplyAndTheEnvironmentStandsInForOptions() {
        JobConfig config = JobConfig.read(LOCAL, Map.of("FLUXO_JDBC_PASSWORD", "secret"));

        assertThat(config.trigger()).isEqualTo(TriggerSpec.parse(TriggerSpec.DEFAULT));
        assertThat(config.trigger().interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.maxFilesPerBatch()).isEqualTo(JobConfig.DEFAULT_MAX_FILES_PER_BATCH);
        assertThat(config.catalog().name()).isEqualTo(CatalogConfig.DEFAULT_NAME);
        assertThat(config.catalog().jdbcPassword()).contains("secret");
        assertThat(config.catalog().toString()).doesNotContain("secret");
        assertThat(config.streamFrom()).isEmpty();
        assertThat(config.metricsFile()).isEmpty();
    }

    @Test
    void jdbcCatalogWithS3ProxyMapsToIcebergCatalogProperties() {
        Map<String, String> p = JobConfig.read(LOCAL, Map.of("FLUXO_JDBC_PASSWORD", "secret")).catalog().sparkProperties();

        assertThat(p).containsEntry("spark.sql.catalog.lake", "org.apache.iceberg.spark.SparkCatalog")
                .containsEntry("spark.sql.catalog.lake.catalog-impl", "org.apache.iceberg.jdbc.JdbcCatalog")
                .containsEntry("spark.sql.catalog.lake.uri", "jdbc:postgresql://127.0.0.1:5432/lake")
                .containsEntry("spark.sql.catalog.lake.jdbc.user", "fluxo")
                .containsEntry("spark.sql.catalog.lake.jdbc.password", "secret")
                .containsEntry("spark.sql.catalog.lake.io-impl", CatalogConfig.RESOLVING_FILE_IO)
                .containsEntry("spark.sql.catalog.lake.s3.endpoint", "http://127.0.0.1:9000")
                .containsEntry("spark.sql.catalog.lake.s3.path-style-access", "true")
                .containsEntry("spark.sql.catalog.lake.warehouse", "s3://warehouse/");
    }

    @Test
    void glueCatalogOnEmrNeedsNoCredentialsAndRunsAvailableNow() {
        JobConfig config = JobConfig.read(new String[]{"--catalog-type=glue", "--warehouse=s3://lake-gold/warehouse",
                "--checkpoint=s3://lake-gold/checkpoints/gold", "--trigger=available-now",
                "--stream-from-timestamp=2026-11-01T00:00:00Z"}, Map.of());

        assertThat(config.trigger().availableNow()).isTrue();
        assertThat(config.streamFrom()).contains(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(config.catalog().sparkProperties())
                .containsEntry("spark.sql.catalog.lake.catalog-impl", "org.apache.iceberg.aws.glue.GlueCatalog")
                .containsEntry("spark.sql.catalog.lake.io-impl", CatalogConfig.RESOLVING_FILE_IO)
                .doesNotContainKey("spark.sql.catalog.lake.uri");
    }

    @Test
    void theNamespacePrefixNamesTheEnvironmentsGlueDatabasesAndIsValidated() {
        JobConfig config = JobConfig.read(new String[]{"--catalog-type=glue", "--warehouse=s3://lake-gold/",
                "--checkpoint=s3://lake-gold/c", "--namespace-prefix=fluxo_dev_"}, Map.of());
        assertThat(config.catalog().tables().qualifiedName(dev.fluxo.jobs.table.GoldTables.CUSTOMERS))
                .isEqualTo("lake.fluxo_dev_gold.customers");
        assertThat(config.catalog().tables().namespace(dev.fluxo.jobs.table.GoldTables.SILVER_CHANGES))
                .isEqualTo("lake.fluxo_dev_silver");

        assertThatThrownBy(() -> JobConfig.read(new String[]{"--catalog-type=glue", "--warehouse=s3://lake-gold/",
                "--checkpoint=s3://lake-gold/c", "--namespace-prefix=Fluxo-Dev"}, Map.of()))
                .hasMessageContaining("--namespace-prefix must be lower-case letters, digits and _");
    }

    @Test
    void maintenanceDefaultsCoverSilverAndGoldAndRetentionIsValidated() {
        MaintenanceConfig config = MaintenanceConfig.read(new String[]{"--catalog-type", "glue", "--warehouse",
                "s3://w"}, Map.of());
        assertThat(config.expireOlderThan()).isEqualTo(Arguments.parseDuration(MaintenanceConfig.DEFAULT_EXPIRE_OLDER_THAN));
        assertThat(config.retainLast()).isEqualTo(MaintenanceConfig.DEFAULT_RETAIN_LAST);
        assertThat(config.tables()).isEqualTo(MaintenanceConfig.DEFAULT_TABLES)
                .contains("silver.customers_changes", "gold.customers", "gold.customers_by_profissao");

        assertThatThrownBy(() -> MaintenanceConfig.read(new String[]{"--expire-older-than", "a week", "--retain-last",
                "-1"}, Map.of()))
                .hasMessage("invalid configuration: --catalog-type is required (glue or jdbc); "
                        + "--warehouse is required (table location root, e.g. s3://bucket/warehouse); "
                        + "--expire-older-than must be a duration like 500ms, 1s, 5m, 12h or 7d, got 'a week'; "
                        + "--retain-last must be a positive integer, got '-1'");
    }
}
