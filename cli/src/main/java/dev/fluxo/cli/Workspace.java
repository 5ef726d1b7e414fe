package dev.fluxo.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the Fluxo checkout the command runs in: {@code FLUXO_HOME} (set by ./fluxo), else the nearest Pulumi.yaml. */
final class Workspace {
    private Workspace() {
    }

    static Path root() {
        var home = Optional.ofNullable(System.getenv("FLUXO_HOME")).map(Path::of);
        if (home.isPresent()) {
            return home.get();
        }
        for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("Pulumi.yaml"))) {
                return dir;
            }
        }
        return Path.of("").toAbsolutePath();
    }
}
