package dev.fluxo.policies;

import java.util.List;

/** rules.yaml is invalid; {@link #problems()} lists every problem found, each naming its rule. */
public class PolicyDefinitionException extends RuntimeException {

    private final List<String> problems;

    public PolicyDefinitionException(String source, List<String> problems) {
        super("Invalid policy rules in " + source + " (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, e.g. {@code rule 'kms-key-rotation-enabled': unknown field 'sevrity'}. */
    public List<String> problems() {
        return problems;
    }
}
