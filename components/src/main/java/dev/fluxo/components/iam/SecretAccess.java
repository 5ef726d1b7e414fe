package dev.fluxo.components.iam;

import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading one Secrets Manager secret: its value, and decrypting it when a customer-managed key encrypts it. */
public final class SecretAccess {
    private SecretAccess() {
    }

    /**
     * @param sid    names the statement, e.g. {@code ReadDatabaseSecret}
     * @param keyArn the secret's KMS key; empty for the AWS-managed {@code aws/secretsmanager} key
     */
    public static List<PolicyStatement> read(String sid, Output<String> secretArn, Optional<Output<String>> keyArn) {
        var statements = new ArrayList<PolicyStatement>();
        statements.add(PolicyStatement.allow().sid(sid)
                .actions("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret")
                .resource(secretArn)
                .build());
        keyArn.ifPresent(key -> statements.add(PolicyStatement.allow().sid("Decrypt" + sid.replaceFirst("^Read", ""))
                .actions("kms:Decrypt").resource(key).build()));
        return statements;
    }
}
