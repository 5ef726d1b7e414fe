package dev.fluxo.stacks;

import com.pulumi.Config;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.aws.secretsmanager.SecretsmanagerFunctions;
import com.pulumi.aws.secretsmanager.inputs.GetRandomPasswordArgs;
import com.pulumi.aws.secretsmanager.outputs.GetRandomPasswordResult;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import dev.fluxo.stacks.config.StackSpecParser;
import dev.fluxo.stacks.spec.StackSpec;

import java.util.List;

/**
 * The key silver's PII masking hashes with, kept in Secrets Manager. It comes from the stack's secret config
 * ({@code fluxo:maskingKey}) or is generated once: later updates ignore the generated value, so hashes stay stable.
 */
final class MaskingKey {
    /** Length of a generated key. */
    static final int GENERATED_LENGTH = 64;

    final Output<String> secretArn;

    MaskingKey(StackSpec spec) {
        var secret = new Secret("masking-key", SecretArgs.builder()
                .namePrefix(spec.project() + "/" + spec.stack() + "/masking-key-")
                .description("HMAC key for PII masking in silver; rotating it changes every masked value")
                .recoveryWindowInDays(spec.environment().isProd() ? 30 : 7)
                .tags(spec.tags())
                .build());
        Output<String> value;
        var options = CustomResourceOptions.builder().parent(secret);
        if (spec.maskingKeyConfigured()) {
            value = Config.of(StackSpecParser.NAMESPACE).requireSecret("maskingKey");
        } else {
            value = SecretsmanagerFunctions.getRandomPassword(GetRandomPasswordArgs.builder()
                            .passwordLength(GENERATED_LENGTH).excludePunctuation(true).build())
                    .applyValue(GetRandomPasswordResult::randomPassword).asSecret();
            options.ignoreChanges(List.of("secretString"));
        }
        new SecretVersion("masking-key", SecretVersionArgs.builder()
                .secretId(secret.id())
                .secretString(value)
                .build(), options.build());
        this.secretArn = secret.arn();
    }
}
