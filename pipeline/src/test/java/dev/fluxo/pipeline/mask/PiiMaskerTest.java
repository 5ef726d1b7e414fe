package dev.fluxo.pipeline.mask;

import dev.fluxo.pipeline.change.Customer;
import dev.fluxo.pipeline.change.CustomerChange;
import dev.fluxo.pipeline.change.Op;
import dev.fluxo.pipeline.change.SourcePosition;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
    void hashEqualsJavaxCryptoHmacForKeysAndValuesAcrossBlockBoundaries() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        for (int keyLength : new int[]{16, 32, 63, 64, 65, 131}) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            KeyedHash hash = new KeyedHash(MaskingKey.of(key));
            for (int length : new int[]{0, 1, 31, 55, 56, 63, 64, 65, 119, 120, 300}) {
                String value = "é" + "x".repeat(length);
                assertThat(hash.hash(value)).as("key %d bytes, value %d chars", keyLength, length).isEqualTo(
                        HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8))));
            }
        }
    }

    @Test
    void silverChangeHasItsStoredImageMaskedAndNoOtherImage() {
        PiiMasker masker = new PiiMasker(KEY, MaskingPolicy.defaults());
        Customer older = new Customer(1L, "Ana", "F", "Rua B", "+55 11 90000-0000", "old@example.com", null, "X",
                Instant.EPOCH);
        CustomerChange update = new CustomerChange(1L, Op.UPDATE, older, ROW, SourcePosition.offset(1), Instant.EPOCH, 1);
        CustomerChange delete = new CustomerChange(1L, Op.DELETE, older, null, SourcePosition.offset(2), Instant.EPOCH, 1);

        assertThat(masker.maskForSilver(update).before()).isNull();
        assertThat(masker.maskForSilver(update).image()).isEqualTo(masker.mask(ROW));
        assertThat(masker.maskForSilver(delete).image()).isEqualTo(masker.mask(older));
        assertThat(masker.maskForSilver(delete).image().email()).isEqualTo(masker.keyedHash().hash("old@example.com"));
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
