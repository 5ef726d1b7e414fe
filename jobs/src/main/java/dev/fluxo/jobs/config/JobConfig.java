package dev.fluxo.jobs.config;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Configuration of the streaming job, from arguments and environment (see {@link Arguments} for the syntax).
 *
 * <p>Options besides the catalog's ({@link CatalogConfig}): {@code --checkpoint} (required; S3 on EMR, a local
 * directory locally); {@code --trigger} (default {@value TriggerSpec#DEFAULT}; or {@code available-now});
 * {@code --stream-from-timestamp} (ISO-8601 instant or epoch millis; default: the first silver snapshot; only read
 * when the checkpoint is new); {@code --max-files-per-batch} (default {@value #DEFAULT_MAX_FILES_PER_BATCH}, i.e.
 * no limit); {@code --metrics-file} (default none: a JSON line per batch is appended there besides the log).
 */
public record JobConfig(CatalogConfig catalog, String checkpoint, TriggerSpec trigger, Optional<Instant> streamFrom,
                        int maxFilesPerBatch, Optional<Path> metricsFile) {
    /** Default cap on silver data files per micro-batch: none. */
    public static final int DEFAULT_MAX_FILES_PER_BATCH = Integer.MAX_VALUE;
    /** Options that take no value. */
    public static final Set<String> FLAGS = Set.of("s3-path-style");

    /** Reads and validates everything; throws {@link InvalidConfigException} listing all problems. */
    public static JobConfig read(String[] args, Map<String, String> env) {
        Arguments a = new Arguments(args, env, FLAGS);
        CatalogConfig catalog = CatalogConfig.read(a);
        Optional<String> checkpoint = a.required("checkpoint", "streaming checkpoint location");
        TriggerSpec trigger = a.parsed("trigger", TriggerSpec::parse, "processing-time:<duration> or available-now")
                .orElse(TriggerSpec.parse(TriggerSpec.DEFAULT));
        Optional<Instant> from = a.parsed("stream-from-timestamp", JobConfig::instant,
                "an ISO-8601 instant or epoch milliseconds");
        int maxFiles = a.positiveInt("max-files-per-batch", DEFAULT_MAX_FILES_PER_BATCH);
        Optional<Path> metricsFile = a.optional("metrics-file").map(Path::of);
        a.done();
        return new JobConfig(catalog, checkpoint.orElseThrow(), trigger, from, maxFiles, metricsFile);
    }

    private static Instant instant(String text) {
        if (text.matches("\\d+")) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
