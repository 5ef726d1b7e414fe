package dev.fluxo.pipeline.mask;

import dev.fluxo.pipeline.change.Customer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PiiMaskerTest {
    private static final MaskingKey KEY = MaskingKey.of("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
    private static final MaskingKey OTHER = MaskingKey.of("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8));
    private static final Customer ROW = new Customer(1L, "Ana Souza", "F", "Rua A", "+55 11 91234-5678",
            "ana@example.com", "https://img/1.png", "Engenheira", Instant.EPOCH);

    @Test
    void hashIsHmacSha256Hex() {
        // RFC 4231, test case 1
        byte[] key = new byte[20];
        Arrays.fill(key, (byte) 0x0b);
        assertThat(new KeyedHash(MaskingKey.of(key)).hash("Hi There"))
                .isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    }

    @Test
    void sameValueAndKeyGiveTheSameHashAnotherKeyAnother() {
        assertThat(new KeyedHash(KEY).hash("ana@example.com")).isEqualTo(new KeyedHash(KEY).hash("ana@example.com"))
                .isNotEqualTo(new KeyedHash(OTHER).hash("ana@example.com"))
                .isNotEqualTo(new KeyedHash(KEY).hash("ana@example.org"));
        assertThat(new KeyedHash(KEY).hash(null)).isNull();
    }

    @Test
    void keyedHashColumnsAreHashedOthersKept() {
        Customer masked = new PiiMasker(KEY, MaskingPolicy.defaults()).mask(ROW);
        KeyedHash hash = new KeyedHash(KEY);
        assertThat(masked).isEqualTo(new Customer(1L, null, "F", "Rua A", hash.hash(ROW.telefone()),
                hash.hash(ROW.email()), "https://img/1.png", "Engenheira", Instant.EPOCH));
    }

    @Test
    void nomeIsKeptOnlyWhenThePolicyAllows() {
        assertThat(MaskingPolicy.defaults().keepAllowedPii()).isEqualTo(MaskingPolicy.DEFAULT_KEEP_ALLOWED_PII).isFalse();
        assertThat(new PiiMasker(KEY, MaskingPolicy.defaults()).mask(ROW).nome()).isNull();
        assertThat(new PiiMasker(KEY, new MaskingPolicy(true)).mask(ROW).nome()).isEqualTo("Ana Souza");
    }

    @Test
    void keyNeverPrintsAndMustBeLongEnough() {
        byte[] secret = "supersecretvalue-1234".getBytes(StandardCharsets.UTF_8);
        assertThat(MaskingKey.of(secret).toString()).doesNotContain("supersecret").isEqualTo("MaskingKey[redacted]");
        assertThat(new PiiMasker(MaskingKey.of(secret), MaskingPolicy.defaults()).keyedHash().toString())
                .doesNotContain("supersecret");
        assertThatThrownBy(() -> MaskingKey.of(new byte[MaskingKey.MIN_LENGTH - 1]))
                .hasMessage("a masking key needs at least 16 bytes, got 15");
    }
}
