package dev.fluxo.local.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class JdkFinderTest {
    @TempDir
    Path jdk;

    @Test
    void readsTheFeatureVersionFromTheJdksReleaseFile() throws Exception {
        Files.writeString(jdk.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_VERSION=\"25.0.1\"\n");
        assertThat(JdkFinder.version(jdk)).isEqualTo(25);
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.15\"\n");
        assertThat(JdkFinder.version(jdk)).isEqualTo(17);
    }

    @Test
    void aDirectoryWithoutAReleaseFileIsNoJdk() {
        assertThat(JdkFinder.version(jdk)).isZero();
    }

    @Test
    void theRunningJdkCountsForItsOwnVersion() {
        assertThat(JdkFinder.find(Runtime.version().feature())).isPresent();
    }
}
