package dev.fluxo.jobs;

import dev.fluxo.jobs.config.InvalidConfigException;
import dev.fluxo.jobs.maintenance.MaintenanceConfig;
import dev.fluxo.jobs.maintenance.TableMaintenance;
import dev.fluxo.jobs.session.LakehouseSession;
import org.apache.spark.sql.SparkSession;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Table maintenance, in the same jar as the streaming job ({@code spark-submit --class dev.fluxo.jobs.Maintenance
 * fluxo-jobs.jar ...}, e.g. daily): compacts small files and expires old snapshots of silver and gold. Options: see
 * {@link MaintenanceConfig}. Tables that do not exist yet are skipped. Exit codes as {@link StreamingJob}.
 */
public final class Maintenance {
    /** Spark application name. */
    public static final String APP_NAME = "fluxo-maintenance";

    private Maintenance() {
    }

    public static void main(String[] args) {
        MaintenanceConfig config;
        try {
            config = MaintenanceConfig.read(args, System.getenv());
        } catch (InvalidConfigException e) {
            System.err.println(e.getMessage());
            System.exit(StreamingJob.EXIT_CONFIG);
            return;
        }
        SparkSession spark = LakehouseSession.create(APP_NAME);
        int code = 0;
        try {
            run(spark, config, Clock.systemUTC()).forEach(r -> System.out.println(r.toJson()));
        } catch (RuntimeException e) {
            System.err.println("fluxo-maintenance failed: " + StreamingJob.rootMessage(e));
            code = StreamingJob.EXIT_FAILED;
        } finally {
            spark.stop();
        }
        System.exit(code);
    }

    /** Maintains every configured table that exists; returns what was done per table. */
    public static List<TableMaintenance.Result> run(SparkSession spark, MaintenanceConfig config, Clock clock) {
        LakehouseSession.register(spark, config.catalog());
        String catalog = config.catalog().name();
        String prefix = config.catalog().namespacePrefix();
        Instant expireBefore = clock.instant().minus(config.expireOlderThan());
        List<TableMaintenance.Result> results = new ArrayList<>();
        for (String table : config.tables().stream().map(t -> prefix + t).toList()) {
            if (!spark.catalog().tableExists(catalog + "." + table)) {
                System.err.println("fluxo-maintenance: skipping " + catalog + "." + table + ": no such table");
                continue;
            }
            results.add(TableMaintenance.run(spark, catalog, table, expireBefore, config.retainLast(),
                    config.minInputFiles()));
        }
        return results;
    }
}
