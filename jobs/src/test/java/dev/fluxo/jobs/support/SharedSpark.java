package dev.fluxo.jobs.support;

import dev.fluxo.jobs.session.LakehouseSession;
import org.apache.spark.sql.SparkSession;

/** The one local[2] SparkSession all tests of the module share (starting Spark costs seconds). */
public final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {
    }

    public static synchronized SparkSession get() {
        if (session == null) {
            SparkSession.Builder b = SparkSession.builder().master("local[2]").appName("fluxo-jobs-tests")
                    .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2");
            LakehouseSession.SETTINGS.forEach(b::config);
            session = b.getOrCreate();
            session.sparkContext().setLogLevel("WARN");
        }
        return session;
    }
}
