package dev.fluxo.pipeline.mask;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * HMAC-SHA256 of a value's UTF-8 bytes, as 64 lower-case hex characters. Deterministic: the same value and key always
 * give the same hash, so masked columns still join, and a test can hash the source's value to compare with silver
 * (hash the value as silver stores it before masking: trimmed, blank as {@code null}). Thread-safe.
 */
public final class KeyedHash {
    static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    public KeyedHash(MaskingKey key) {
        this.key = new SecretKeySpec(key.bytes(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The hex HMAC-SHA256 of {@code value}; {@code null} stays {@code null}. */
    public String hash(String value) {
        if (value == null) {
            return null;
        }
        Mac mac = macs.get();
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot compute " + ALGORITHM, e);
        }
    }

    @Override
    public String toString() {
        return "KeyedHash[" + ALGORITHM + "]";
    }
}
