package dev.fluxo.stacks.plan;

import java.util.Map;
import java.util.Optional;

/**
 * One resource the program registered.
 *
 * @param type   the Pulumi type token
 * @param name   the logical name
 * @param parent the parent's {@code type::name}, empty for the stack itself
 * @param inputs the input properties, secrets redacted
 */
public record PlannedResource(String type, String name, Optional<String> parent, Map<String, Object> inputs) {
    public String id() {
        return type + "::" + name;
    }

    public boolean isComponent() {
        return !type.contains("/") && !type.startsWith("pulumi:");
    }
}
