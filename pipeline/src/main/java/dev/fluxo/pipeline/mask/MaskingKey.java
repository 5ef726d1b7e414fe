package dev.fluxo.pipeline.mask;

import java.util.Objects;

/**
 * The secret key of the keyed hash that replaces PII in silver. Where it comes from (Secrets Manager, a local file) is
 * the caller's concern; this type only holds it and never shows it: {@link #toString()} prints no key material.
 */
public final class MaskingKey {
    /** Shortest key accepted: 16 bytes (128 bits). HMAC-SHA256 keys of 32 random bytes are the usual choice. */
    public static final int MIN_LENGTH = 16;

    private final byte[] bytes;

    private MaskingKey(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A key from raw bytes (copied). */
    public static MaskingKey of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length < MIN_LENGTH) {
            throw new IllegalArgumentException("a masking key needs at least " + MIN_LENGTH + " bytes, got " + bytes.length);
        }
        return new MaskingKey(bytes.clone());
    }

    byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "MaskingKey[redacted]";
    }
}
