package dev.fluxo.stacks.config;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Thrown before any resource is registered when a stack's configuration has problems; lists all of them. */
public final class InvalidStackConfigException extends RuntimeException {
    private final String stack;
    private final transient List<ConfigProblem> problems;

    public InvalidStackConfigException(String stack, List<ConfigProblem> problems) {
        super(render(stack, problems));
        this.stack = stack;
        this.problems = List.copyOf(problems);
    }

    public String stack() {
        return stack;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    public static String render(String stack, List<ConfigProblem> problems) {
        var noun = problems.size() == 1 ? "problem" : "problems";
        return "Stack '" + stack + "' has " + problems.size() + " configuration " + noun
                + "; nothing was registered.\n"
                + IntStream.range(0, problems.size())
                .mapToObj(i -> String.format("  %d. %s", i + 1, problems.get(i).render()))
                .collect(Collectors.joining("\n"));
    }
}
