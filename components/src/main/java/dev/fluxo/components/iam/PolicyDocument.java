package dev.fluxo.components.iam;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.List;

/**
 * An IAM policy document (version 2012-10-17) assembled from typed {@link PolicyStatement}s. Built in Java
 * rather than through the {@code getPolicyDocument} invoke, so it needs no provider call, works identically
 * under mocks, and its JSON is the one thing a test has to read.
 *
 * <pre>{@code
 * var doc = PolicyDocument.of(PolicyStatement.allow().sid("ReadBronze")
 *         .actions("s3:GetObject").resource(bucket.arn().applyValue(a -> a + "/*")).build());
 * new RolePolicy("read", RolePolicyArgs.builder().role(role.id()).policy(doc.toJson()).build(), opts);
 * }</pre>
 */
public final class PolicyDocument {
    public static final String VERSION = "2012-10-17";
    private final List<PolicyStatement> statements;

    private PolicyDocument(List<PolicyStatement> statements) {
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("a policy document needs at least one statement");
        }
        this.statements = List.copyOf(statements);
    }

    public static PolicyDocument of(PolicyStatement... statements) {
        return new PolicyDocument(List.of(statements));
    }

    public static PolicyDocument of(List<PolicyStatement> statements) {
        return new PolicyDocument(statements);
    }

    /** A trust policy letting an AWS service assume a role, limited to this account's resources. */
    public static PolicyDocument assumableBy(String service, Output<String> accountId) {
        return of(PolicyStatement.allow().sid("AssumedBy" + service.split("\\.")[0].replace("-", ""))
                .servicePrincipal(service)
                .actions("sts:AssumeRole")
                .trust()
                .condition("StringEquals", "aws:SourceAccount", accountId)
                .build());
    }

    public List<PolicyStatement> statements() {
        return statements;
    }

    /** The document as compact JSON. */
    public Output<String> toJson() {
        var parts = new ArrayList<Output<JsonObject>>();
        statements.forEach(s -> parts.add(s.toJson()));
        return Output.all(parts).applyValue(resolved -> {
            var document = new JsonObject();
            document.addProperty("Version", VERSION);
            var array = new JsonArray();
            resolved.forEach(array::add);
            document.add("Statement", array);
            return new GsonBuilder().disableHtmlEscaping().create().toJson(document);
        });
    }
}
