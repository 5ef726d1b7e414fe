package dev.fluxo.stacks.spec;

import dev.fluxo.policies.Suppression;

import java.util.List;

/**
 * Policy settings ({@code fluxo:policy}): the violations this stack accepts, each with a written reason that every
 * report shows.
 *
 * @param suppressions accepted violations
 */
public record PolicySpec(List<Suppression> suppressions) {
    public PolicySpec {
        suppressions = List.copyOf(suppressions);
    }
}
