package dev.fluxo.connect;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.provider.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsManagerConfigProviderTest {
    static final String SECRET = "fluxo/dev/source-db";
    private FakeSecretsManager secretsManager;
    private SecretsManagerConfigProvider provider;

    @BeforeAll
    static void credentials() {
        // the SDK's default chain reads these first: static test credentials for the SigV4 signature
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "secret-test-key");
    }

    @BeforeEach
    void start() throws Exception {
        secretsManager = new FakeSecretsManager();
        secretsManager.put(SECRET, "{\"username\":\"fluxo_admin\",\"password\":\"s3cr3t-Pa55\",\"port\":5432}");
        provider = new SecretsManagerConfigProvider();
        provider.configure(Map.of(SecretsManagerConfigProvider.REGION, "sa-east-1",
                SecretsManagerConfigProvider.ENDPOINT, secretsManager.endpoint()));
    }

    @AfterEach
    void stop() {
        provider.close();
        secretsManager.close();
    }

    @Test
    void resolvesTheRequestedKeysOfAJsonSecretWithOneSignedGetSecretValue() {
        var data = provider.get(SECRET, Set.of("username", "password"));

        assertThat(data.data()).containsExactlyInAnyOrderEntriesOf(
                Map.of("username", "fluxo_admin", "password", "s3cr3t-Pa55"));
        assertThat(data.ttl()).isNull();
        assertThat(secretsManager.requests).singleElement().satisfies(r -> {
            assertThat(r.target()).isEqualTo("secretsmanager.GetSecretValue");
            assertThat(r.secretId()).isEqualTo(SECRET);
            assertThat(r.authorization()).contains("AWS4-HMAC-SHA256", "Credential=AKIDTEST/",
                    "/sa-east-1/secretsmanager/aws4_request");
        });
    }

    @Test
    void connectReplacesReferencesInAConnectorConfigThroughTheProvider() {
        var transformer = new ConfigTransformer(Map.<String, ConfigProvider>of("secretsmanager", provider));

        var result = transformer.transform(Map.of(
                "database.user", "${secretsmanager:" + SECRET + ":username}",
                "database.password", "${secretsmanager:" + SECRET + ":password}",
                "database.port", "${secretsmanager:" + SECRET + ":port}",
                "database.hostname", "db.internal"));

        assertThat(result.data()).containsEntry("database.user", "fluxo_admin")
                .containsEntry("database.password", "s3cr3t-Pa55").containsEntry("database.port", "5432")
                .containsEntry("database.hostname", "db.internal");
    }

    @Test
    void aMissingKeyOrSecretIsAClearErrorThatNeverShowsAValue() {
        assertThatThrownBy(() -> provider.get(SECRET, Set.of("pasword")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("secret '" + SECRET + "' has no key 'pasword'")
                .hasMessageContaining("password").hasMessageNotContaining("s3cr3t-Pa55");
        assertThatThrownBy(() -> provider.get("fluxo/dev/nope", Set.of("password")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("secret 'fluxo/dev/nope' does not exist");

        secretsManager.put("plain", "not json at all");
        assertThatThrownBy(() -> provider.get("plain", Set.of("password")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("is not a JSON object")
                .hasMessageNotContaining("not json at all");
    }

    @Test
    void aTtlMakesConnectReReadTheSecretAndABadTtlIsRejected() {
        var withTtl = new SecretsManagerConfigProvider();
        withTtl.configure(Map.of(SecretsManagerConfigProvider.REGION, "sa-east-1",
                SecretsManagerConfigProvider.ENDPOINT, secretsManager.endpoint(),
                SecretsManagerConfigProvider.TTL_MS, "600000"));
        assertThat(withTtl.get(SECRET).ttl()).isEqualTo(600_000L);
        assertThat(withTtl.get(SECRET).data()).containsOnlyKeys("username", "password", "port");
        withTtl.close();

        assertThatThrownBy(() -> new SecretsManagerConfigProvider().configure(Map.of(
                SecretsManagerConfigProvider.REGION, "sa-east-1", SecretsManagerConfigProvider.TTL_MS, "ten minutes")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ttl.ms");
    }

    @Test
    void kafkaFindsTheProviderAsAService() {
        assertThat(ServiceLoader.load(ConfigProvider.class).stream().map(ServiceLoader.Provider::type))
                .contains(SecretsManagerConfigProvider.class);
    }
}
