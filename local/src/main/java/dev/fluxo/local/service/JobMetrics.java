package dev.fluxo.local.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fluxo.transform.service.poll.LatencySamples;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Follows the job's metrics file (one JSON line per micro-batch, {@code fluxo.gold.batch}) from where it ended when
 * this run started: changes merged into gold and gold freshness (the batch's
 * {@code gold.customers} commit time minus the newest change's commit time in PostgreSQL).
 */
public final class JobMetrics {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private long offset;
    private long batches;
    private long rowsIn;
    private long merged;
    private Instant lastBatchFinished;
    private final LatencySamples goldFreshness = new LatencySamples();
    private final StringBuilder partial = new StringBuilder();

    /** Follows {@code file}, ignoring what earlier runs wrote. */
    public JobMetrics(Path file) {
        this.file = file;
        try {
            this.offset = Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            this.offset = 0;
        }
    }

    /** Reads the lines appended since the last call. */
    public synchronized void refresh() {
        if (!Files.exists(file)) {
            return;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return;
            }
            byte[] bytes = new byte[(int) (length - offset)];
            in.seek(offset);
            in.readFully(bytes);
            offset = length;
            partial.append(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return;
        }
        int nl;
        while ((nl = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, nl).trim();
            partial.delete(0, nl + 1);
            if (!line.isEmpty()) {
                apply(line);
            }
        }
    }

    private void apply(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            batches++;
            rowsIn += n.path("rows_in").asLong();
            merged += n.path("merged").asLong();
            lastBatchFinished = Instant.parse(n.path("finished_at").asText());
            if (n.path("rows_in").asLong() > 0 && n.path("freshness_ms").canConvertToLong()) {
                goldFreshness.add(n.path("freshness_ms").asLong());
            }
        } catch (IOException | RuntimeException e) {
            // a line being written or not ours: skip it
        }
    }

    public synchronized long batches() {
        return batches;
    }

    public synchronized long rowsIn() {
        return rowsIn;
    }

    public synchronized long merged() {
        return merged;
    }


    /** When the newest batch committed, or null before the first. */
    public synchronized Instant lastBatchFinished() {
        return lastBatchFinished;
    }

    public LatencySamples goldFreshness() {
        return goldFreshness;
    }
}
