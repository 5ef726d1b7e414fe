package dev.fluxo.stacks.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSyntaxException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed, validating reads over one level of configuration (the top-level {@code fluxo:} keys, or one object such as
 * {@code fluxo:network}). A bad value never throws: it is recorded as a {@link ConfigProblem} and the read returns
 * empty, so that one pass reports every problem. {@link #finish()} reports the keys nobody read (typos).
 */
public final class ConfigSection {
    private final String prefix;
    private final Map<String, JsonElement> entries;
    private final Set<String> secretKeys;
    private final List<ConfigProblem> problems;
    private final Set<String> known = new LinkedHashSet<>();

    private ConfigSection(String prefix, Map<String, JsonElement> entries, Set<String> secretKeys,
                          List<ConfigProblem> problems) {
        this.prefix = prefix;
        this.entries = entries;
        this.secretKeys = secretKeys;
        this.problems = problems;
    }

    /** The keys of one namespace (e.g. {@code fluxo}) of a stack's configuration. */
    public static ConfigSection namespace(StackConfig config, String namespace, List<ConfigProblem> problems) {
        var entries = new LinkedHashMap<String, JsonElement>();
        var secrets = new LinkedHashSet<String>();
        config.values().forEach((key, raw) -> {
            if (key.startsWith(namespace + ":")) {
                var name = key.substring(namespace.length() + 1);
                entries.put(name, parseRaw(raw));
                if (config.isSecret(key)) {
                    secrets.add(name);
                }
            }
        });
        return new ConfigSection(namespace + ":", entries, secrets, problems);
    }

    // Pulumi passes objects and lists as JSON text and scalars as plain text.
    private static JsonElement parseRaw(String raw) {
        var trimmed = raw.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return JsonParser.parseString(trimmed);
            } catch (JsonSyntaxException e) {
                return new JsonPrimitive(raw);
            }
        }
        return new JsonPrimitive(raw);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    public String key(String name) {
        return prefix + name;
    }

    public boolean has(String name) {
        known.add(name);
        return entries.containsKey(name) && !entries.get(name).isJsonNull();
    }

    /** Records a problem about a key of this section. */
    public void problem(String name, String value, String problem, String allowed, String example) {
        problems.add(new ConfigProblem(key(name), value, problem, allowed, example));
    }

    private Optional<JsonElement> raw(String name) {
        return has(name) ? Optional.of(entries.get(name)) : Optional.empty();
    }

    private static String show(JsonElement e) {
        return e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    public Optional<String> string(String name, Pattern pattern, String allowed, String example) {
        return raw(name).flatMap(e -> {
            if (!e.isJsonPrimitive()) {
                problem(name, show(e), "expected text, got " + kind(e), allowed, example);
                return Optional.empty();
            }
            var s = e.getAsString().trim();
            if (!pattern.matcher(s).matches()) {
                problem(name, s, "not a valid value", allowed, example);
                return Optional.empty();
            }
            return Optional.of(s);
        });
    }

    public Optional<String> requiredString(String name, Pattern pattern, String allowed, String example) {
        if (!has(name)) {
            problem(name, null, "required key is missing", allowed, example);
            return Optional.empty();
        }
        return string(name, pattern, allowed, example);
    }

    public <E> Optional<E> oneOf(String name, Map<String, E> choices, boolean required, String example) {
        var allowed = String.join(" | ", choices.keySet());
        if (!has(name)) {
            if (required) {
                problem(name, null, "required key is missing", allowed, example);
            }
            return Optional.empty();
        }
        var e = entries.get(name);
        var value = show(e);
        var choice = e.isJsonPrimitive() ? choices.get(e.getAsString().trim()) : null;
        if (choice == null) {
            problem(name, value, "not one of the allowed values", allowed, example);
        }
        return Optional.ofNullable(choice);
    }

    public Optional<Integer> integer(String name, int min, int max, String example) {
        return longValue(name, min, max, example).map(Long::intValue);
    }

    public Optional<Long> longValue(String name, long min, long max, String example) {
        return raw(name).flatMap(e -> {
            var allowed = "a whole number from " + min + " to " + max;
            Long v = null;
            if (e.isJsonPrimitive()) {
                try {
                    v = Long.parseLong(e.getAsString().trim());
                } catch (NumberFormatException ignored) {
                    // reported below
                }
            }
            if (v == null) {
                problem(name, show(e), "expected a whole number, got " + kind(e), allowed, example);
                return Optional.empty();
            }
            if (v < min || v > max) {
                problem(name, show(e), "out of range", allowed, example);
                return Optional.empty();
            }
            return Optional.of(v);
        });
    }

    /** A whole number that must be one of a fixed set (e.g. CloudWatch's log retention periods). */
    public Optional<Integer> integerIn(String name, List<Integer> allowedValues, String example) {
        return raw(name).flatMap(e -> {
            var allowed = "one of " + allowedValues;
            try {
                var v = Integer.parseInt(e.getAsString().trim());
                if (allowedValues.contains(v)) {
                    return Optional.of(v);
                }
                problem(name, show(e), "not an accepted value", allowed, example);
            } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException ex) {
                problem(name, show(e), "expected a whole number, got " + kind(e), allowed, example);
            }
            return Optional.empty();
        });
    }

    public Optional<Boolean> bool(String name, String example) {
        return raw(name).flatMap(e -> {
            var s = e.isJsonPrimitive() ? e.getAsString().trim() : "";
            if (s.equals("true") || s.equals("false")) {
                return Optional.of(Boolean.parseBoolean(s));
            }
            problem(name, show(e), "expected true or false, got " + kind(e), "true | false", example);
            return Optional.empty();
        });
    }

    public Optional<List<String>> stringList(String name, Pattern item, String allowed, String example) {
        return raw(name).flatMap(e -> {
            if (!e.isJsonArray()) {
                problem(name, show(e), "expected a list, got " + kind(e), allowed, example);
                return Optional.empty();
            }
            var out = new ArrayList<String>();
            var ok = true;
            for (var it : e.getAsJsonArray()) {
                var s = it.isJsonPrimitive() ? it.getAsString().trim() : it.toString();
                if (!it.isJsonPrimitive() || !item.matcher(s).matches()) {
                    problem(name, s, "not a valid list item", allowed, example);
                    ok = false;
                } else {
                    out.add(s);
                }
            }
            return ok ? Optional.of(List.copyOf(out)) : Optional.empty();
        });
    }

    /** A nested object, read as its own section; empty (with a problem) when the value is not an object. */
    public Optional<ConfigSection> section(String name, String example) {
        return raw(name).flatMap(e -> {
            if (!e.isJsonObject()) {
                problem(name, show(e), "expected an object, got " + kind(e), "a map of settings", example);
                return Optional.empty();
            }
            return Optional.of(child(name, e.getAsJsonObject()));
        });
    }

    /** Like {@link #section} but an absent key reads as an empty object, so defaults apply. */
    public ConfigSection sectionOrEmpty(String name, String example) {
        if (!has(name)) {
            return child(name, new JsonObject());
        }
        return section(name, example).orElseGet(() -> child(name, new JsonObject()));
    }

    /** A list of objects, each read as its own section. */
    public List<ConfigSection> sections(String name, String example) {
        return raw(name).map(e -> {
            if (!e.isJsonArray()) {
                problem(name, show(e), "expected a list of objects, got " + kind(e), "a list of maps", example);
                return List.<ConfigSection>of();
            }
            var out = new ArrayList<ConfigSection>();
            var i = 0;
            for (var it : e.getAsJsonArray()) {
                var itemName = name + "[" + i++ + "]";
                if (!it.isJsonObject()) {
                    problem(itemName, show(it), "expected an object, got " + kind(it), "a map", example);
                } else {
                    out.add(child(itemName, it.getAsJsonObject()));
                }
            }
            return List.copyOf(out);
        }).orElse(List.of());
    }

    private ConfigSection child(String name, JsonObject object) {
        var map = new LinkedHashMap<String, JsonElement>();
        object.entrySet().forEach(en -> map.put(en.getKey(), en.getValue()));
        return new ConfigSection(prefix + name + ".", map, Set.of(), problems);
    }

    /** Whether the key was set as a Pulumi secret (only top-level keys can be). */
    public boolean isSecret(String name) {
        return secretKeys.contains(name);
    }

    /** Reports every key that was given but never read, with the closest known key as a hint. */
    public void finish() {
        for (var name : entries.keySet()) {
            if (!known.contains(name)) {
                var hint = closest(name).map(k -> "did you mean " + key(k) + "?").orElse("not a Fluxo setting");
                problems.add(new ConfigProblem(key(name), isSecret(name) ? "[secret]" : show(entries.get(name)),
                        "unknown key: " + hint, "one of " + known.stream().map(this::key).toList(), ""));
            }
        }
    }

    private Optional<String> closest(String name) {
        Function<String, Integer> distance = k -> levenshtein(k.toLowerCase(), name.toLowerCase());
        return known.stream().min(Comparator.comparing(distance)).filter(k -> distance.apply(k) <= 3);
    }

    private static int levenshtein(String a, String b) {
        var prev = new int[b.length() + 1];
        var cur = new int[b.length() + 1];
        for (var j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (var i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (var j = 1; j <= b.length(); j++) {
                var cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            var t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String kind(JsonElement e) {
        if (e.isJsonObject()) {
            return "an object";
        }
        if (e.isJsonArray()) {
            return "a list";
        }
        return "'" + e.getAsString() + "'";
    }
}
