package dev.fluxo.policies;

import com.google.gson.JsonParser;
import dev.fluxo.policies.cel.CelValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The fixtures shared with the CrossGuard pack's node tests (policies/fixtures): either
 * {@code {environment, resources, expected}} or a plain array of resources with a sibling
 * {@code <name>.expected.json} holding {@code {environment, expected}}.
 */
record Fixture(String file, String environment, List<ResourceInput> resources, List<String> expected) {

    static final Path DIRECTORY = Path.of("fixtures");
    private static final String EXPECTED_SUFFIX = ".expected.json";

    static List<Fixture> all() {
        try (Stream<Path> files = Files.list(DIRECTORY)) {
            return files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(EXPECTED_SUFFIX))
                    .sorted().map(Fixture::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Fixture read(Path path) {
        Object content = json(path);
        Path sibling = path.resolveSibling(path.getFileName().toString().replaceAll("\\.json$", EXPECTED_SUFFIX));
        Map<String, Object> meta = content instanceof List<?> ? (Files.exists(sibling) ? (Map<String, Object>) json(sibling) : null)
                : (Map<String, Object>) content;
        if (meta == null || !(meta.get("environment") instanceof String env) || !(meta.get("expected") instanceof List<?> expected)) {
            throw new IllegalStateException("fixture " + path + " needs 'environment' and 'expected' (in the file or in " + sibling + ")");
        }
        List<?> resources = content instanceof List<?> list ? list : (List<?>) meta.get("resources");
        return new Fixture(path.getFileName().toString(), env,
                resources.stream().map(r -> (Map<String, Object>) r).map(r -> new ResourceInput((String) r.get("type"),
                        (String) r.get("name"), (Map<String, Object>) r.getOrDefault("inputs", Map.of()))).toList(),
                expected.stream().map(e -> (Map<String, Object>) e).map(e -> line((String) e.get("rule"), (String) e.get("resource")))
                        .sorted().toList());
    }

    static String line(String ruleId, String resourceName) {
        return ruleId + " " + resourceName;
    }

    private static Object json(Path path) {
        try {
            return CelValues.json(JsonParser.parseString(Files.readString(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
