package dev.fluxo.components.lakehouse;

import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.aws.secretsmanager.SecretsmanagerFunctions;
import com.pulumi.aws.secretsmanager.inputs.GetRandomPasswordArgs;
import com.pulumi.aws.secretsmanager.outputs.GetRandomPasswordResult;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.fluxo.components.naming.ResourceTags;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HMAC key silver's PII masking hashes with, in Secrets Manager. It is the given secret value, or generated once
 * by Secrets Manager ({@code getRandomPassword}) and then kept: later deployments ignore the generated value, so
 * masked values stay stable. Rotating it changes every masked value.
 */
public final class MaskingKey {
    /** Length of a generated key. */
    public static final int GENERATED_LENGTH = 64;

    private MaskingKey() {
    }

    /** Creates the secret (encrypted with {@code keyArn}) and its value; returns the secret's ARN. */
    public static Output<String> create(String name, String secretNamePrefix, Optional<Output<String>> given,
                                        Output<String> keyArn, int recoveryWindowDays, Map<String, String> tags,
                                        Resource parent) {
        var secret = new Secret(name, SecretArgs.builder()
                .namePrefix(secretNamePrefix)
                .description("HMAC key for PII masking in silver; rotating it changes every masked value")
                .kmsKeyId(keyArn)
                .recoveryWindowInDays(recoveryWindowDays)
                .tags(ResourceTags.named(tags, name))
                .build(), CustomResourceOptions.builder().parent(parent).build());
        var options = CustomResourceOptions.builder().parent(parent);
        Output<String> value;
        if (given.isPresent()) {
            value = given.get().asSecret();
        } else {
            value = SecretsmanagerFunctions.getRandomPassword(GetRandomPasswordArgs.builder()
                            .passwordLength(GENERATED_LENGTH).excludePunctuation(true).build(),
                    InvokeOptions.builder().parent(parent).build())
                    .applyValue(GetRandomPasswordResult::randomPassword).asSecret();
            options.ignoreChanges(List.of("secretString"));
        }
        new SecretVersion(name + "-value", SecretVersionArgs.builder()
                .secretId(secret.id())
                .secretString(value)
                .build(), options.build());
        return secret.arn();
    }
}
