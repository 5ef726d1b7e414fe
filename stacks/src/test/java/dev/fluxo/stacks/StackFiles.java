package dev.fluxo.stacks;

import dev.fluxo.stacks.config.StackConfig;
import dev.fluxo.stacks.config.StackFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed stack files and the repository around them, whether tests run from the module or the root. */
public final class StackFiles {
    private StackFiles() {
    }

    /** The repository root (where Pulumi.yaml is). */
    public static Path repoRoot() {
        return Files.exists(Path.of("../Pulumi.yaml")) ? Path.of("..") : Path.of("");
    }

    public static Path dir() {
        return repoRoot().resolve("stacks");
    }

    public static StackConfig load(String stack) {
        try {
            return StackFile.load(dir(), stack);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
