package dev.fluxo.connect;

import org.apache.kafka.common.config.ConfigData;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.provider.ConfigProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@code ${secretsmanager:<secret name>:<key>}} in connector configurations from AWS Secrets Manager, so
 * database credentials never appear in a connector's configuration, in MSK Connect's API or in the Pulumi state. The
 * secret's value is a JSON object (e.g. RDS's {@code {"username": ..., "password": ...}}); each key is one value.
 *
 * <p>Worker properties: {@code config.providers=secretsmanager},
 * {@code config.providers.secretsmanager.class=dev.fluxo.connect.SecretsManagerConfigProvider}, and its parameters
 * {@code config.providers.secretsmanager.param.<name>}: {@value #REGION} (default: the SDK's region chain),
 * {@value #ENDPOINT} (default: the regional endpoint; set it for a VPC endpoint's DNS name or a test server) and
 * {@value #TTL_MS} (default none: values are read when a connector starts; with a TTL, Connect restarts connectors
 * after it to pick up a rotated secret). Credentials come from the SDK's default chain, on MSK Connect the
 * connector's service execution role, which needs {@code secretsmanager:GetSecretValue} on the secret.
 *
 * <p>The AWS-published MSK config providers are not on Maven Central; this is the same contract in one class.
 * Error messages name the secret and the key, never a value.
 */
public final class SecretsManagerConfigProvider implements ConfigProvider {
    /** Parameter: the AWS region of the secrets. */
    public static final String REGION = "region";
    /** Parameter: an explicit Secrets Manager endpoint URL. */
    public static final String ENDPOINT = "endpoint";
    /** Parameter: how long resolved values are valid, in milliseconds. */
    public static final String TTL_MS = "ttl.ms";

    private SecretsManagerClient client;
    private Long ttlMs;

    @Override
    public void configure(Map<String, ?> configs) {
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        Object region = configs.get(REGION);
        if (region != null && !region.toString().isBlank()) {
            builder.region(Region.of(region.toString().trim()));
        }
        Object endpoint = configs.get(ENDPOINT);
        if (endpoint != null && !endpoint.toString().isBlank()) {
            builder.endpointOverride(URI.create(endpoint.toString().trim()));
        }
        Object ttl = configs.get(TTL_MS);
        if (ttl != null && !ttl.toString().isBlank()) {
            try {
                ttlMs = Long.parseLong(ttl.toString().trim());
            } catch (NumberFormatException e) {
                throw new ConfigException(TTL_MS, ttl, "must be a whole number of milliseconds");
            }
        }
        client = builder.build();
    }

    /** Every key of the secret {@code path}. */
    @Override
    public ConfigData get(String path) {
        return new ConfigData(read(path), ttlMs);
    }

    /** The given keys of the secret {@code path}; a key the secret lacks is an error naming it. */
    @Override
    public ConfigData get(String path, Set<String> keys) {
        Map<String, String> all = read(path);
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String key : keys) {
            String value = all.get(key);
            if (value == null) {
                throw new ConfigException("secret '" + path + "' has no key '" + key + "' (it has " + all.keySet()
                        + ")");
            }
            wanted.put(key, value);
        }
        return new ConfigData(wanted, ttlMs);
    }

    private Map<String, String> read(String path) {
        if (client == null) {
            throw new IllegalStateException("configure() was not called");
        }
        if (path == null || path.isBlank()) {
            throw new ConfigException("a secretsmanager reference needs a secret name: ${secretsmanager:<name>:<key>}");
        }
        String secret;
        try {
            secret = client.getSecretValue(GetSecretValueRequest.builder().secretId(path).build()).secretString();
        } catch (ResourceNotFoundException e) {
            throw new ConfigException("secret '" + path + "' does not exist (or this role may not read it)");
        } catch (SdkException e) {
            throw new ConfigException("secret '" + path + "' could not be read: " + e.getMessage());
        }
        if (secret == null) {
            throw new ConfigException("secret '" + path + "' has no string value (binary secrets are not supported)");
        }
        JsonNode json;
        try {
            json = JsonNode.parser().parse(secret);
        } catch (RuntimeException e) {
            throw new ConfigException("secret '" + path + "' is not a JSON object of keys and values");
        }
        if (!json.isObject()) {
            throw new ConfigException("secret '" + path + "' is not a JSON object of keys and values");
        }
        Map<String, String> values = new LinkedHashMap<>();
        json.asObject().forEach((key, value) -> values.put(key, value.isString() ? value.asString()
                : value.isNull() ? null : value.text() != null ? value.text() : value.toString()));
        values.values().removeIf(java.util.Objects::isNull);
        return values;
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
    }
}
