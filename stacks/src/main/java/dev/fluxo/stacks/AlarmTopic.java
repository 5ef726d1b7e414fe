package dev.fluxo.stacks;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.aws.outputs.GetCallerIdentityResult;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import dev.fluxo.stacks.spec.StackSpec;

/**
 * The one SNS topic every alarm of a stack publishes to. It is encrypted with its own KMS key because CloudWatch
 * cannot publish to a topic encrypted with the AWS-managed {@code aws/sns} key; the key policy lets CloudWatch use it.
 */
final class AlarmTopic {
    final Output<String> arn;

    AlarmTopic(StackSpec spec) {
        var account = AwsFunctions.getCallerIdentity().applyValue(GetCallerIdentityResult::accountId);
        var key = new Key("alarms-key", KeyArgs.builder()
                .description("Encrypts the " + spec.stack() + " alarm topic")
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(account.applyValue(AlarmTopic::keyPolicy))
                .tags(spec.tags())
                .build());
        var topic = new Topic("alarms", TopicArgs.builder()
                .name(spec.project() + "-" + spec.stack() + "-alarms")
                .kmsMasterKeyId(key.arn())
                .tags(spec.tags())
                .build());
        spec.alarms().email().ifPresent(email -> new TopicSubscription("alarms-email", TopicSubscriptionArgs.builder()
                .topic(topic.arn())
                .protocol("email")
                .endpoint(email)
                .build(), CustomResourceOptions.builder().parent(topic).build()));
        this.arn = topic.arn();
    }

    static String keyPolicy(String accountId) {
        return """
                {"Version":"2012-10-17","Statement":[
                 {"Sid":"AccountAdministers","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%1$s:root"},
                  "Action":"kms:*","Resource":"*"},
                 {"Sid":"CloudWatchPublishes","Effect":"Allow","Principal":{"Service":"cloudwatch.amazonaws.com"},
                  "Action":["kms:Decrypt","kms:GenerateDataKey*"],"Resource":"*",
                  "Condition":{"StringEquals":{"aws:SourceAccount":"%1$s"}}}]}
                """.formatted(accountId).replaceAll("\\s*\\n\\s*", "");
    }
}
