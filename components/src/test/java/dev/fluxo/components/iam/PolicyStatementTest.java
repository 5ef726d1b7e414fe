package dev.fluxo.components.iam;

import com.google.gson.JsonParser;
import com.pulumi.core.Output;
import com.pulumi.test.PulumiTest;
import dev.fluxo.components.testing.RecordingMocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyStatementTest {
    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @Test
    void wildcardActionsAreRefusedInAllowStatements() {
        assertThatThrownBy(() -> PolicyStatement.allow().actions("s3:*").resources("arn:aws:s3:::b").build())
                .hasMessageContaining("not least privilege");
        assertThatThrownBy(() -> PolicyStatement.allow().actions("s3:Get*").resources("arn:aws:s3:::b").build())
                .hasMessageContaining("not least privilege");
    }

    @Test
    void wildcardActionsAreAllowedInDenyStatements() {
        assertThat(PolicyStatement.deny().anyPrincipal().actions("s3:*").resources("arn:aws:s3:::b").build().actions())
                .containsExactly("s3:*");
    }

    @Test
    void statementWithoutResourcesIsRefused() {
        assertThatThrownBy(() -> PolicyStatement.allow().actions("s3:GetObject").build()).hasMessageContaining("no resources");
    }

    @Test
    void allowForAnyPrincipalIsRefused() {
        assertThatThrownBy(() -> PolicyStatement.allow().anyPrincipal()).hasMessageContaining("must name its principal");
    }

    @Test
    void bareStarResourceFailsWhenTheDocumentIsRendered() {
        var mocks = new RecordingMocks();
        var result = PulumiTest.withMocks(mocks).runTest(ctx -> PolicyDocument.of(PolicyStatement.allow()
                .actions("s3:GetObject").resource(Output.of("*")).build()).toJson().applyValue(json -> json));
        assertThat(result.exceptions().toString()).contains("resource '*' is not least privilege");
    }

    @Test
    void rendersPrincipalsResourcesAndConditionsInTheirPlaces() {
        var json = new AtomicReference<String>();
        PulumiTest.withMocks(new RecordingMocks()).runTest(ctx -> PolicyDocument.of(PolicyStatement.allow().sid("Logs")
                .servicePrincipal("logs.amazonaws.com")
                .actions("kms:Decrypt")
                .resource(Output.of("arn:aws:kms:us-east-1:1:key/k"))
                .condition("ArnLike", "kms:EncryptionContext:aws:logs:arn", Output.of("arn:aws:logs:*"))
                .build()).toJson().applyValue(j -> {
                    json.set(j);
                    return j;
                })).throwOnError();
        var statement = JsonParser.parseString(json.get()).getAsJsonObject().getAsJsonArray("Statement").get(0)
                .getAsJsonObject();
        assertThat(JsonParser.parseString(json.get()).getAsJsonObject().get("Version").getAsString())
                .isEqualTo(PolicyDocument.VERSION);
        assertThat(statement.getAsJsonObject("Principal").get("Service").getAsString()).isEqualTo("logs.amazonaws.com");
        assertThat(statement.get("Resource").getAsString()).isEqualTo("arn:aws:kms:us-east-1:1:key/k");
        assertThat(statement.getAsJsonObject("Condition").getAsJsonObject("ArnLike")
                .get("kms:EncryptionContext:aws:logs:arn").getAsString()).isEqualTo("arn:aws:logs:*");
    }
}
