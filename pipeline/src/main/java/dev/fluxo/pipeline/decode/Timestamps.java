package dev.fluxo.pipeline.decode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the timestamp encodings CDC envelopes use. PostgreSQL {@code timestamp} (without time zone) values are taken
 * as UTC, which is how the producer writes them.
 */
final class Timestamps {
    static final String MICRO_TIMESTAMP = "io.debezium.time.MicroTimestamp";
    static final String MILLI_TIMESTAMP = "io.debezium.time.Timestamp";
    static final String NANO_TIMESTAMP = "io.debezium.time.NanoTimestamp";
    static final String ZONED_TIMESTAMP = "io.debezium.time.ZonedTimestamp";
    static final String CONNECT_TIMESTAMP = "org.apache.kafka.connect.data.Timestamp";

    /** {@code 2026-11-23T10:15:30.123456Z}, {@code 2026-11-23 10:15:30.123456}, {@code ...+02:00}: all accepted. */
    private static final DateTimeFormatter TEXT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHmm", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    private Timestamps() {
    }

    /** The unit a numeric value has under a Kafka Connect logical type name; {@code null} if the name says nothing. */
    static ChronoUnit unitOf(String logicalName) {
        if (logicalName == null) {
            return null;
        }
        return switch (logicalName) {
            case MICRO_TIMESTAMP -> ChronoUnit.MICROS;
            case MILLI_TIMESTAMP, CONNECT_TIMESTAMP -> ChronoUnit.MILLIS;
            case NANO_TIMESTAMP -> ChronoUnit.NANOS;
            default -> null;
        };
    }

    static Instant fromNumber(long value, ChronoUnit unit) {
        return switch (unit) {
            case MILLIS -> Instant.ofEpochMilli(value);
            case MICROS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1_000L);
            case NANOS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
            default -> throw new IllegalArgumentException("unsupported timestamp unit " + unit);
        };
    }

    static Instant fromText(String column, String text) throws MalformedRecord {
        try {
            TemporalAccessor parsed = TEXT.parseBest(text.trim(), OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime odt ? odt.toInstant() : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            throw new MalformedRecord(column + ": not a timestamp: '" + abbreviate(text) + "'");
        }
    }

    /** A raw value read from JSON (a Long or a String) as an instant. */
    static Instant fromRaw(String column, Object raw, ChronoUnit numericUnit) throws MalformedRecord {
        if (raw == null) {
            return null;
        }
        if (raw instanceof Long number) {
            return fromNumber(number, numericUnit);
        }
        return fromText(column, (String) raw);
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
