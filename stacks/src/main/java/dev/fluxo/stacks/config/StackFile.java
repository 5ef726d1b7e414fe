package dev.fluxo.stacks.config;

import com.google.gson.Gson;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code stacks/Pulumi.<stack>.yaml} the way the Pulumi CLI hands it to a program: scalars as text, objects and
 * lists as JSON text. Encrypted values ({@code secure: ...}) cannot be decrypted without the stack's secrets
 * provider, so they become a placeholder that is marked secret — enough to plan and validate.
 */
public final class StackFile {
    /** What an encrypted value reads as outside Pulumi. */
    public static final String SECRET_PLACEHOLDER = "[secret: set with pulumi config set --secret]";
    private static final Pattern STACK_NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    private StackFile() {
    }

    /** The stacks that have a file in {@code dir}, sorted. */
    public static List<String> available(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("Pulumi.") && n.endsWith(".yaml"))
                    .map(n -> n.substring("Pulumi.".length(), n.length() - ".yaml".length()))
                    .sorted().toList();
        }
    }

    /**
     * Loads one stack's file.
     *
     * @throws IllegalArgumentException with a one-line explanation for a bad name, a missing file or bad YAML
     */
    public static StackConfig load(Path dir, String stack) throws IOException {
        if (!STACK_NAME.matcher(stack).matches()) {
            throw new IllegalArgumentException("'" + stack + "' is not a stack name (letters, digits, _ . - only)");
        }
        var file = dir.resolve("Pulumi." + stack + ".yaml");
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no stack '" + stack + "': " + file + " does not exist; stacks here: "
                    + available(dir));
        }
        return parse(stack, text, file.toString());
    }

    /** Parses the text of a stack file. */
    public static StackConfig parse(String stack, String text, String source) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            throw new IllegalArgumentException(source + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        var values = new LinkedHashMap<String, String>();
        var secrets = new HashSet<String>();
        if (root instanceof Map<?, ?> top && top.get("config") instanceof Map<?, ?> config) {
            var gson = new Gson();
            config.forEach((k, v) -> {
                var key = String.valueOf(k);
                if (v instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("secure")) {
                    values.put(key, SECRET_PLACEHOLDER);
                    secrets.add(key);
                } else if (v instanceof Map<?, ?> || v instanceof List<?>) {
                    values.put(key, gson.toJson(v));
                } else {
                    values.put(key, v == null ? "" : String.valueOf(v));
                }
            });
        } else if (root != null) {
            throw new IllegalArgumentException(source + " has no 'config:' map");
        }
        return new StackConfig(stack, values, secrets);
    }
}
