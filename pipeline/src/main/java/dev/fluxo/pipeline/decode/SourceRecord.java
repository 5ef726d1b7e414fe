package dev.fluxo.pipeline.decode;

import dev.fluxo.pipeline.change.SourcePosition;

import java.util.Objects;
import java.util.Optional;

/**
 * One record as a stream delivered it: the input of {@link ChangeDecoder} and of the transform pipeline. Lambda handlers
 * and the local poller only adapt their events (Kafka, Kinesis) to this.
 *
 * @param key          the record key's bytes, or {@code null}
 * @param value        the record value's bytes; {@code null} or empty is a tombstone
 * @param coordinates  where the record was read, e.g. {@code topic/partition/offset} or {@code stream/shard/sequence};
 *                     stored with every bronze and dead-letter row
 * @param positionHint the stream's own position for envelopes that carry none (Kinesis sequence number for DMS, Kafka
 *                     offset for the JDBC source connector), or {@code null}
 */
public record SourceRecord(byte[] key, byte[] value, String coordinates, SourcePosition positionHint) {
    public SourceRecord {
        Objects.requireNonNull(coordinates, "coordinates");
    }

    /** A record without a position hint (Debezium envelopes carry their own LSN). */
    public static SourceRecord of(byte[] key, byte[] value, String coordinates) {
        return new SourceRecord(key, value, coordinates, null);
    }

    /** The position hint, if the adapter gave one. */
    public Optional<SourcePosition> hint() {
        return Optional.ofNullable(positionHint);
    }

    /** Size of the value in bytes (0 for a tombstone). */
    public int size() {
        return value == null ? 0 : value.length;
    }

    @Override
    public String toString() {
        return "SourceRecord[" + coordinates + ", " + size() + " bytes" + (positionHint == null ? "" : ", " + positionHint)
                + "]";
    }
}
