package dev.fluxo.components.iam;

import java.util.ArrayList;
import java.util.List;

/** KMS key policies for the keys the components create. */
public final class KeyPolicies {
    /** The services that publish to the alarm topic. */
    public static final String[] ALARM_PUBLISHERS = {"cloudwatch.amazonaws.com", "events.amazonaws.com"};

    private KeyPolicies() {
    }

    /**
     * The default key policy (the account administers and uses the key through IAM) plus, when
     * {@code logsService} is set, CloudWatch Logs may use the key for log groups of this account and region
     * only (the encryption-context condition AWS documents for log-group encryption).
     */
    public static PolicyDocument accountKey(AwsAccount account, boolean logsService) {
        var statements = new ArrayList<>(List.of(PolicyStatement.allow().sid("AccountAdministersKeyThroughIam")
                .awsPrincipal(account.rootPrincipal())
                .actions("kms:*")
                .thisKey()
                .build()));
        if (logsService) {
            statements.add(PolicyStatement.allow().sid("CloudWatchLogsEncryptsLogGroups")
                    .servicePrincipal(com.pulumi.core.Output.format("logs.%s.amazonaws.com", account.region()))
                    .actions("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey",
                            "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey")
                    .thisKey()
                    .condition("ArnLike", "kms:EncryptionContext:aws:logs:arn",
                            account.arn("logs", "log-group:*"))
                    .build());
        }
        return PolicyDocument.of(statements);
    }

    /**
     * CloudWatch alarms and EventBridge may encrypt messages to this account's alarm topic with the key (an
     * encrypted SNS topic needs it: the publishing service itself calls KMS).
     */
    public static PolicyStatement alarmPublishers(AwsAccount account) {
        var statement = PolicyStatement.allow().sid("AlarmServicesEncrypt");
        for (var service : ALARM_PUBLISHERS) {
            statement.servicePrincipal(service);
        }
        return statement.actions("kms:Decrypt", "kms:GenerateDataKey").thisKey()
                .condition("StringEquals", "aws:SourceAccount", account.accountId()).build();
    }

    /**
     * One key for a whole stack (the cheap choice for dev: a key costs $1/month): the account key with CloudWatch
     * Logs, plus the alarm publishers.
     */
    public static PolicyDocument stackKey(AwsAccount account) {
        return withAlarmPublishers(accountKey(account, true), account);
    }

    /** The alarm topic's own key: the account key plus the alarm publishers. */
    public static PolicyDocument alarmTopicKey(AwsAccount account) {
        return withAlarmPublishers(accountKey(account, false), account);
    }

    private static PolicyDocument withAlarmPublishers(PolicyDocument base, AwsAccount account) {
        var statements = new ArrayList<>(base.statements());
        statements.add(alarmPublishers(account));
        return PolicyDocument.of(statements);
    }
}
