package dev.fluxo.pipeline.change;

import dev.fluxo.schema.ChangeColumns;

import java.math.BigInteger;
import java.util.Objects;

/**
 * Where a change sits in its source, the key to replay-safe merges: a change is applied only if its position is newer.
 * {@link #rendered()} is the order-preserving text stored in {@link ChangeColumns#SOURCE_POSITION}: zero-padded
 * decimal, {@value #LSN_DIGITS} digits for a PostgreSQL LSN or a Kafka offset, {@value #SEQUENCE_DIGITS} for a
 * Kinesis sequence number, so comparing the strings compares the positions.
 *
 * @param kind  what the number counts
 * @param value the position, never negative
 * @param txId  the source transaction id when the source reports one, else {@code null}
 */
public record SourcePosition(Kind kind, BigInteger value, Long txId) implements Comparable<SourcePosition> {
    /** Width of a rendered LSN or Kafka offset: an unsigned 64-bit number has at most 20 digits. */
    public static final int LSN_DIGITS = 20;
    /** Width of a rendered Kinesis (or DMS-to-Kinesis) sequence number, which has up to 56 digits today. */
    public static final int SEQUENCE_DIGITS = 64;

    /** What a position counts. Positions of different kinds come from different sources and are ordered by kind. */
    public enum Kind {
        /** PostgreSQL log sequence number (Debezium's {@code source.lsn}). */
        LSN(LSN_DIGITS),
        /** Kafka partition offset (Kafka Connect sources without a log position, e.g. the JDBC source). */
        OFFSET(LSN_DIGITS),
        /** Kinesis sequence number. */
        SEQUENCE(SEQUENCE_DIGITS);

        private final int digits;
        /** 10^digits: the first value too wide to render. */
        private final BigInteger limit;

        Kind(int digits) {
            this.digits = digits;
            this.limit = BigInteger.TEN.pow(digits);
        }

        public int digits() {
            return digits;
        }
    }

    /** {@code ZEROS[n]} is n zeros, the padding of a rendered position. */
    private static final String[] ZEROS = zeros(SEQUENCE_DIGITS);
    private static final BigInteger UNSIGNED_LONG_MASK = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    public SourcePosition {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("a source position is never negative: " + value);
        }
        if (value.compareTo(kind.limit) >= 0) {
            throw new IllegalArgumentException(kind + " position has more than " + kind.digits + " digits: " + value);
        }
    }

    /** A PostgreSQL LSN, read as unsigned 64 bits (Debezium reports it as a JSON number). */
    public static SourcePosition lsn(long lsn, Long txId) {
        BigInteger value = BigInteger.valueOf(lsn);
        return new SourcePosition(Kind.LSN, lsn >= 0 ? value : value.and(UNSIGNED_LONG_MASK), txId);
    }

    /** A Kafka offset. */
    public static SourcePosition offset(long offset) {
        return new SourcePosition(Kind.OFFSET, BigInteger.valueOf(offset), null);
    }

    /** A Kinesis sequence number as the service reports it (decimal digits). */
    public static SourcePosition sequence(String sequenceNumber) {
        Objects.requireNonNull(sequenceNumber, "sequenceNumber");
        if (sequenceNumber.isEmpty() || !sequenceNumber.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("a sequence number is decimal digits, got '" + sequenceNumber + "'");
        }
        return new SourcePosition(Kind.SEQUENCE, new BigInteger(sequenceNumber), null);
    }

    /** The same position with a transaction id. */
    public SourcePosition withTxId(Long transactionId) {
        return new SourcePosition(kind, value, transactionId);
    }

    /** The zero-padded text stored in {@code source_position}. */
    public String rendered() {
        // written once per bronze and silver row: every LSN and offset below 2^63 skips BigInteger's toString
        String digits = value.bitLength() < Long.SIZE ? Long.toString(value.longValue()) : value.toString();
        return ZEROS[kind.digits - digits.length()].concat(digits);
    }

    private static String[] zeros(int max) {
        String[] zeros = new String[max + 1];
        for (int n = 0; n <= max; n++) {
            zeros[n] = "0".repeat(n);
        }
        return zeros;
    }

    @Override
    public int compareTo(SourcePosition other) {
        int byKind = kind.compareTo(other.kind);
        return byKind != 0 ? byKind : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return kind + ":" + rendered() + (txId == null ? "" : " tx " + txId);
    }
}
