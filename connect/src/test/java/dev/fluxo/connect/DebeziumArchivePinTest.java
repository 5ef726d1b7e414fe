package dev.fluxo.connect;

import dev.fluxo.components.kubernetes.StrimziPlatform;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes flavour's Connect image build downloads Debezium's plugin archive from Maven Central and checks it
 * against a pinned SHA-512; this recomputes the hash from the archive Maven resolved for this module (the one the
 * MSK plugin zip is made of), so a Debezium upgrade cannot leave a stale pin behind.
 */
class DebeziumArchivePinTest {

    @Test
    void thePinnedSha512IsTheResolvedArchives() throws Exception {
        Path archive = Path.of(System.getProperty("fluxo.debezium.plugin.archive"));
        assertThat(archive).exists();
        MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
        try (InputStream in = Files.newInputStream(archive)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha512.update(buffer, 0, n);
            }
        }
        assertThat(HexFormat.of().formatHex(sha512.digest())).isEqualTo(StrimziPlatform.DEBEZIUM_PLUGIN_SHA512);
        assertThat(StrimziPlatform.DEBEZIUM_PLUGIN_URL).endsWith("/" + archive.getFileName());
    }
}
