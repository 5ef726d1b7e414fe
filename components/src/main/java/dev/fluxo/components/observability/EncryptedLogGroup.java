package dev.fluxo.components.observability;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.fluxo.components.naming.ResourceTags;

import java.util.Map;

/** A CloudWatch log group that expires its events and is encrypted with a KMS key (the policy rules require both). */
public final class EncryptedLogGroup {
    private EncryptedLogGroup() {
    }

    /**
     * @param resourceName  the Pulumi name
     * @param logGroupName  the CloudWatch name, e.g. {@code /fluxo/dev/stream/msk-brokers}
     * @param retentionDays a value CloudWatch accepts (see {@link dev.fluxo.components.network.LogRetention})
     * @param keyArn        the KMS key; its policy must let the logs service use it
     */
    public static LogGroup create(String resourceName, String logGroupName, int retentionDays, Output<String> keyArn,
                                  Map<String, String> tags, Resource parent) {
        return new LogGroup(resourceName, LogGroupArgs.builder()
                .name(logGroupName)
                .retentionInDays(retentionDays)
                .kmsKeyId(keyArn)
                .tags(ResourceTags.named(tags, resourceName))
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }
}
