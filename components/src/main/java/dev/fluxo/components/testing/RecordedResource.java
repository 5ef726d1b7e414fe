package dev.fluxo.components.testing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One resource as the Pulumi engine would have received it: its type token, its logical name and its input
 * properties (wire names, camelCase; plain Java values: String, Boolean, Number, List, Map). The wire
 * carries every number as a double; whole numbers are recorded as {@link Integer} (or {@link Long} when
 * larger), so {@code inputs().get("port")} equals {@code 5432}.
 *
 * @param type    the type token, e.g. {@code aws:s3/bucketV2:BucketV2}
 * @param name    the logical (Pulumi) name
 * @param inputs  the resolved inputs; unknown values are absent
 * @param outputs the state the mocks answered (inputs plus computed values such as {@code id}, {@code arn} and
 *                generated physical names)
 */
public record RecordedResource(String type, String name, Map<String, Object> inputs, Map<String, Object> outputs) {
    public RecordedResource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        inputs = normalize(inputs == null ? Map.of() : inputs);
        outputs = normalize(outputs == null ? Map.of() : outputs);
    }

    public RecordedResource(String type, String name, Map<String, Object> inputs) {
        this(type, name, inputs, Map.of());
    }

    /**
     * The inputs plus the physical name the provider would generate from a prefix ({@code bucket}, {@code name},
     * {@code identifier}) and the {@code id}: what a reference to this resource resolves to in a real deployment.
     * Policy rules that link resources by value read these.
     */
    public Map<String, Object> inputsWithIdentity() {
        var merged = new LinkedHashMap<String, Object>(inputs);
        for (var key : java.util.List.of("bucket", "name", "identifier")) {
            if (!merged.containsKey(key) && outputs.get(key) != null
                    && (inputs.containsKey(key + "Prefix") || key.equals("bucket") && inputs.containsKey("bucketPrefix"))) {
                merged.put(key, outputs.get(key));
            }
        }
        return Collections.unmodifiableMap(merged);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> normalize(Map<String, Object> map) {
        var copy = new LinkedHashMap<String, Object>();
        map.forEach((k, v) -> copy.put(k, normalizeValue(v)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object normalizeValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return normalize((Map<String, Object>) map);
        }
        if (value instanceof java.util.List<?> list) {
            return Collections.unmodifiableList(list.stream().map(RecordedResource::normalizeValue)
                    .collect(java.util.stream.Collectors.toList()));
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 9.0e15) {
            long whole = d.longValue();
            return whole >= Integer.MIN_VALUE && whole <= Integer.MAX_VALUE ? (Object) (int) whole : (Object) whole;
        }
        return value;
    }

    /**
     * The input at a dotted path ({@code "versioningConfiguration.status"}); list elements by index
     * ({@code "rules.0.id"}).
     */
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
