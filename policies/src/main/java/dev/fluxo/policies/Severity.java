package dev.fluxo.policies;

import java.util.Arrays;
import java.util.Optional;

/** How a rule is enforced: a mandatory violation fails the preview/test, an advisory one is only reported. */
public enum Severity {
    MANDATORY("mandatory"),
    ADVISORY("advisory");

    private final String wireName;

    Severity(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in rules.yaml, in reports and as the CrossGuard enforcement level. */
    public String wireName() {
        return wireName;
    }

    /** The severity spelled {@code name} in rules.yaml, if any. */
    public static Optional<Severity> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(name)).findFirst();
    }
}
