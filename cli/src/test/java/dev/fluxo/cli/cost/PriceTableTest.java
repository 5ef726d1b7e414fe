package dev.fluxo.cli.cost;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PriceTableTest {
    static final List<String> REGIONS = List.of("us-east-1", "sa-east-1");

    /** Every price key the committed table holds for a region. */
    private static java.util.Set<String> keys(PriceTable table, String region) throws Exception {
        var json = com.google.gson.JsonParser.parseString(new String(PriceTable.class.getResourceAsStream(PriceTable.RESOURCE)
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).getAsJsonObject();
        var keys = new java.util.TreeSet<String>();
        json.getAsJsonObject("services").entrySet().forEach(s -> {
            var prices = s.getValue().getAsJsonObject().getAsJsonObject("prices").getAsJsonObject(region);
            if (prices != null) {
                keys.addAll(prices.keySet());
            }
        });
        return keys;
    }

    @Test
    void bothRegionsLoadWithTheSamePricesEachFromAnAwsPricingPage() throws Exception {
        var table = PriceTable.standard();

        assertThat(table.regions()).containsAll(REGIONS);
        assertThat(keys(table, "sa-east-1")).isEqualTo(keys(table, "us-east-1")).isNotEmpty();
        for (var region : REGIONS) {
            assertThat(table.regionNote(region)).contains("verify");
            for (var key : keys(table, region)) {
                var price = table.price(region, key).orElseThrow();
                assertThat(price.usd()).as(region + " " + key).isPositive();
                assertThat(price.source()).as(key).startsWith("https://aws.amazon.com/");
                assertThat(price.read()).as(key).isNotBlank();
            }
        }
    }

    @Test
    void theFreeTypesAndThePricedTypesDoNotOverlap() {
        var estimator = CostEstimator.standard();

        assertThat(estimator.table().free().keySet()).doesNotContainAnyElementsOf(estimator.pricedTypes());
        assertThat(estimator.table().free().values()).allMatch(reason -> !reason.isBlank());
    }

    @Test
    void theTableHasADateAndStatesItsLoad() {
        var table = PriceTable.standard();

        assertThat(table.date()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(table.hoursPerMonth()).isEqualTo(730);
        assertThat(table.load().description()).contains("1 M changes/day").contains("10 GB/month")
                .contains("100 Athena queries/day scanning 100 MB");
    }
}
