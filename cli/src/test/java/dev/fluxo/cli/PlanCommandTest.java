package dev.fluxo.cli;

import com.google.gson.JsonParser;
import com.pulumi.test.PulumiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PlanCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    static Path stacksDir() {
        return Files.isDirectory(Path.of("../stacks")) ? Path.of("../stacks") : Path.of("stacks");
    }

    private int run(String... args) {
        var cl = Fluxo.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void planPrintsTheResourceTreeCountsAndPolicyReport() {
        var code = run("plan", "dev", "--stacks-dir", stacksDir().toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString())
                .contains("Plan for stack 'dev' (dev, us-east-1)")
                .contains("└─ fluxo:index:StreamingLakehouse  fluxo").contains("├─ fluxo:index:Network  network")
                .contains("aws:rds/instance:Instance  source-instance  engine=postgres")
                .containsPattern("\\d+ resources \\(9 of them components\\)")
                .contains("Policy report for environment 'dev': 0 mandatory");
    }

    @Test
    void devAndProdTreesDifferAsTheirConfigSays() {
        run("plan", "dev", "--stacks-dir", stacksDir().toString());
        var dev = out.toString();
        out.getBuffer().setLength(0);
        run("plan", "prod", "--stacks-dir", stacksDir().toString());
        var prod = out.toString();
        assertThat(dev).contains("multiAz=false").contains("instanceClass=db.t4g.micro").contains("retentionInDays=7");
        assertThat(prod).contains("multiAz=true").contains("instanceClass=db.r7g.large").contains("retentionInDays=365")
                .contains("SUPPRESSED (1)");
    }

    @Test
    void jsonHasEveryResourceWithTypeNameParentAndInputs(@TempDir Path dir) throws Exception {
        var file = dir.resolve("plan.json");
        assertThat(run("plan", "staging", "--stacks-dir", stacksDir().toString(), "--json", file.toString())).isZero();
        var json = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        var resources = json.getAsJsonArray("resources");
        assertThat(out.toString()).contains("Wrote " + resources.size() + " resources to " + file);
        assertThat(resources.size()).isGreaterThan(50);
        resources.forEach(r -> assertThat(r.getAsJsonObject().keySet()).containsExactly("type", "name", "parent", "inputs"));
        assertThat(json.getAsJsonObject("policy").get("environment").getAsString()).isEqualTo("staging");
    }

    @Test
    void anUnknownStackIsOneClearLine() {
        assertThat(run("plan", "qa", "--stacks-dir", stacksDir().toString())).isEqualTo(1);
        assertThat(err.toString()).startsWith("fluxo: no stack 'qa':").contains("stacks here: [dev, k8s-dev, prod, staging]")
                .doesNotContain("Exception");
    }

    @Test
    void invalidConfigPrintsTheValidationReportAndExitsTwo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Pulumi.bad.yaml"), """
                config:
                  aws:region: us-east-1
                  fluxo:environment: production
                  fluxo:owner: me
                  fluxo:costCenter: cc
                  fluxo:netwrok: {}
                """);
        assertThat(run("plan", "bad", "--stacks-dir", dir.toString())).isEqualTo(2);
        // The misspelt network section leaves the private subnets without the endpoints they need: a third problem.
        assertThat(err.toString()).contains("Stack 'bad' has 3 configuration problems; nothing was registered.")
                .contains("fluxo:environment = production").contains("did you mean fluxo:network?")
                .contains("fluxo:network.interfaceEndpoints = []", "missing: secretsmanager");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMandatoryViolationFailsThePlanWithTheRuleId(@TempDir Path dir) throws Exception {
        // prod without its written suppression: the Athena results bucket is force-destroyable.
        var prod = Files.readString(stacksDir().resolve("Pulumi.prod.yaml"));
        Files.writeString(dir.resolve("Pulumi.prod.yaml"), prod.substring(0, prod.indexOf("  fluxo:policy:")));
        assertThat(run("plan", "prod", "--stacks-dir", dir.toString())).isEqualTo(3);
        assertThat(out.toString()).contains("1 mandatory")
                .contains("lake-athena-results [aws:s3/bucketV2:BucketV2] violates s3-prod-bucket-no-force-destroy");
    }
}
