package dev.fluxo.components.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects every problem of a set of component arguments, so the user sees all of them in one message
 * instead of fixing one per run.
 */
public final class Problems {
    private final String argsName;
    private final List<String> problems = new ArrayList<>();

    /** @param argsName e.g. {@code NetworkArgs}, the first words of the message */
    public Problems(String argsName) {
        this.argsName = argsName;
    }

    /** Records {@code message} unless {@code ok}. */
    public Problems require(boolean ok, Supplier<String> message) {
        if (!ok) {
            problems.add(message.get());
        }
        return this;
    }

    /** Runs a check that throws {@link IllegalArgumentException}; records its message instead of failing. */
    public Problems check(String prefix, Runnable check) {
        try {
            check.run();
        } catch (IllegalArgumentException e) {
            problems.add(prefix + e.getMessage());
        }
        return this;
    }

    /** Throws one {@link IllegalArgumentException} listing every problem, if there is any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid " + argsName + ":\n - " + String.join("\n - ", problems));
        }
    }
}
