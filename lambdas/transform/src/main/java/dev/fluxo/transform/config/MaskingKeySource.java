package dev.fluxo.transform.config;

import dev.fluxo.pipeline.mask.MaskingKey;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Where the masking key comes from: a Secrets Manager secret (its binary value as is, else its string value as UTF-8
 * bytes), or a literal for local runs. The key is read once per Lambda instance, at init: it must not change while
 * tables hold its hashes. Nothing here prints key material; errors name the secret only.
 */
public sealed interface MaskingKeySource {
    /** Reads the key; {@code secrets} is only used (and may only be {@code null} otherwise) for a secret. */
    MaskingKey read(SecretsManagerClient secrets);

    /** Whether reading needs a Secrets Manager client. */
    boolean needsSecretsManager();

    static MaskingKeySource secret(String secretArn) {
        return new Secret(secretArn);
    }

    static MaskingKeySource literal(String key) {
        return new Literal(key);
    }

    /** The key held in a Secrets Manager secret. */
    record Secret(String secretArn) implements MaskingKeySource {
        public Secret {
            Objects.requireNonNull(secretArn, "secretArn");
        }

        /** The request sent: {@code GetSecretValue} of the current version. */
        public GetSecretValueRequest request() {
            return GetSecretValueRequest.builder().secretId(secretArn).build();
        }

        @Override
        public MaskingKey read(SecretsManagerClient secrets) {
            Objects.requireNonNull(secrets, "a Secrets Manager client is needed to read " + secretArn);
            GetSecretValueResponse response = secrets.getSecretValue(request());
            SdkBytes binary = response.secretBinary();
            byte[] bytes = binary != null ? binary.asByteArray()
                    : response.secretString() == null ? new byte[0]
                    : response.secretString().getBytes(StandardCharsets.UTF_8);
            try {
                return MaskingKey.of(bytes);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("the masking key in secret " + secretArn + " is unusable: "
                        + e.getMessage(), e);
            }
        }

        @Override
        public boolean needsSecretsManager() {
            return true;
        }
    }

    /** A key given directly (local runs). */
    final class Literal implements MaskingKeySource {
        private final byte[] key;

        private Literal(String key) {
            this.key = key.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public MaskingKey read(SecretsManagerClient secrets) {
            try {
                return MaskingKey.of(key);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(TransformSettings.MASKING_KEY + " is unusable: " + e.getMessage(), e);
            }
        }

        @Override
        public boolean needsSecretsManager() {
            return false;
        }

        @Override
        public String toString() {
            return "Literal[redacted]";
        }
    }
}
