package dev.fluxo.pipeline.decode;

import dev.fluxo.schema.LakehouseTables;

import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * How decoders read records.
 *
 * @param maxPayloadBytes       records larger than this fail as "payload too large" without being parsed; default
 *                              {@link #DEFAULT_MAX_PAYLOAD_BYTES} (1 MiB)
 * @param bareTimestampUnit     the unit of numeric timestamps when the event carries no schema to say it; default
 *                              {@link #DEFAULT_BARE_TIMESTAMP_UNIT} (Debezium's {@code MicroTimestamp}, what PostgreSQL
 *                              {@code timestamp} columns become)
 * @param defaultSchemaVersion  the customer record version assumed when the envelope does not state one; default
 *                              {@link LakehouseTables#CUSTOMER_SCHEMA_VERSION}
 */
public record DecoderOptions(int maxPayloadBytes, ChronoUnit bareTimestampUnit, int defaultSchemaVersion) {
    /** Default payload limit: 1 MiB. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1 << 20;
    /** Default unit of schemaless numeric timestamps: microseconds. */
    public static final ChronoUnit DEFAULT_BARE_TIMESTAMP_UNIT = ChronoUnit.MICROS;

    public DecoderOptions {
        if (maxPayloadBytes <= 0) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive, got " + maxPayloadBytes);
        }
        Objects.requireNonNull(bareTimestampUnit, "bareTimestampUnit");
        if (bareTimestampUnit != ChronoUnit.MICROS && bareTimestampUnit != ChronoUnit.MILLIS
                && bareTimestampUnit != ChronoUnit.NANOS) {
            throw new IllegalArgumentException("bareTimestampUnit must be MILLIS, MICROS or NANOS, got " + bareTimestampUnit);
        }
    }

    /** Every option at its default. */
    public static DecoderOptions defaults() {
        return new DecoderOptions(DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_BARE_TIMESTAMP_UNIT,
                LakehouseTables.CUSTOMER_SCHEMA_VERSION);
    }

    public DecoderOptions withMaxPayloadBytes(int bytes) {
        return new DecoderOptions(bytes, bareTimestampUnit, defaultSchemaVersion);
    }

    public DecoderOptions withBareTimestampUnit(ChronoUnit unit) {
        return new DecoderOptions(maxPayloadBytes, unit, defaultSchemaVersion);
    }
}
