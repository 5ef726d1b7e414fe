package dev.fluxo.transform.service;

import dev.fluxo.transform.service.config.KafkaSource;
import dev.fluxo.transform.service.config.ServiceSettingsTest;
import dev.fluxo.transform.service.config.SettingsException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransformServiceTest {
    /** A valid environment but for the topic, with a password whose store is missing. */
    static Map<String, String> withoutTopic() {
        Map<String, String> env = ServiceSettingsTest.plaintext();
        env.remove(KafkaSource.TOPIC);
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
