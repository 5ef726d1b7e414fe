package dev.fluxo.components;

import com.pulumi.test.PulumiTest;
import dev.fluxo.components.testing.RecordingMocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's "Reuse" example is a real program: it runs under mocks, and the README shows exactly this code. */
class ReuseExampleTest {
    private final RecordingMocks mocks = new RecordingMocks();

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    // The body of the README's example, line for line (checked below).
    private static final String EXAMPLE = """
                var tags = Map.of("environment", "dev", "project", "orders", "owner", "team-a", "cost-center", "cc-7");
                var network = new Network("network", NetworkArgs.builder().tags(tags).build(), null);
                var lake = new Lakehouse("lake", LakehouseArgs.builder().tags(tags).environment("dev").build(), null);
                ctx.export("workgroup", lake.athenaWorkgroupName);
            """;

    @Test
    void theReadmeExampleComposesANetworkAndALakehouse() {
        var result = ComponentTestSupport.run(mocks, ctx -> {
            var tags = Map.of("environment", "dev", "project", "orders", "owner", "team-a", "cost-center", "cc-7");
            var network = new Network("network", NetworkArgs.builder().tags(tags).build(), null);
            var lake = new Lakehouse("lake", LakehouseArgs.builder().tags(tags).environment("dev").build(), null);
            ctx.export("workgroup", lake.athenaWorkgroupName);
        });
        assertThat(result.exceptions()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(mocks.ofType(Network.TYPE)).hasSize(1);
        assertThat(mocks.ofType(Lakehouse.TYPE)).hasSize(1);
        assertThat(ComponentTestSupport.value(result.output("workgroup", String.class))).startsWith("fluxo-dev");
    }

    @Test
    void theReadmeShowsThisExample() throws IOException {
        var readme = Files.readString(Path.of("..", "README.md"));
        var reuse = readme.substring(readme.indexOf("## Reuse"));
        for (var line : EXAMPLE.strip().split("\n")) {
            assertThat(reuse).as("README Reuse section").contains(line.strip());
        }
    }
}
