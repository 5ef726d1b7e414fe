package dev.fluxo.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondUpOnADirectoryInUseIsRefusedWithTheWayToStopTheFirst() throws Exception {
        LocalLayout layout = new LocalLayout(dir).create();
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(layout.pidFile(), String.valueOf(other.pid()));
            assertThatThrownBy(() -> RunLock.acquire(layout)).isInstanceOf(LocalException.class)
                    .hasMessageContaining("already running").hasMessageContaining("pid " + other.pid())
                    .hasMessageContaining("fluxo local down");
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    @Test
    void aPidFileLeftByADeadRunIsTakenOverAndRemovedOnClose() throws Exception {
        LocalLayout layout = new LocalLayout(dir).create();
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Files.writeString(layout.pidFile(), String.valueOf(dead.pid()));
        try (RunLock lock = RunLock.acquire(layout)) {
            assertThat(Files.readString(layout.pidFile())).isEqualTo(String.valueOf(ProcessHandle.current().pid()));
        }
        assertThat(layout.pidFile()).doesNotExist();
    }

    @Test
    void childrenLeftRunningByAKilledRunAreStoppedBeforeTheNextStarts() throws Exception {
        LocalLayout layout = new LocalLayout(dir).create();
        // a stand-in for an orphaned job JVM: a java process recorded as a child
        Process sleeper = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-cp", System.getProperty("java.class.path"), Sleeper.class.getName()).start();
        Files.writeString(layout.childPids(), sleeper.pid() + "\n");
        try (RunLock lock = RunLock.acquire(layout)) {
            assertThat(sleeper.isAlive()).isFalse();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    /** Sleeps a minute: what an orphaned child looks like. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(60_000);
        }
    }
}
