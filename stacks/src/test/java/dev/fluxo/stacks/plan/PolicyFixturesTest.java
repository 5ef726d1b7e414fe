package dev.fluxo.stacks.plan;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonParser;
import com.pulumi.Context;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.kinesis.Stream;
import com.pulumi.aws.kinesis.StreamArgs;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.test.PulumiTest;
import dev.fluxo.policies.ResourceInput;
import dev.fluxo.policies.Violation;
import dev.fluxo.stacks.FluxoStack;
import dev.fluxo.stacks.StackFiles;
import dev.fluxo.stacks.spec.StackSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the CrossGuard pack's fixtures in {@code policies/fixtures} equal to what the real stacks produce, so the
 * Java and the TypeScript evaluators are tested on the same resources. Regenerate with
 * {@code mvn -pl stacks test -Dfluxo.updateFixtures=true}.
 */
class PolicyFixturesTest {
    private static final boolean UPDATE = Boolean.getBoolean("fluxo.updateFixtures");

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    static Path fixtures() {
        return StackFiles.repoRoot().resolve("policies/fixtures");
    }

    /** A stack with the mistakes the policies exist for: a public unencrypted bucket, an unencrypted stream, `*` on `*`. */
    static void brokenStack(Context ctx, StackSpec spec) {
        FluxoStack.define(ctx, spec);
        new BucketV2("broken-public-bucket", BucketV2Args.builder().bucket("fluxo-broken-public").tags(spec.tags()).build());
        new Stream("broken-unencrypted-stream", StreamArgs.builder().shardCount(1).tags(spec.tags()).build());
        var role = new Role("broken-role", RoleArgs.builder().name("broken-role").tags(spec.tags())
                .assumeRolePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                        + "{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}").build());
        new RolePolicy("broken-admin-policy", RolePolicyArgs.builder().role(role.name())
                .policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}")
                .build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "staging", "prod", "k8s-dev"})
    void committedPlanFixturesMatchTheStacks(String stack) throws IOException {
        var plan = Plan.run(StackFiles.load(stack));
        check("plan-" + stack, plan);
    }

    @Test
    void aDeliberatelyBrokenStackFailsWithTheRulesTheCrossGuardPackReports() throws IOException {
        var plan = Plan.run(StackFiles.load("dev"), PolicyFixturesTest::brokenStack);
        assertThat(plan.exitCode()).isEqualTo(Plan.POLICY_VIOLATION);
        assertThat(plan.policy().mandatory()).extracting(v -> v.ruleId() + "@" + v.resourceName()).contains(
                "s3-bucket-public-access-blocked@broken-public-bucket", "s3-bucket-encrypted-kms@broken-public-bucket",
                "s3-bucket-tls-only@broken-public-bucket", "kinesis-stream-encrypted-kms@broken-unencrypted-stream",
                "iam-no-wildcard-admin-statement@broken-admin-policy");
        check("plan-broken-dev", plan);
    }

    private static void check(String name, Plan plan) throws IOException {
        var gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();
        // Sorted: the engine registers resources in an order that varies from run to run.
        var resources = gson.toJson(plan.policyInputs().stream()
                .sorted(java.util.Comparator.comparing(ResourceInput::type).thenComparing(ResourceInput::name))
                .map(PolicyFixturesTest::asMap).toList()) + "\n";
        var expected = new LinkedHashMap<String, Object>();
        expected.put("environment", plan.spec().environment().id());
        // The pack has no suppressions: it reports what the Java report lists as violations and as suppressed.
        expected.put("expected", expectedPairs(plan));
        var expectedJson = gson.toJson(expected) + "\n";
        var dir = fixtures();
        var resourcesFile = dir.resolve(name + ".json");
        var expectedFile = dir.resolve(name + ".expected.json");
        if (UPDATE) {
            Files.writeString(resourcesFile, resources);
            Files.writeString(expectedFile, expectedJson);
        }
        var hint = " is stale; regenerate with: mvn -pl stacks test -Dfluxo.updateFixtures=true";
        assertThat(Files.exists(resourcesFile)).as(resourcesFile + " is missing;" + hint).isTrue();
        assertThat(JsonParser.parseString(Files.readString(resourcesFile))).as(resourcesFile + hint)
                .isEqualTo(JsonParser.parseString(resources));
        assertThat(JsonParser.parseString(Files.readString(expectedFile))).as(expectedFile + hint)
                .isEqualTo(JsonParser.parseString(expectedJson));
    }

    private static List<Map<String, String>> expectedPairs(Plan plan) {
        var violations = new java.util.ArrayList<Violation>(plan.policy().violations());
        plan.policy().suppressed().forEach(s -> violations.add(s.violation()));
        return violations.stream()
                .map(v -> Map.of("rule", v.ruleId(), "resource", v.resourceName()))
                .sorted(java.util.Comparator.comparing((Map<String, String> m) -> m.get("rule"))
                        .thenComparing(m -> m.get("resource")))
                .toList();
    }

    private static Map<String, Object> asMap(ResourceInput r) {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", r.type());
        m.put("name", r.name());
        m.put("inputs", r.inputs());
        return m;
    }
}
