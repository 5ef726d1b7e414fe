package dev.fluxo.jobs.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Command-line options ({@code --name value} or {@code --name=value}) with an environment fallback
 * ({@code FLUXO_NAME}, dashes as underscores). Reading never stops at the first problem: every problem is collected and
 * {@link #done()} reports them all at once.
 */
public final class Arguments {
    /** Prefix of the environment variable that stands in for an option. */
    public static final String ENV_PREFIX = "FLUXO_";

    private final Map<String, String> given = new LinkedHashMap<>();
    private final Map<String, String> env;
    private final Set<String> flags;
    private final Set<String> read = new java.util.HashSet<>();
    private final List<String> problems = new ArrayList<>();

    /**
     * @param args  the command line
     * @param env   the environment (System.getenv() in production)
     * @param flags options that take no value (present means true)
     */
    public Arguments(String[] args, Map<String, String> env, Set<String> flags) {
        this.env = Map.copyOf(env);
        this.flags = Set.copyOf(flags);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                problems.add("unexpected argument '" + arg + "'");
                continue;
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (flags.contains(name)) {
                value = "true";
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                problems.add("--" + name + " needs a value");
                continue;
            }
            given.put(name, value);
        }
    }

    /** The environment variable that stands in for {@code --name}. */
    public static String envName(String name) {
        return ENV_PREFIX + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The option's value from the command line, else the environment; blank counts as absent. */
    public Optional<String> optional(String name) {
        read.add(name);
        String value = given.containsKey(name) ? given.get(name) : env.get(envName(name));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** The value, or a problem "--name is required (what)" and an empty result. */
    public Optional<String> required(String name, String what) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            problems.add("--" + name + " is required (" + what + ")");
        }
        return value;
    }

    /** The value converted by {@code parse}; a conversion failure becomes a problem naming the option. */
    public <T> Optional<T> parsed(String name, Function<String, T> parse, String expected) {
        return optional(name).flatMap(v -> {
            try {
                return Optional.of(parse.apply(v));
            } catch (RuntimeException e) {
                problems.add("--" + name + " must be " + expected + ", got '" + v + "'");
                return Optional.empty();
            }
        });
    }

    /** A positive integer option with a default. */
    public int positiveInt(String name, int defaultValue) {
        return parsed(name, v -> {
            int n = Integer.parseInt(v);
            if (n <= 0) {
                throw new IllegalArgumentException();
            }
            return n;
        }, "a positive integer").orElse(defaultValue);
    }

    /** A boolean option: the flag alone, or {@code true}/{@code false}. */
    public boolean bool(String name, boolean defaultValue) {
        return parsed(name, v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException();
        }, "true or false").orElse(defaultValue);
    }

    /** A duration option such as {@code 500ms}, {@code 1s}, {@code 5m}, {@code 12h} or {@code 7d}. */
    public Optional<Duration> duration(String name) {
        return parsed(name, Arguments::parseDuration, "a duration like 500ms, 1s, 5m, 12h or 7d");
    }

    /** Records a problem found while combining options. */
    public void problem(String text) {
        problems.add(text);
    }

    /** Throws {@link InvalidConfigException} listing every problem, including options nobody asked for. */
    public void done() {
        for (String name : given.keySet()) {
            if (!read.contains(name) && !flags.contains(name)) {
                problems.add("unknown option --" + name);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
    }

    /** Parses {@code <number><unit>} with unit ms, s, m, h or d. */
    public static Duration parseDuration(String text) {
        var m = java.util.regex.Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)").matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }
}
