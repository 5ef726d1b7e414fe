package dev.fluxo.components.iam;

import java.util.ArrayList;
import java.util.List;

/** KMS key policies for the keys the components create. */
public final class KeyPolicies {
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
}
