package dev.fluxo.cli.cost;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CostEstimatorTest {
    static final String REGION = "us-east-1";
    static final String TEST_TABLE = "/dev/fluxo/cli/cost/test-prices.json";

    static String testTableText() throws IOException {
        try (var in = CostEstimatorTest.class.getResourceAsStream(TEST_TABLE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static PriceTable table(String json) throws IOException {
        return PriceTable.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test");
    }

    static PricedResource resource(String type, String name, Map<String, Object> inputs) {
        return new PricedResource(type, name, "Test test", inputs);
    }

    /** NAT gateway, a 2-AZ interface endpoint, a Multi-AZ RDS instance, a key, an alarm and an IAM role. */
    static List<PricedResource> smallStack() {
        return List.of(
                resource("aws:ec2/natGateway:NatGateway", "nat", Map.of()),
                resource("aws:ec2/vpcEndpoint:VpcEndpoint", "logs", Map.of("vpcEndpointType", "Interface",
                        "subnetIds", List.of("subnet-a", "subnet-b"))),
                resource("aws:rds/instance:Instance", "db", Map.of("instanceClass", "db.t4g.micro", "multiAz", true,
                        "allocatedStorage", 20)),
                resource("aws:kms/key:Key", "key", Map.of()),
                resource("aws:cloudwatch/metricAlarm:MetricAlarm", "alarm", Map.of()),
                resource("aws:iam/role:Role", "role", Map.of()));
    }

    @Test
    void aKnownSmallStackCostsWhatTheHandComputationSays() throws IOException {
        var estimate = new CostEstimator(table(testTableText())).estimate(REGION, "staging", smallStack());

        // NAT 730 h × 0.05 = 36.50; endpoint 2 AZ × 730 h × 0.01 = 14.60; RDS Multi-AZ 2 × 730 h × 0.02 = 29.20
        // + 2 × 20 GB × 0.10 = 4.00; key 1.00; alarm 0.10; the role is free.
        assertThat(estimate.idleUsd()).isCloseTo(36.50 + 14.60 + 29.20 + 4.00 + 1.00 + 0.10, within(1e-9));
        // At load the NAT gateway processes 10 GB × 0.05 (the test load sends nothing else that costs).
        assertThat(estimate.loadUsd()).isCloseTo(85.40 + 0.50, within(1e-9));
        assertThat(estimate.free()).containsEntry("aws:iam/role:Role", 1L);
        assertThat(estimate.notPriced()).isEmpty();
    }

    @Test
    void aPriceChangeInTheTableChangesTheEstimate() throws IOException {
        var original = testTableText();
        var changed = original.replace("\"natGateway.hour\": 0.05", "\"natGateway.hour\": 0.10");
        assertThat(changed).isNotEqualTo(original);

        var before = new CostEstimator(table(original)).estimate(REGION, "staging", smallStack());
        var after = new CostEstimator(table(changed)).estimate(REGION, "staging", smallStack());

        assertThat(after.idleUsd() - before.idleUsd()).isCloseTo(730 * 0.05, within(1e-9));
    }

    @Test
    void anUnknownTypeIsListedAsNotPricedAndNeverCountedAsZero() throws IOException {
        var resources = new java.util.ArrayList<>(smallStack());
        resources.add(resource("aws:redshift/cluster:Cluster", "warehouse", Map.of()));

        var estimate = new CostEstimator(table(testTableText())).estimate(REGION, "staging", resources);

        assertThat(estimate.notPriced()).containsExactly(
                new NotPriced("aws:redshift/cluster:Cluster", "warehouse", "type not in the price table"));
        assertThat(estimate.render()).contains("NOT PRICED (1; not included in the totals)")
                .contains("aws:redshift/cluster:Cluster  warehouse: type not in the price table");
        assertThat(estimate.toMap().get("notPriced")).asList().hasSize(1);
    }

    @Test
    void anInstanceClassWithoutAPriceIsNotPricedWithTheMissingKey() throws IOException {
        var estimate = new CostEstimator(table(testTableText())).estimate(REGION, "staging", List.of(
                resource("aws:rds/instance:Instance", "db", Map.of("instanceClass", "db.x9.huge"))));

        assertThat(estimate.lines()).isEmpty();
        assertThat(estimate.notPriced()).singleElement().extracting(NotPriced::reason).asString()
                .contains("rds.postgres.hour.db.x9.huge").contains(REGION);
    }

    @Test
    void aStreamFedFunctionCostsNothingIdleAndItsBatchesAtLoad() throws IOException {
        var estimate = new CostEstimator(table(testTableText())).estimate(REGION, "staging", List.of(
                resource("aws:lambda/function:Function", "transform", Map.of("name", "fluxo-transform", "memorySize", 2048)),
                resource("aws:lambda/eventSourceMapping:EventSourceMapping", "source", Map.of(
                        "functionName", "arn:aws:lambda:us-east-1:123456789012:function:fluxo-transform:live",
                        "batchSize", 500))));

        var invocations = 1_000_000 * (730.0 / 24) / 500;
        // requests at 0.20 per million + 1 s × 2 GB per invocation at 0.00001 per GB-s
        assertThat(estimate.idleUsd()).isZero();
        assertThat(estimate.loadUsd()).isCloseTo(invocations / 1e6 * 0.2 + invocations * 2 * 0.00001, within(1e-9));
    }

    @Test
    void aScheduledJobCostsItsRunsAtTheAssumedProfileCappedByTheApplication() throws IOException {
        var estimate = new CostEstimator(table(testTableText())).estimate(REGION, "staging", List.of(
                resource("aws:emrserverless/application:Application", "job", Map.of(
                        "maximumCapacity", Map.of("cpu", "4 vCPU", "memory", "16 GB"))),
                resource("aws:scheduler/schedule:Schedule", "tick", Map.of("scheduleExpression", "rate(30 minutes)"))));

        var hours = 730.0 * 60 / 30 * 5 / 60; // 1,460 runs of 5 minutes
        var job = estimate.lines().stream().filter(l -> l.name().equals("job")).findFirst().orElseThrow();
        // 2 workers × 4 vCPU / 16 GB wanted, capped at 4 vCPU and 16 GB by the application
        assertThat(job.idleUsd()).isCloseTo(hours * 4 * 0.05 + hours * 16 * 0.005, within(1e-9));
        assertThat(job.loadUsd()).isEqualTo(job.idleUsd());
    }

    @Test
    void aJobAskingForSmallWorkersCostsThoseWorkers() throws IOException {
        var definition = "{\"States\":{\"RunJob\":{\"Parameters\":{\"JobDriver\":{\"SparkSubmit\":{"
                + "\"SparkSubmitParameters\":\"--class x --conf spark.driver.cores=1 --conf spark.driver.memory=3712m "
                + "--conf spark.executor.cores=1 --conf spark.executor.memory=3712m\"}}}}}}";
        var estimate = new CostEstimator(table(testTableText())).estimate(REGION, "dev", List.of(
                resource("aws:emrserverless/application:Application", "job", Map.of(
                        "maximumCapacity", Map.of("cpu", "8 vCPU", "memory", "32 GB"))),
                resource("aws:sfn/stateMachine:StateMachine", "supervisor", Map.of("definition", definition)),
                resource("aws:scheduler/schedule:Schedule", "tick", Map.of("scheduleExpression", "rate(30 minutes)"))));

        var hours = 730.0 * 60 / 30 * 5 / 60;
        var job = estimate.lines().stream().filter(l -> l.name().equals("job")).findFirst().orElseThrow();
        // 2 workers of 1 vCPU and 4 GB (3,712 MB of heap + 384 MB of overhead), under the application's ceiling
        assertThat(job.idleUsd()).isCloseTo(hours * 2 * 0.05 + hours * 8 * 0.005, within(1e-9));
    }

    @Test
    void dmsStorageIsChargedOnlyBeyondWhatTheClassIncludes() throws IOException {
        var estimator = new CostEstimator(table(testTableText()));
        var included = estimator.estimate(REGION, "dev", List.of(resource("aws:dms/replicationInstance:ReplicationInstance",
                "dms", Map.of("replicationInstanceClass", "dms.t3.micro", "allocatedStorage", 20))));
        var beyond = estimator.estimate(REGION, "dev", List.of(resource("aws:dms/replicationInstance:ReplicationInstance",
                "dms", Map.of("replicationInstanceClass", "dms.t3.micro", "allocatedStorage", 80))));

        assertThat(included.idleUsd()).isCloseTo(730 * 0.02, within(1e-9));
        assertThat(beyond.idleUsd()).isCloseTo(730 * 0.02 + 30 * 0.1, within(1e-9));
    }

    @Test
    void aDevStackIsCheckedAgainstTheIdleGoal() throws IOException {
        var estimator = new CostEstimator(table(testTableText()));
        var cheap = estimator.estimate(REGION, "dev", List.of(resource("aws:kms/key:Key", "key", Map.of())));
        var dear = estimator.estimate(REGION, "dev", smallStack());

        assertThat(dear.idleUsd()).isGreaterThan(CostEstimator.DEV_IDLE_GOAL_USD);
        assertThat(cheap.drivers().get(0)).startsWith("dev goal (≤ $60.00/month idle): met");
        assertThat(dear.drivers().get(0)).startsWith("dev goal (≤ $60.00/month idle): ABOVE by $25.40");
        assertThat(dear.drivers()).anyMatch(d -> d.startsWith("NAT gateway: $36.50/month")
                && d.contains("fluxo:network.natGateway=false"));
        assertThat(dear.drivers()).anyMatch(d -> d.startsWith("interface endpoints: each ~$7.30/AZ/month"));
    }

    @Test
    void theEstimateStatesItsLoadRegionAndTableDate() throws IOException {
        var estimate = new CostEstimator(table(testTableText())).estimate(REGION, "staging", smallStack());

        assertThat(estimate.render()).contains("USD, us-east-1; price table of 2026-01-01, test prices")
                .contains("load: test load").contains("assumed: test assumptions");
        assertThat(estimate.toMap()).containsEntry("load", "test load").containsEntry("idleMonthlyUsd", 85.4)
                .containsEntry("region", REGION);
    }
}
