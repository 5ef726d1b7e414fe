package dev.fluxo.connect;

import org.apache.kafka.common.config.provider.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built MSK Connect plugin archive ({@code target/debezium-postgres-msk-plugin.zip}, the file the msk stacks
 * upload): Debezium's connector and the config provider are in it and load from it, and the Kafka API is not
 * duplicated where it would clash with the Connect runtime's.
 */
class PluginArchiveIT {
    static final Path ARCHIVE = Path.of("target", "debezium-postgres-msk-plugin.zip");
    static final String CONNECTOR = "io.debezium.connector.postgresql.PostgresConnector";

    private static List<String> entries() throws IOException {
        try (var zip = new ZipFile(ARCHIVE.toFile())) {
            return Collections.list(zip.entries()).stream().map(e -> e.getName()).toList();
        }
    }

    @Test
    void holdsDebeziumsPublishedPluginAndTheProviderWithItsDependencies() throws IOException {
        var entries = entries();
        assertThat(entries).anyMatch(e -> e.matches("debezium-connector-postgres/debezium-connector-postgres-3\\..*\\.jar"))
                .anyMatch(e -> e.matches("debezium-connector-postgres/postgresql-42\\..*\\.jar"))
                .anyMatch(e -> e.matches("fluxo-config-provider/fluxo-connect-plugin-.*\\.jar"))
                .anyMatch(e -> e.matches("fluxo-config-provider/secretsmanager-2\\..*\\.jar"))
                .anyMatch(e -> e.matches("fluxo-config-provider/url-connection-client-2\\..*\\.jar"));
        // the provider's folder brings no Kafka of its own and no HTTP clients the provider does not use
        assertThat(entries).filteredOn(e -> e.startsWith("fluxo-config-provider/"))
                .noneMatch(e -> e.contains("kafka-clients") || e.contains("apache-client") || e.contains("netty"));
    }

    @Test
    void theConnectorAndTheProviderLoadFromTheArchiveAlone(@TempDir Path dir) throws Exception {
        var jars = new ArrayList<URL>();
        try (var zip = new ZipFile(ARCHIVE.toFile())) {
            for (var entry : Collections.list(zip.entries())) {
                if (entry.getName().endsWith(".jar")) {
                    var target = dir.resolve(entry.getName().replace('/', '_'));
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                    jars.add(target.toUri().toURL());
                }
            }
        }
        // Only the archive's jars and the JDK: what a Connect worker's plugin loader sees, less the runtime's Kafka,
        // which the archive's Debezium folder carries itself.
        try (var loader = new URLClassLoader(jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            var connector = loader.loadClass(CONNECTOR);
            assertThat(loader.loadClass("org.apache.kafka.connect.source.SourceConnector")).isAssignableFrom(connector);
            var provider = loader.loadClass(SecretsManagerConfigProvider.class.getName());
            assertThat(loader.loadClass(ConfigProvider.class.getName())).isAssignableFrom(provider);
            assertThat(provider.getDeclaredConstructor().newInstance()).isNotNull();
        }
    }
}
