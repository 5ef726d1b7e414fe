package dev.fluxo.stacks.config;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A stack's raw configuration: every key ({@code namespace:name}) with its value as Pulumi hands it to the program
 * (objects and lists as JSON text), and which keys are secrets. Reading the whole map, not key by key, is what lets
 * validation report unknown keys (typos) instead of silently ignoring them.
 *
 * @param stack      the stack name
 * @param values     all configuration values
 * @param secretKeys the keys whose values were set with {@code pulumi config set --secret}
 */
public record StackConfig(String stack, Map<String, String> values, Set<String> secretKeys) {
    public StackConfig {
        values = Map.copyOf(new TreeMap<>(values));
        secretKeys = Set.copyOf(secretKeys);
    }

    /** The configuration of the running Pulumi program, from the environment the language host sets. */
    public static StackConfig fromEnvironment() {
        var stack = Optional.ofNullable(System.getenv("PULUMI_STACK")).orElse("stack");
        var config = Optional.ofNullable(System.getenv("PULUMI_CONFIG")).orElse("{}");
        var secrets = Optional.ofNullable(System.getenv("PULUMI_CONFIG_SECRET_KEYS")).orElse("[]");
        var gson = new Gson();
        Map<String, String> values = gson.fromJson(config, new TypeToken<Map<String, String>>() { }.getType());
        List<String> secretKeys = gson.fromJson(secrets, new TypeToken<List<String>>() { }.getType());
        return new StackConfig(stack, values, Set.copyOf(secretKeys));
    }

    public boolean isSecret(String key) {
        return secretKeys.contains(key);
    }
}
