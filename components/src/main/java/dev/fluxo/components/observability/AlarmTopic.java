package dev.fluxo.components.observability;

import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.fluxo.components.iam.AwsAccount;
import dev.fluxo.components.iam.ComponentKey;
import dev.fluxo.components.iam.PolicyDocument;
import dev.fluxo.components.iam.PolicyStatement;
import dev.fluxo.components.naming.ResourceTags;

import java.util.Map;
import java.util.Optional;

/**
 * The one SNS topic every alarm of a stack notifies. It is encrypted with its own KMS key because CloudWatch and
 * EventBridge cannot publish to a topic encrypted with the AWS-managed {@code aws/sns} key: the key policy lets both
 * services use it, and the topic policy lets both publish, for this account only.
 */
public final class AlarmTopic {
    /** Services that publish alarms and events to the topic. */
    public static final String[] PUBLISHERS = {"cloudwatch.amazonaws.com", "events.amazonaws.com"};

    private AlarmTopic() {
    }

    /** Creates the key, the topic, its policy and (optionally) an e-mail subscription; returns the topic ARN. */
    public static Output<String> create(String name, String topicName, Optional<String> email, AwsAccount account,
                                        Map<String, String> tags, Resource parent) {
        var child = CustomResourceOptions.builder().parent(parent).build();
        var keyUse = PolicyStatement.allow().sid("AlarmServicesEncrypt");
        for (var service : PUBLISHERS) {
            keyUse.servicePrincipal(service);
        }
        var key = new Key(name + "-key", KeyArgs.builder()
                .description("Encrypts the alarm topic " + topicName)
                .enableKeyRotation(true)
                .deletionWindowInDays(ComponentKey.DELETION_WINDOW_DAYS)
                .policy(PolicyDocument.of(
                        PolicyStatement.allow().sid("AccountAdministersKeyThroughIam")
                                .awsPrincipal(account.rootPrincipal()).actions("kms:*").thisKey().build(),
                        keyUse.actions("kms:Decrypt", "kms:GenerateDataKey").thisKey()
                                .condition("StringEquals", "aws:SourceAccount", account.accountId()).build()).toJson())
                .tags(ResourceTags.named(tags, name + "-key"))
                .build(), child);
        var topic = new Topic(name, TopicArgs.builder()
                .name(topicName)
                .kmsMasterKeyId(key.arn())
                .tags(ResourceTags.named(tags, topicName))
                .build(), child);
        var publish = PolicyStatement.allow().sid("AlarmServicesPublish");
        for (var service : PUBLISHERS) {
            publish.servicePrincipal(service);
        }
        new TopicPolicy(name + "-policy", TopicPolicyArgs.builder()
                .arn(topic.arn())
                .policy(PolicyDocument.of(publish.actions("sns:Publish").resource(topic.arn())
                        .condition("StringEquals", "aws:SourceAccount", account.accountId()).build()).toJson())
                .build(), child);
        email.ifPresent(address -> new TopicSubscription(name + "-email", TopicSubscriptionArgs.builder()
                .topic(topic.arn())
                .protocol("email")
                .endpoint(address)
                .build(), child));
        return topic.arn();
    }
}
