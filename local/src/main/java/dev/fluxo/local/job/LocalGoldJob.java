package dev.fluxo.local.job;

import dev.fluxo.jobs.StreamingJob;
import dev.fluxo.jobs.config.InvalidConfigException;
import dev.fluxo.jobs.config.JobConfig;

import java.lang.reflect.Method;
import java.util.Map;

/**
 * Runs {@link StreamingJob} in the job's own JVM with one local difference: the Iceberg catalog's FileIO is
 * {@code ResolvingFileIO} instead of {@code S3FileIO}. Iceberg's streaming source writes its initial offset through
 * the table's FileIO into the checkpoint; on EMR the checkpoint is on S3, locally it is a directory, which S3FileIO
 * cannot write. ResolvingFileIO sends {@code s3://} (the warehouse) to S3FileIO with the same settings and
 * {@code file:} (the checkpoint) to HadoopFileIO. The catalog is loaded once with that FileIO before the job starts;
 * Spark keeps the loaded catalog for the session, so the job's own registration does not replace it.
 *
 * <p>Only JDK and {@code dev.fluxo.jobs} types appear here: this class runs on the job's classpath (Spark, no Kafka
 * 4), never in the local target's JVM. Spark is reached through reflection because it is not on this module's
 * classpath.
 */
public final class LocalGoldJob {
    /** Iceberg's FileIO that picks an implementation per URI scheme. */
    public static final String RESOLVING_FILE_IO = "org.apache.iceberg.io.ResolvingFileIO";

    private LocalGoldJob() {
    }

    public static void main(String[] args) throws Exception {
        JobConfig config;
        try {
            config = JobConfig.read(args, System.getenv());
        } catch (InvalidConfigException e) {
            System.err.println(e.getMessage());
            System.exit(StreamingJob.EXIT_CONFIG);
            return;
        }
        Object spark = Class.forName("dev.fluxo.jobs.session.LakehouseSession").getMethod("create", String.class)
                .invoke(null, StreamingJob.APP_NAME);
        Object conf = spark.getClass().getMethod("conf").invoke(spark);
        Method set = conf.getClass().getMethod("set", String.class, String.class);
        String prefix = "spark.sql.catalog." + config.catalog().name();
        for (Map.Entry<String, String> e : config.catalog().sparkProperties().entrySet()) {
            set.invoke(conf, e.getKey(), e.getKey().equals(prefix + ".io-impl") ? RESOLVING_FILE_IO : e.getValue());
        }
        // load the catalog now, with ResolvingFileIO
        spark.getClass().getMethod("sql", String.class).invoke(spark, "SHOW NAMESPACES IN " + config.catalog().name());
        System.exit(StreamingJob.run(config));
    }
}
