package dev.fluxo.policies;

import java.util.List;
import java.util.Optional;

/**
 * One rule of rules.yaml, as written there.
 *
 * @param environments the environments the rule applies in; empty means every environment ({@code all})
 * @param resourceTypes Pulumi type tokens the rule checks; {@value #ANY_TYPE} means every type
 * @param when          optional CEL precondition; the rule is skipped for a resource where it is false
 * @param check         CEL expression, true when the resource complies
 */
public record Rule(String id, String description, Severity severity, List<String> environments, Scope scope,
                   List<String> resourceTypes, Optional<String> when, String check, String message,
                   String remediation) {

    /** The resourceTypes entry that matches every type. */
    public static final String ANY_TYPE = "*";

    /** True when the rule applies to resources of {@code type} in {@code environment}. */
    public boolean appliesTo(String type, String environment) {
        return (environments.isEmpty() || environments.contains(environment))
                && (resourceTypes.contains(ANY_TYPE) || resourceTypes.contains(type));
    }
}
