package dev.fluxo.stacks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArtifactsTest {

    private static void write(Path root, String relative, String content) throws Exception {
        var file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void aPlanMarksMissingArtifactsNotBuilt(@TempDir Path root) {
        var artifacts = Artifacts.optional(root);
        assertThat(artifacts.producerJar().sha256()).isEqualTo(Artifacts.NOT_BUILT);
        assertThat(artifacts.jobJar().built()).isFalse();
    }

    @Test
    void aDeployNamesEveryMissingArtifactAndTheBuildCommand(@TempDir Path root) throws Exception {
        write(root, Artifacts.PRODUCER, "jar");
        assertThatThrownBy(() -> Artifacts.require(root, true))
                .hasMessageContaining(Artifacts.TRANSFORM).hasMessageContaining(Artifacts.JOB)
                .hasMessageContaining(Artifacts.DEBEZIUM_PLUGIN).hasMessageNotContaining(Artifacts.PRODUCER)
                .hasMessageContaining("run `" + Artifacts.BUILD_COMMAND + "` first");
    }

    @Test
    void theKinesisFlavourNeedsNoConnectorPlugin(@TempDir Path root) throws Exception {
        for (var path : new String[] {Artifacts.PRODUCER, Artifacts.TRANSFORM, Artifacts.JOB}) {
            write(root, path, path);
        }
        var artifacts = Artifacts.require(root, false);
        assertThat(artifacts.debeziumPlugin().built()).isFalse();
        assertThat(artifacts.producerJar().built()).isTrue();
    }

    @Test
    void aRebuiltJarGetsANewHash(@TempDir Path root) throws Exception {
        write(root, Artifacts.JOB, "v1");
        var first = Artifacts.optional(root).jobJar().sha256();
        write(root, Artifacts.JOB, "v2");
        assertThat(Artifacts.optional(root).jobJar().sha256()).isNotEqualTo(first).hasSize(64);
        // sha256("v1"), computed independently
        assertThat(first).isEqualTo("3bfc269594ef649228e9a74bab00f042efc91d5acc6fbee31a382e80d42388fe");
    }
}
