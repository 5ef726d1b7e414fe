package dev.fluxo.components.naming;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The tags every Fluxo resource carries. Cost reports and ownership queries group by these keys, so a
 * component refuses tags that lack one of them.
 */
public final class ResourceTags {
    public static final String ENVIRONMENT = "environment";
    public static final String PROJECT = "project";
    public static final String OWNER = "owner";
    public static final String COST_CENTER = "cost-center";
    /** The tag the AWS console shows as a resource's name. */
    public static final String NAME = "Name";
    /** Keys that {@link #require} insists on. */
    public static final List<String> REQUIRED = List.of(ENVIRONMENT, PROJECT, OWNER, COST_CENTER);

    private ResourceTags() {
    }

    /**
     * Returns a copy of {@code tags} after checking that every {@link #REQUIRED} key has a non-blank value.
     *
     * @param component the component's name, for the error message
     */
    public static Map<String, String> require(String component, Map<String, String> tags) {
        if (tags == null) {
            throw new IllegalArgumentException(component + ": tags are required (keys " + REQUIRED + ")");
        }
        var missing = REQUIRED.stream().filter(k -> tags.get(k) == null || tags.get(k).isBlank()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(component + ": tags lack " + missing + " (required: " + REQUIRED
                    + ", given: " + new TreeMap<>(tags).keySet() + ")");
        }
        return Map.copyOf(tags);
    }

    /** The tags plus {@code Name=name}; a {@code Name} already in {@code tags} is replaced. */
    public static Map<String, String> named(Map<String, String> tags, String name) {
        Objects.requireNonNull(name, "name");
        var all = new TreeMap<>(tags);
        all.put(NAME, name);
        return Map.copyOf(all);
    }
}
