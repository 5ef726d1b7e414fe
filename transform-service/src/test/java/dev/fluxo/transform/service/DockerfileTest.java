package dev.fluxo.transform.service;

import dev.fluxo.transform.service.config.ServiceSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Docker does not run here, so the Dockerfile is checked as text against what the build and the Kubernetes
 * {@code TransformDeployment} expect of the image.
 */
class DockerfileTest {
    static final Path DOCKERFILE = Path.of(System.getProperty("service.dockerfile", "Dockerfile"));
    static final String JAR = System.getProperty("service.jar.name", "fluxo-transform-service.jar");

    static List<String> instructions() throws Exception {
        return Files.readAllLines(DOCKERFILE).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    static List<String> arguments(String instruction) throws Exception {
        return instructions().stream().filter(l -> l.startsWith(instruction + " ")).map(l -> l.substring(
                instruction.length() + 1).strip()).toList();
    }

    /** The COPY's source, relative to the repository root (the build context). */
    static String copiedJar() throws Exception {
        return arguments("COPY").get(0).split("\\s+")[0];
    }

    @Test
    void theImageCopiesTheShadedJarThisModuleBuildsAndRunsItWithSerialGc() throws Exception {
        String destination = arguments("COPY").get(0).split("\\s+")[1];
        List<String> entrypoint = Arrays.stream(arguments("ENTRYPOINT").get(0).replaceAll("[\\[\\]\"]", "")
                .split(",")).map(String::strip).toList();

        assertThat(arguments("FROM")).containsExactly("eclipse-temurin:21-jre");
        assertThat(copiedJar()).isEqualTo("transform-service/target/" + JAR);
        assertThat(entrypoint).startsWith("java").contains("-XX:+UseSerialGC").endsWith("-jar", destination);
    }

    @Test
    void theImageRunsAsANumericNonRootUser() throws Exception {
        List<String> users = arguments("USER");

        assertThat(users).hasSize(1);
        String uid = users.get(0).split(":")[0];
        assertThat(uid).as("numeric, so Kubernetes' runAsNonRoot can verify it").matches("[0-9]+");
        assertThat(Integer.parseInt(uid)).isGreaterThan(0);
        List<String> all = instructions();
        int lastRun = -1;
        for (int i = 0; i < all.size(); i++) {
            lastRun = all.get(i).startsWith("RUN ") ? i : lastRun;
        }
        assertThat(all.indexOf("USER " + users.get(0))).as("after the last RUN").isGreaterThan(lastRun);
    }

    @Test
    void theImageExposesTheHealthPortTheServiceListensOn() throws Exception {
        String port = String.valueOf(ServiceSettings.DEFAULT_HEALTH_PORT);

        assertThat(arguments("EXPOSE")).containsExactly(port);
        assertThat(arguments("ENV")).contains(ServiceSettings.HEALTH_PORT + "=" + port);
    }
}
