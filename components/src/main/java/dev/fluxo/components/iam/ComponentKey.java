package dev.fluxo.components.iam;

import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.fluxo.components.naming.ResourceTags;

import java.util.Map;
import java.util.Optional;

/**
 * The KMS key a component encrypts with: the one the caller gives, or a new customer-managed key with
 * rotation whose policy also lets CloudWatch Logs encrypt this account's log groups (every streaming
 * component writes logs).
 */
public final class ComponentKey {
    /** Days a deleted key waits before it is gone (the maximum: a mistaken delete can be undone). */
    public static final int DELETION_WINDOW_DAYS = 30;

    private ComponentKey() {
    }

    /** The given key's ARN, or the ARN of a key created as {@code <resourceName>} under {@code parent}. */
    public static Output<String> givenOrCreate(Optional<Output<String>> given, String resourceName, String description,
                                               Resource parent, AwsAccount account, Map<String, String> tags) {
        return given.orElseGet(() -> create(resourceName, description, KeyPolicies.accountKey(account, true), tags,
                CustomResourceOptions.builder().parent(parent).build()).arn());
    }

    /**
     * A customer-managed key as every Fluxo key is made: rotation on, {@value #DELETION_WINDOW_DAYS}-day deletion
     * window, the given policy, tagged with its name.
     */
    public static Key create(String resourceName, String description, PolicyDocument policy, Map<String, String> tags,
                             CustomResourceOptions options) {
        return new Key(resourceName, KeyArgs.builder()
                .description(description)
                .enableKeyRotation(true)
                .deletionWindowInDays(DELETION_WINDOW_DAYS)
                .policy(policy.toJson())
                .tags(ResourceTags.named(tags, resourceName))
                .build(), options);
    }
}
