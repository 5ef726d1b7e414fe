package dev.fluxo.components.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One resource as the Pulumi engine would have received it: its type token, its logical name and its input
 * properties (wire names, camelCase; plain Java values: String, Boolean, Number, List, Map).
 *
 * @param type   the type token, e.g. {@code aws:s3/bucketV2:BucketV2}
 * @param name   the logical (Pulumi) name
 * @param inputs the resolved inputs; unknown values are absent
 */
public record RecordedResource(String type, String name, Map<String, Object> inputs) {
    public RecordedResource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs == null ? Map.of() : inputs));
    }

    /** The input at a dotted path ({@code "versioningConfiguration.status"}); list elements by index ({@code "rules.0.id"}). */
    public Optional<Object> input(String path) {
        Object current = inputs;
        for (var part : path.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(part);
            } else if (current instanceof java.util.List<?> list && part.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(part);
                current = index < list.size() ? list.get(index) : null;
            } else {
                return Optional.empty();
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /** The {@code tags} input, or an empty map when the resource has none. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> tags() {
        return input("tags").map(t -> (Map<String, Object>) t).orElse(Map.of());
    }
}
