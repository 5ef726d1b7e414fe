package dev.fluxo.cli;

import dev.fluxo.stacks.Artifacts;

import java.nio.file.Path;

/** The Fluxo checkout the command runs in: {@code FLUXO_HOME} (set by ./fluxo), else the nearest Pulumi.yaml. */
final class Workspace {
    private Workspace() {
    }

    static Path root() {
        return Artifacts.projectRoot();
    }
}
