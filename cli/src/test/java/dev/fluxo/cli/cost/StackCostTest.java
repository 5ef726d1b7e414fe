package dev.fluxo.cli.cost;

import com.google.gson.JsonParser;
import com.pulumi.test.PulumiTest;
import dev.fluxo.cli.Fluxo;
import dev.fluxo.stacks.config.StackFile;
import dev.fluxo.stacks.plan.Plan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed stacks under the committed price table. */
class StackCostTest {
    static Path stacksDir() {
        return Files.isDirectory(Path.of("../stacks")) ? Path.of("../stacks") : Path.of("stacks");
    }

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyResourceOfACommittedStackIsPricedOrListedAsFree(String stack) throws Exception {
        var plan = Plan.run(StackFile.load(stacksDir(), stack));

        var estimate = CostEstimator.standard().estimate(plan);

        assertThat(estimate.notPriced()).as("unpriced resources of " + stack).isEmpty();
        assertThat(estimate.idleUsd()).isPositive();
        assertThat(estimate.loadUsd()).isGreaterThan(estimate.idleUsd());
        var counted = estimate.lines().size() + estimate.free().values().stream().mapToLong(Long::longValue).sum();
        assertThat(counted).isEqualTo(CostEstimator.resources(plan).size());
    }

    @Test
    void planPrintsTheEstimateAfterTheCountsAndJsonCarriesIt(@TempDir Path dir) throws Exception {
        var out = new StringWriter();
        var cl = Fluxo.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        var file = dir.resolve("plan.json");

        assertThat(cl.execute("plan", "dev", "--stacks-dir", stacksDir().toString(), "--json", file.toString())).isZero();

        var text = out.toString();
        assertThat(text.indexOf("Estimated monthly cost (USD, us-east-1")).isGreaterThan(text.indexOf(" resources ("))
                .isLessThan(text.indexOf("Policy report"));
        assertThat(text).contains("dev goal (≤ $60.00/month idle)").contains("load: 1 M changes/day");
        var cost = JsonParser.parseString(Files.readString(file)).getAsJsonObject().getAsJsonObject("cost");
        assertThat(cost.get("idleMonthlyUsd").getAsDouble()).isPositive();
        assertThat(cost.getAsJsonArray("notPriced")).isEmpty();
        assertThat(cost.get("load").getAsString()).contains("1 M changes/day");
    }

    @Test
    void kubernetesObjectsAreListedAsNotPricedAndTheAwsPartIsPriced() throws Exception {
        var plan = Plan.run(StackFile.load(stacksDir(), "k8s-dev"));
        var estimate = CostEstimator.standard().estimate(plan);
        assertThat(estimate.notPriced()).isNotEmpty().allSatisfy(n -> {
            assertThat(n.type()).startsWith(CostEstimator.KUBERNETES_TYPE_PREFIX);
            assertThat(n.reason()).isEqualTo(CostEstimator.KUBERNETES_REASON);
        });
        assertThat(estimate.notPriced()).extracting(NotPriced::type)
                .contains("kubernetes:kafka.strimzi.io/v1beta2:Kafka", "kubernetes:apps/v1:Deployment");
        assertThat(estimate.idleUsd()).as("the lakehouse's keys and buckets are priced").isPositive();
    }
}
