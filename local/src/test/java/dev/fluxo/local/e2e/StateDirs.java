package dev.fluxo.local.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** State directories of the end-to-end tests, under {@code target/e2e/} so that a failed run can be inspected. */
final class StateDirs {
    private StateDirs() {
    }

    /** {@code target/e2e/<name>}, emptied. */
    static Path fresh(String name) {
        Path dir = Path.of("target", "e2e", name).toAbsolutePath();
        try {
            if (Files.exists(dir)) {
                try (var walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
