package dev.fluxo.stacks.ci;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The GitHub Actions workflows parse and keep their promises: tests, previews with policies, ordered OIDC deploys. */
class WorkflowsTest {

    static Path root() {
        return dev.fluxo.stacks.StackFiles.repoRoot();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> workflow(String file) throws IOException {
        var text = Files.readString(root().resolve(".github/workflows").resolve(file));
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> steps(Map<String, Object> job) {
        return (List<Map<String, Object>>) job.get("steps");
    }

    // SnakeYAML (YAML 1.1) reads the key `on` as Boolean.TRUE.
    static Map<String, Object> triggers(Map<String, Object> wf) {
        return map(wf.containsKey("on") ? wf.get("on") : ((Map<?, ?>) wf).get(Boolean.TRUE));
    }

    @Test
    void ciRunsExactlyTheReadmesTestCommand() throws IOException {
        var readme = Files.readString(root().resolve("README.md"));
        var testCommand = readme.lines().filter(l -> l.startsWith("mvn ")).findFirst().orElseThrow()
                .replaceAll("\\s+#.*", "").trim();
        var wf = workflow("ci.yml");
        assertThat(triggers(wf)).containsKeys("push", "pull_request");
        var run = steps(map(map(wf.get("jobs")).get("test"))).stream().map(s -> s.get("run")).filter(r -> r != null).toList();
        assertThat(run).containsExactly(testCommand);
        assertThat(Files.readString(root().resolve(".ci/run"))).contains("\n" + testCommand + "\n");
    }

    @Test
    void previewRunsEveryStackWithThePolicyPackAndCommentsOnThePullRequest() throws IOException {
        var wf = workflow("preview.yml");
        assertThat(triggers(wf)).containsKey("pull_request");
        assertThat(map(wf.get("permissions"))).containsEntry("id-token", "write").containsEntry("pull-requests", "write");
        var job = map(map(wf.get("jobs")).get("preview"));
        assertThat(map(map(job.get("strategy")).get("matrix"))).containsEntry("stack", List.of("dev", "staging", "prod"));
        var pulumi = steps(job).stream().filter(s -> String.valueOf(s.get("uses")).startsWith("pulumi/actions@")).findFirst().orElseThrow();
        assertThat(map(pulumi.get("with"))).containsEntry("command", "preview").containsEntry("comment-on-pr", true)
                .containsEntry("policyPacks", "policies/crossguard");
        assertThat(steps(job)).anySatisfy(WorkflowsTest::buildsEveryArtifact);
    }

    /** The program checks its artifacts (Lambda jars, job jar, MSK plugin zip) before preview and up: build them all. */
    static void buildsEveryArtifact(Map<String, Object> step) {
        assertThat(String.valueOf(step.get("run"))).startsWith(dev.fluxo.stacks.Artifacts.BUILD_COMMAND)
                .doesNotContain("-pl ");
    }

    @Test
    void deployPromotesDevThenStagingThenProdBehindEnvironments() throws IOException {
        var wf = workflow("deploy.yml");
        assertThat(map(triggers(wf).get("push"))).containsEntry("branches", List.of("main"));
        var jobs = map(wf.get("jobs"));
        assertThat(jobs).containsOnlyKeys("dev", "staging", "prod");
        assertThat(map(jobs.get("staging"))).containsEntry("needs", "dev");
        assertThat(map(jobs.get("prod"))).containsEntry("needs", "staging");
        var stack = map(map(workflow("deploy-stack.yml").get("jobs")).get("up"));
        assertThat(stack).containsEntry("environment", "${{ inputs.stack }}");
        assertThat(map(stack.get("concurrency"))).containsEntry("group", "pulumi-up-${{ inputs.stack }}")
                .containsEntry("cancel-in-progress", false);
        var pulumi = steps(stack).stream().filter(s -> String.valueOf(s.get("uses")).startsWith("pulumi/actions@")).findFirst().orElseThrow();
        assertThat(map(pulumi.get("with"))).containsEntry("command", "up");
        assertThat(steps(stack)).anySatisfy(WorkflowsTest::buildsEveryArtifact);
    }

    @Test
    void awsCredentialsComeFromOidcRolesNeverFromKeys() throws IOException {
        for (var file : List.of("preview.yml", "deploy-stack.yml")) {
            var text = Files.readString(root().resolve(".github/workflows").resolve(file));
            assertThat(text).as(file).contains("role-to-assume:").doesNotContain("aws-access-key-id")
                    .doesNotContain("AWS_SECRET_ACCESS_KEY");
            assertThat(map(workflow(file).get("permissions"))).as(file).containsEntry("id-token", "write");
        }
    }
}
