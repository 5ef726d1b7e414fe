package dev.fluxo.stacks;

import dev.fluxo.stacks.config.StackConfig;
import dev.fluxo.stacks.config.StackFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed stack files, found whether tests run from the module or the repository root. */
public final class StackFiles {
    private StackFiles() {
    }

    public static Path dir() {
        return Files.exists(Path.of("Pulumi.dev.yaml")) ? Path.of("") : Path.of("stacks");
    }

    public static StackConfig load(String stack) {
        try {
            return StackFile.load(dir(), stack);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
