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

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
