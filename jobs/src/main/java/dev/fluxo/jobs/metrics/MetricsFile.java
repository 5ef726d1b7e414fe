package dev.fluxo.jobs.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends each batch's metrics as one JSON line to a local file, so another process (the local target) can follow
 * the job's progress without parsing logs.
 */
public final class MetricsFile implements BatchMetricsListener {
    private final Path file;

    public MetricsFile(Path file) {
        this.file = file;
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory of metrics file " + file, e);
        }
    }

    @Override
    public void onBatch(BatchMetrics metrics) {
        try {
            Files.writeString(file, metrics.toJson() + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to metrics file " + file, e);
        }
    }
}
