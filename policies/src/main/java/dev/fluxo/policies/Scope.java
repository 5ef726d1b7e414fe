package dev.fluxo.policies;

import java.util.Arrays;
import java.util.Optional;

/** What a rule's check can see. */
public enum Scope {
    /** One resource: {@code inputs}, {@code type}, {@code name}, {@code environment}. */
    RESOURCE("resource"),
    /** One subject resource plus {@code resources}: every resource of the stack. */
    STACK("stack");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in rules.yaml. */
    public String wireName() {
        return wireName;
    }

    /** The scope spelled {@code name} in rules.yaml, if any. */
    public static Optional<Scope> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
