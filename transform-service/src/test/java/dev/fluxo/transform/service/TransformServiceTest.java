package dev.fluxo.transform.service;

import dev.fluxo.transform.service.config.KafkaSource;
import dev.fluxo.transform.service.config.SettingsException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransformServiceTest {
    static Map<String, String> withoutTopic() {
        Map<String, String> env = new HashMap<>();
        env.put("FLUXO_CATALOG_GLUE_CATALOG_ID", "123456789012");
        env.put("AWS_REGION", "sa-east-1");
        env.put("FLUXO_MASKING_KEY_SECRET_ARN", "arn:aws:secretsmanager:sa-east-1:1:secret:k");
        env.put(KafkaSource.BOOTSTRAP_SERVERS, "127.0.0.1:9");
        env.put(KafkaSource.SECURITY_PROTOCOL, "SSL");
        env.put(KafkaSource.Store.KEYSTORE.password(), "never-printed");
        return env;
    }

    @Test
    void aMissingTopicStopsTheStartBeforeAnythingRuns() {
        assertThatThrownBy(() -> TransformService.start(withoutTopic())).isInstanceOf(SettingsException.class)
                .hasMessageContaining("FLUXO_KAFKA_TOPIC is not set");
    }

    @Test
    void theCommandPrintsOneLinePerProblemWithoutPasswordsAndExitsWithTheSettingsCode() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = TransformService.run(withoutTopic(), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(TransformService.EXIT_SETTINGS);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "fluxo-transform-service: FLUXO_KAFKA_TOPIC is not set (the change topic to consume)",
                "fluxo-transform-service: FLUXO_KAFKA_SSL_KEYSTORE_PASSWORD is set but "
                        + "FLUXO_KAFKA_SSL_KEYSTORE_LOCATION is not");
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("never-printed");
    }
}
