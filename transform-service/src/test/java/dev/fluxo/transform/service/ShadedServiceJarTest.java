package dev.fluxo.transform.service;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded jar, as the image runs it ({@code java -jar}), after {@code package}: its manifest starts
 * {@link TransformService}, and a bad environment ends it at once with one line per problem and the settings exit
 * code, before it connects to anything.
 */
class ShadedServiceJarTest {
    static final Path JAR = Path.of(System.getProperty("shaded.jar", "target/fluxo-transform-service.jar"));

    @Test
    void theJarTheDockerfileCopiesIsTheOneThisBuildMade() throws Exception {
        Path root = Path.of(System.getProperty("service.dockerfile")).toAbsolutePath().getParent().getParent();

        assertThat(root.resolve(DockerfileTest.copiedJar())).isRegularFile()
                .isEqualTo(JAR.toAbsolutePath().normalize());
    }

    @Test
    void runWithoutATopicItExitsWithOneLineNamingTheVariable() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-jar", JAR.toString());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("FLUXO_") || k.startsWith("AWS_"));
        env.putAll(TransformServiceTest.withoutTopic());
        Process process = pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("exits").isTrue();
        List<String> err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(process.exitValue()).isEqualTo(TransformService.EXIT_SETTINGS);
        assertThat(err).contains("fluxo-transform-service: FLUXO_KAFKA_TOPIC is not set (the change topic to consume)");
        assertThat(String.join("\n", err)).doesNotContain("never-printed").doesNotContain("Exception");
    }
}
