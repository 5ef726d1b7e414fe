package dev.fluxo.components;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import dev.fluxo.components.testing.RecordedResource;
import dev.fluxo.components.testing.RecordingMocks;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs a program under {@link RecordingMocks} and reads what it registered. */
final class ComponentTestSupport {
    static final Map<String, String> TAGS = Map.of("environment", "dev", "project", "fluxo", "owner", "data-platform",
            "cost-center", "cc-1234");

    private ComponentTestSupport() {
    }

    /** Runs the program and fails with the program's own errors if it did not succeed. */
    static TestResult run(RecordingMocks mocks, Consumer<Context> program) {
        return run(mocks, Map.of(), program);
    }

    /** Runs the program with stack config such as {@code fluxo:allowDataDeletion=true}. */
    static TestResult run(RecordingMocks mocks, Map<String, String> config, Consumer<Context> program) {
        return run(mocks, config, new ResourceOptionsRecorder(), program);
    }

    /** Runs the program, recording every resource's options in {@code recorder}. */
    static TestResult run(RecordingMocks mocks, Map<String, String> config, ResourceOptionsRecorder recorder,
                          Consumer<Context> program) {
        var result = PulumiTestInternal.builder()
                .options(TestOptions.builder().projectName("fluxo").stackName("dev")
                        .resourceTransformations(List.of(recorder)).build())
                .mocks(mocks)
                .config(config)
                .build()
                .runTest(program);
        assertThat(result.exceptions()).as("program exceptions").isEmpty();
        assertThat(result.exitCode()).as("exit code, errors " + result.errors()).isZero();
        return result;
    }

    static <T> T value(Output<T> output) {
        return PulumiTest.extractValue(output);
    }

    static String urn(Resource resource) {
        return value(resource.urn());
    }

    /** The single recorded resource of a type. */
    static RecordedResource only(RecordingMocks mocks, String type) {
        var all = mocks.ofType(type);
        assertThat(all).as("resources of type " + type).hasSize(1);
        return all.get(0);
    }

    /** The mandatory policy violations over every recorded resource (components excluded). */
    static List<dev.fluxo.policies.Violation> mandatoryViolations(RecordingMocks mocks, String environment) {
        var inputs = mocks.resources().stream()
                .filter(r -> r.type().split(":").length == 3 && r.type().split(":")[1].contains("/"))
                .map(r -> new dev.fluxo.policies.ResourceInput(r.type(), r.name(), r.inputsWithIdentity()))
                .toList();
        return dev.fluxo.policies.PolicySet.load().evaluate(inputs, environment, List.of()).mandatory();
    }

    /** The IAM statements of a recorded policy-bearing resource's {@code policy} input (a JSON document). */
    static List<Map<String, Object>> statements(RecordedResource resource) {
        var json = com.google.gson.JsonParser.parseString((String) resource.inputs().get("policy")).getAsJsonObject();
        var list = new java.util.ArrayList<Map<String, Object>>();
        json.getAsJsonArray("Statement").forEach(e -> list.add(new com.google.gson.Gson().<Map<String, Object>>fromJson(e,
                new com.google.gson.reflect.TypeToken<Map<String, Object>>() { }.getType())));
        return list;
    }

    /** Every action a policy document's Allow statements grant. */
    @SuppressWarnings("unchecked")
    static List<String> allowedActions(RecordedResource resource) {
        return statements(resource).stream().filter(s -> "Allow".equals(s.get("Effect")))
                .flatMap(s -> ((List<String>) s.get("Action")).stream()).toList();
    }

    /** A temp file standing for a built jar. */
    static String tempJar(String name) {
        try {
            var file = java.nio.file.Files.createTempFile(name, ".jar");
            java.nio.file.Files.writeString(file, "not really a jar");
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
