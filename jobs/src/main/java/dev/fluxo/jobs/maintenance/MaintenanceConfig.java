package dev.fluxo.jobs.maintenance;

import dev.fluxo.jobs.config.Arguments;
import dev.fluxo.jobs.config.CatalogConfig;
import dev.fluxo.jobs.config.JobConfig;
import dev.fluxo.jobs.table.GoldTables;
import dev.fluxo.schema.TableDefinition;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Configuration of {@link dev.fluxo.jobs.Maintenance}: the catalog options ({@link CatalogConfig}) plus
 * {@code --expire-older-than} (default {@value #DEFAULT_EXPIRE_OLDER_THAN}), {@code --retain-last} (default
 * {@value #DEFAULT_RETAIN_LAST} snapshots kept whatever their age), {@code --min-input-files} (default
 * {@value #DEFAULT_MIN_INPUT_FILES}: a file group is compacted only from this many files) and {@code --tables}
 * (default {@link #DEFAULT_TABLES}, comma separated {@code layer.name}).
 *
 * <p>Keep the retention of silver longer than the streaming job can lag behind: the job cannot resume from a
 * snapshot that was expired.
 */
public record MaintenanceConfig(CatalogConfig catalog, Duration expireOlderThan, int retainLast, int minInputFiles,
                                List<String> tables) {
    public static final String DEFAULT_EXPIRE_OLDER_THAN = "7d";
    public static final int DEFAULT_RETAIN_LAST = 5;
    public static final int DEFAULT_MIN_INPUT_FILES = 5;
    /** Silver and every gold table of the job. */
    public static final List<String> DEFAULT_TABLES = java.util.stream.Stream.concat(
                    java.util.stream.Stream.of(GoldTables.SILVER_CHANGES), GoldTables.OWNED.stream())
            .map(TableDefinition::qualifiedName).toList();

    public MaintenanceConfig {
        tables = List.copyOf(tables);
    }

    /** Reads and validates everything; throws {@link dev.fluxo.jobs.config.InvalidConfigException} listing all problems. */
    public static MaintenanceConfig read(String[] args, Map<String, String> env) {
        Arguments a = new Arguments(args, env, JobConfig.FLAGS);
        CatalogConfig catalog = CatalogConfig.read(a);
        Duration olderThan = a.duration("expire-older-than")
                .orElse(Arguments.parseDuration(DEFAULT_EXPIRE_OLDER_THAN));
        int retainLast = a.positiveInt("retain-last", DEFAULT_RETAIN_LAST);
        int minInputFiles = a.positiveInt("min-input-files", DEFAULT_MIN_INPUT_FILES);
        List<String> tables = a.optional("tables")
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList())
                .orElse(DEFAULT_TABLES);
        for (String t : tables) {
            if (!t.matches("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*")) {
                a.problem("--tables entries must be layer.name, got '" + t + "'");
            }
        }
        a.done();
        return new MaintenanceConfig(catalog, olderThan, retainLast, minInputFiles, tables);
    }
}
