package dev.fluxo.transform.service.config;

import java.util.List;

/** The service's environment is incomplete or invalid: one line per missing or invalid variable, all at once. */
public final class SettingsException extends IllegalArgumentException {
    private final List<String> problems;

    public SettingsException(List<String> problems) {
        super("invalid transform service configuration: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as one line naming its variable (never a password's value). */
    public List<String> problems() {
        return problems;
    }
}
