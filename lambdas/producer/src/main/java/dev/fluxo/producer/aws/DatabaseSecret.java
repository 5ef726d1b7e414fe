package dev.fluxo.producer.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;

import java.io.IOException;

/**
 * Reads database credentials from a Secrets Manager secret holding {@code {"username": …, "password": …}}, the
 * shape of the secret RDS manages for its master user. Read on every new connection, so a rotated password is
 * picked up. Error messages name the secret, never its content.
 */
public final class DatabaseSecret {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretsManagerClient client;
    private final String secretId;

    /**
     * @param client   the Secrets Manager client, created once per Lambda instance
     * @param secretId the secret's ARN (or name)
     */
    public DatabaseSecret(SecretsManagerClient client, String secretId) {
        this.client = client;
        this.secretId = secretId;
    }

    /** The request this secret sends, {@code GetSecretValue} for the current version. */
    GetSecretValueRequest request() {
        return GetSecretValueRequest.builder().secretId(secretId).build();
    }

    /**
     * Fetches and parses the secret.
     *
     * @throws IllegalStateException if the secret is not JSON with non-blank {@code username} and {@code password}
     */
    public DatabaseCredentials read() {
        String value = client.getSecretValue(request()).secretString();
        JsonNode node;
        try {
            node = value == null ? null : JSON.readTree(value);
        } catch (IOException e) {
            // the parser's message quotes the content: do not pass it on
            node = null;
        }
        String username = text(node, "username");
        String password = text(node, "password");
        if (username == null || password == null) {
            throw new IllegalStateException("secret " + secretId
                    + " must be a JSON object with non-blank \"username\" and \"password\"");
        }
        return new DatabaseCredentials(username, password);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node == null ? null : node.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText();
    }
}
