package dev.fluxo.transform.service.config;

import dev.fluxo.transform.service.config.KafkaSource.Store;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

public class ServiceSettingsTest {
    static final String KEYSTORE_PASSWORD = "user-secret-pw";
    static final String TRUSTSTORE_PASSWORD = "ca-secret-pw";

    @TempDir
    Path dir;

    /** The transform's own variables as the Deployment sets them on EKS, plus a plaintext topic. */
    public static Map<String, String> plaintext() {
        Map<String, String> env = new HashMap<>();
        env.put("FLUXO_CATALOG_GLUE_CATALOG_ID", "123456789012");
        env.put("AWS_REGION", "sa-east-1");
        env.put("FLUXO_MASKING_KEY_SECRET_ARN", "arn:aws:secretsmanager:sa-east-1:1:secret:k");
        env.put(KafkaSource.BOOTSTRAP_SERVERS, "kafka-bootstrap:9093");
        env.put(KafkaSource.TOPIC, "fluxo.public.customers");
        return env;
    }

    /** As the Strimzi flavour's Deployment sets them: SSL with a PKCS12 keystore and truststore. */
    Map<String, String> mutualTls() throws Exception {
        Map<String, String> env = plaintext();
        env.put(KafkaSource.SECURITY_PROTOCOL, "SSL");
        env.put(KafkaSource.GROUP_ID, "fluxo-transform");
        env.put(Store.KEYSTORE.location(), Files.writeString(dir.resolve("user.p12"), "k").toString());
        env.put(Store.KEYSTORE.type(), "PKCS12");
        env.put(Store.KEYSTORE.password(), KEYSTORE_PASSWORD);
        env.put(Store.TRUSTSTORE.location(), Files.writeString(dir.resolve("ca.p12"), "t").toString());
        env.put(Store.TRUSTSTORE.type(), "PKCS12");
        env.put(Store.TRUSTSTORE.password(), TRUSTSTORE_PASSWORD);
        return env;
    }

    @Test
    void theSslVariablesBecomeTheConsumersSslProperties() throws Exception {
        ServiceSettings settings = ServiceSettings.fromEnvironment(mutualTls());

        assertThat(settings.kafka().consumerProperties())
                .containsEntry("bootstrap.servers", "kafka-bootstrap:9093")
                .containsEntry("group.id", "fluxo-transform")
                .containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.keystore.location", dir.resolve("user.p12").toString())
                .containsEntry("ssl.keystore.type", "PKCS12")
                .containsEntry("ssl.keystore.password", KEYSTORE_PASSWORD)
                .containsEntry("ssl.truststore.location", dir.resolve("ca.p12").toString())
                .containsEntry("ssl.truststore.type", "PKCS12")
                .containsEntry("ssl.truststore.password", TRUSTSTORE_PASSWORD);
        assertThat(settings.kafka().topic()).isEqualTo("fluxo.public.customers");
    }

    @Test
    void printedSettingsHideThePasswords() throws Exception {
        String shown = ServiceSettings.fromEnvironment(mutualTls()).toString();

        assertThat(shown).contains("ssl.keystore.location").doesNotContain(KEYSTORE_PASSWORD)
                .doesNotContain(TRUSTSTORE_PASSWORD);
    }

    @Test
    void aStoreWithoutItsPasswordIsAnErrorNamingTheVariable() throws Exception {
        Map<String, String> env = mutualTls();
        env.remove(Store.KEYSTORE.password());

        SettingsException e = catchThrowableOfType(SettingsException.class, () -> ServiceSettings.fromEnvironment(env));

        assertThat(e.problems()).containsExactly("FLUXO_KAFKA_SSL_KEYSTORE_PASSWORD is not set (the password of "
                + "FLUXO_KAFKA_SSL_KEYSTORE_LOCATION)");
        assertThat(e.getMessage()).doesNotContain(TRUSTSTORE_PASSWORD);
    }

    @Test
    void aStoreThatIsNotAReadableFileIsAnError() throws Exception {
        Map<String, String> env = mutualTls();
        env.put(Store.TRUSTSTORE.location(), dir.resolve("missing.p12").toString());

        assertThatThrownBy(() -> ServiceSettings.fromEnvironment(env)).isInstanceOf(SettingsException.class)
                .hasMessageContaining("FLUXO_KAFKA_SSL_TRUSTSTORE_LOCATION=" + dir.resolve("missing.p12")
                        + " is not a readable file");
    }

    @Test
    void sslVariablesOnAPlaintextConnectionAreRejectedRatherThanIgnored() throws Exception {
        Map<String, String> env = mutualTls();
        env.remove(KafkaSource.SECURITY_PROTOCOL);

        SettingsException e = catchThrowableOfType(SettingsException.class, () -> ServiceSettings.fromEnvironment(env));

        assertThat(e.problems()).hasSize(6).allMatch(p -> p.endsWith("is set but FLUXO_KAFKA_SECURITY_PROTOCOL is "
                + KafkaSource.DEFAULT_SECURITY_PROTOCOL + " (set it to SSL to use TLS)"));
        assertThat(e.getMessage()).doesNotContain(KEYSTORE_PASSWORD).doesNotContain(TRUSTSTORE_PASSWORD);
    }

    @Test
    void aMissingTopicIsAnErrorNamingItsVariable() {
        Map<String, String> env = plaintext();
        env.remove(KafkaSource.TOPIC);

        SettingsException e = catchThrowableOfType(SettingsException.class, () -> ServiceSettings.fromEnvironment(env));

        assertThat(e.problems()).containsExactly("FLUXO_KAFKA_TOPIC is not set (the change topic to consume)");
    }

    @Test
    void everyProblemIsListedAtOnceIncludingTheTransformsOwnVariables() {
        Map<String, String> env = plaintext();
        env.remove(KafkaSource.BOOTSTRAP_SERVERS);
        env.remove("FLUXO_MASKING_KEY_SECRET_ARN");
        env.put(KafkaSource.SECURITY_PROTOCOL, "SASL_SSL");
        env.put("FLUXO_KAFKA_TOPICS", "typo");
        env.put(ServiceSettings.BATCH_SIZE, "0");
        env.put(ServiceSettings.BATCH_WINDOW_MS, "soon");
        env.put(ServiceSettings.HEALTH_PORT, "70000");

        SettingsException e = catchThrowableOfType(SettingsException.class, () -> ServiceSettings.fromEnvironment(env));

        assertThat(e.problems()).hasSize(7).anyMatch(p -> p.startsWith("FLUXO_KAFKA_BOOTSTRAP_SERVERS is not set"))
                .anyMatch(p -> p.startsWith("FLUXO_KAFKA_SECURITY_PROTOCOL=SASL_SSL is not one of [PLAINTEXT, SSL]"))
                .anyMatch(p -> p.startsWith("FLUXO_KAFKA_TOPICS is not a variable of the transform service"))
                .contains("FLUXO_BATCH_SIZE=0 is not a whole number from 1 up",
                        "FLUXO_BATCH_WINDOW_MS=soon is not a whole number from 0 up",
                        "FLUXO_HEALTH_PORT=70000 is not a whole number from 0 to 65535")
                .anyMatch(p -> p.contains("FLUXO_MASKING_KEY_SECRET_ARN"));
        assertThat(e.problems()).allMatch(p -> !p.contains("\n"), "one line each");
    }

    @Test
    void unsetOptionsTakeTheirDocumentedDefaults() {
        ServiceSettings settings = ServiceSettings.fromEnvironment(plaintext());

        assertThat(settings.kafka().groupId()).isEqualTo(KafkaSource.DEFAULT_GROUP_ID).isEqualTo("fluxo-transform");
        assertThat(settings.kafka().consumerProperties()).containsEntry("security.protocol", "PLAINTEXT")
                .doesNotContainKeys("ssl.keystore.location", "ssl.truststore.location");
        assertThat(settings.batchSize()).isEqualTo(ServiceSettings.DEFAULT_BATCH_SIZE);
        assertThat(settings.batchWindow()).isEqualTo(ServiceSettings.DEFAULT_BATCH_WINDOW);
        assertThat(settings.healthPort()).isEqualTo(ServiceSettings.DEFAULT_HEALTH_PORT).isEqualTo(8080);
    }

    @Test
    void batchesAndTheHealthPortAreReadFromTheirVariables() {
        Map<String, String> env = plaintext();
        env.put(ServiceSettings.BATCH_SIZE, "100");
        env.put(ServiceSettings.BATCH_WINDOW_MS, "250");
        env.put(ServiceSettings.HEALTH_PORT, "9090");

        ServiceSettings settings = ServiceSettings.fromEnvironment(env);

        assertThat(settings.batchSize()).isEqualTo(100);
        assertThat(settings.batchWindow()).isEqualTo(Duration.ofMillis(250));
        assertThat(settings.healthPort()).isEqualTo(9090);
    }

    @Test
    void aTrustStoreAloneIsEnoughForOneWayTls() throws Exception {
        Map<String, String> env = mutualTls();
        env.remove(Store.KEYSTORE.location());
        env.remove(Store.KEYSTORE.type());
        env.remove(Store.KEYSTORE.password());
        env.remove(Store.TRUSTSTORE.type());

        ServiceSettings settings = ServiceSettings.fromEnvironment(env);

        assertThat(settings.kafka().consumerProperties()).doesNotContainKey("ssl.keystore.location")
                .containsEntry("ssl.truststore.type", KafkaSource.DEFAULT_STORE_TYPE);
    }
}
