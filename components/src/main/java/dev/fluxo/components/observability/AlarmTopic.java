package dev.fluxo.components.observability;

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
import dev.fluxo.components.iam.KeyPolicies;
import dev.fluxo.components.iam.PolicyDocument;
import dev.fluxo.components.iam.PolicyStatement;
import dev.fluxo.components.naming.ResourceTags;

import java.util.Map;
import java.util.Optional;

/**
 * The one SNS topic every alarm of a stack notifies. It is encrypted with a customer-managed KMS key because CloudWatch and
 * EventBridge cannot publish to a topic encrypted with the AWS-managed {@code aws/sns} key: the key policy lets both
 * services use it, and the topic policy lets both publish, for this account only.
 */
public final class AlarmTopic {
    private AlarmTopic() {
    }

    /**
     * Creates the topic, its policy, (optionally) an e-mail subscription and, unless {@code keyArn} is given, its own
     * key; returns the topic ARN. A given key must let the alarm publishers use it ({@link KeyPolicies#stackKey}).
     */
    public static Output<String> create(String name, String topicName, Optional<String> email,
                                        Optional<Output<String>> keyArn, AwsAccount account,
                                        Map<String, String> tags, Resource parent) {
        var child = CustomResourceOptions.builder().parent(parent).build();
        var topicKeyArn = keyArn.orElseGet(() -> ComponentKey.create(name + "-key", "Encrypts the alarm topic "
                + topicName, KeyPolicies.alarmTopicKey(account), tags, child).arn());
        var topic = new Topic(name, TopicArgs.builder()
                .name(topicName)
                .kmsMasterKeyId(topicKeyArn)
                .tags(ResourceTags.named(tags, topicName))
                .build(), child);
        var publish = PolicyStatement.allow().sid("AlarmServicesPublish");
        for (var service : KeyPolicies.ALARM_PUBLISHERS) {
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
