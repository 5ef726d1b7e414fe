package dev.fluxo.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LocalPortsTest {
    @TempDir
    Path dir;

    @Test
    void aRestartGetsTheSamePortsWhileTheyAreFree() {
        int first = new LocalPorts(dir.resolve("ports.properties")).port(LocalPorts.Service.POSTGRES);
        int again = new LocalPorts(dir.resolve("ports.properties")).port(LocalPorts.Service.POSTGRES);
        assertThat(again).isEqualTo(first);
        assertThat(new LocalPorts(dir.resolve("ports.properties")).stored(LocalPorts.Service.POSTGRES)).isEqualTo(first);
    }

    @Test
    void aStoredPortThatIsBusyNowIsReplacedByAFreeOne() throws Exception {
        LocalPorts ports = new LocalPorts(dir.resolve("ports.properties"));
        int first = ports.port(LocalPorts.Service.KAFKA);
        try (ServerSocket busy = new ServerSocket(first, 1, InetAddress.getLoopbackAddress())) {
            int next = new LocalPorts(dir.resolve("ports.properties")).port(LocalPorts.Service.KAFKA);
            assertThat(next).isNotEqualTo(first);
            assertThat(LocalPorts.isFree(next)).isTrue();
        }
    }
}
