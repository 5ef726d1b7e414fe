package dev.fluxo.cli.cost;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cloud resource as the estimate sees it.
 *
 * @param type      the Pulumi type token
 * @param name      the logical name
 * @param component the component it belongs to, e.g. {@code SourceDatabase source} ("stack" at the top)
 * @param inputs    its inputs, with generated physical names
 */
public record PricedResource(String type, String name, String component, Map<String, Object> inputs) {
    public PricedResource {
        inputs = inputs == null ? Map.of() : inputs;
    }

    /** The input at a dotted path ({@code capacity.provisionedCapacity.mcuCount}). */
    public Optional<Object> input(String path) {
        Object current = inputs;
        for (var part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || map.get(part) == null) {
                return Optional.empty();
            }
            current = map.get(part);
        }
        return Optional.of(current);
    }

    public Optional<String> string(String path) {
        return input(path).map(String::valueOf);
    }

    public double number(String path, double otherwise) {
        return input(path).map(v -> v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v)))
                .orElse(otherwise);
    }

    public boolean flag(String path) {
        return input(path).map(v -> Boolean.TRUE.equals(v) || "true".equals(v)).orElse(false);
    }

    public int listSize(String path) {
        return input(path).map(v -> v instanceof List<?> l ? l.size() : 1).orElse(0);
    }
}
