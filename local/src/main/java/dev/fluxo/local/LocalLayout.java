package dev.fluxo.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the local target keeps its state, all under one directory (default {@value #DEFAULT_DIR} in the working
 * directory), so that a second {@code local up} resumes and {@code local down --purge} removes everything:
 * <pre>
 *   postgres/               PostgreSQL 17 data directory (source table + the Iceberg JDBC catalog database)
 *   kafka/                  KRaft broker log directory
 *   debezium/offsets.dat    Debezium's source offsets (LSN)
 *   s3/lakehouse/           s3proxy's filesystem: the warehouse's Parquet and metadata files
 *   spark/checkpoint/       the streaming job's checkpoint
 *   spark/metrics.jsonl     one JSON line per job micro-batch
 *   trino/                  Trino's etc/ and data/ (the server itself is cached in ~/.cache/fluxo)
 *   logs/                   fluxo-local.log, gold-job.log, trino.log
 *   masking.key             the keyed hash's secret for silver's PII columns (random, made on the first run)
 *   ports.properties        the ports chosen on the first run, reused while free
 *   fluxo-local.pid         pid of the running {@code local up} (absent when stopped)
 * </pre>
 */
public record LocalLayout(Path root) {
    /** Default state directory, relative to the working directory. */
    public static final String DEFAULT_DIR = ".fluxo";

    public LocalLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path postgres() {
        return root.resolve("postgres");
    }

    public Path kafka() {
        return root.resolve("kafka");
    }

    public Path debeziumOffsets() {
        return root.resolve("debezium").resolve("offsets.dat");
    }

    public Path s3() {
        return root.resolve("s3");
    }

    public Path checkpoint() {
        return root.resolve("spark").resolve("checkpoint");
    }

    public Path jobMetrics() {
        return root.resolve("spark").resolve("metrics.jsonl");
    }

    public Path trino() {
        return root.resolve("trino");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path maskingKey() {
        return root.resolve("masking.key");
    }

    public Path ports() {
        return root.resolve("ports.properties");
    }

    public Path pidFile() {
        return root.resolve("fluxo-local.pid");
    }

    /** Pids of the child processes (PostgreSQL, the job, Trino) of the last {@code up}, to stop orphans. */
    public Path childPids() {
        return root.resolve("children.pids");
    }

    /** Creates the directories that must exist before the services start. */
    public LocalLayout create() {
        try {
            for (Path p : new Path[]{root, kafka(), debeziumOffsets().getParent(), s3(), checkpoint().getParent(),
                    trino(), logs()}) {
                Files.createDirectories(p);
            }
        } catch (IOException e) {
            throw new LocalException("cannot create the state directory " + root + ": " + e.getMessage());
        }
        return this;
    }

    /** Whether a previous run left state here. */
    public boolean exists() {
        return Files.isDirectory(postgres());
    }
}
