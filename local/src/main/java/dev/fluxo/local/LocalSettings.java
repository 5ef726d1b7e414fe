package dev.fluxo.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What {@code local up} runs. Defaults are the constants below, which the command's help and the tests read.
 *
 * @param dir         the state directory ({@link LocalLayout#DEFAULT_DIR})
 * @param rate        changes per second the producer aims at ({@link #DEFAULT_RATE})
 * @param duration    how long to produce before draining, querying and stopping; {@code null}: until Ctrl-C
 * @param customers   customers the table holds before the changes start ({@link #DEFAULT_CUSTOMERS})
 * @param changes     stop producing after this many changes (0: no limit, {@link #DEFAULT_CHANGES})
 * @param batchSize   records per transform invocation at most
 * @param batchWindow how long a transform batch gathers records
 * @param sql         start the SQL engine and run the named queries ({@code true})
 */
public record LocalSettings(Path dir, double rate, Duration duration, long customers, long changes, int batchSize,
                            Duration batchWindow, boolean sql) {
    /** Default producer rate: 200 changes/s, comfortable on a 2-core laptop. */
    public static final double DEFAULT_RATE = 200;
    /** Default customers before the changes start. */
    public static final long DEFAULT_CUSTOMERS = 1_000;
    /** Default change limit: none. */
    public static final long DEFAULT_CHANGES = 0;

    public LocalSettings {
        if (!(rate > 0)) {
            throw new LocalException("--rate must be > 0 changes per second, got " + rate);
        }
        if (customers < 0 || changes < 0) {
            throw new LocalException("--customers and --changes must be >= 0");
        }
    }

    public LocalLayout layout() {
        return new LocalLayout(dir);
    }

    /** Parses {@code 2000}, {@code 2000/s}, {@code 2k/s} or {@code 120/m} into changes per second. */
    public static double parseRate(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        double per = 1;
        if (t.endsWith("/s")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("/m")) {
            t = t.substring(0, t.length() - 2);
            per = 60;
        }
        double factor = 1;
        if (t.endsWith("k")) {
            factor = 1000;
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Double.parseDouble(t) * factor / per;
        } catch (NumberFormatException e) {
            throw new LocalException("--rate must look like 2000/s, 2k/s or 120/m, got '" + text + "'");
        }
    }

    /** Parses {@code 500ms}, {@code 90s}, {@code 5m} or {@code 1h}. */
    public static Duration parseDuration(String text) {
        var m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h)").matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new LocalException("a duration looks like 90s, 5m or 1h, got '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }
}
