package dev.fluxo.cli.cost;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** What a {@link Pricer} may read: the region's prices, the load profile and the other resources of the plan. */
final class PricingContext {
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+)\\s+(minute|minutes|hour|hours|day|days)\\)");

    private final PriceTable table;
    private final String region;
    private final List<PricedResource> resources;

    PricingContext(PriceTable table, String region, List<PricedResource> resources) {
        this.table = table;
        this.region = region;
        this.resources = List.copyOf(resources);
    }

    /** The price, or a {@link MissingPriceException} that marks the resource "not priced". */
    PriceTable.Price price(String key) {
        return table.price(region, key).orElseThrow(() -> new MissingPriceException(key, region));
    }

    Charge charge(String what, double quantity, String unit, String priceKey) {
        return new Charge(what, quantity, unit, price(priceKey));
    }

    double hours() {
        return table.hoursPerMonth();
    }

    LoadProfile load() {
        return table.load();
    }

    double assumption(String name) {
        return table.assumption(name);
    }

    List<PricedResource> resources() {
        return resources;
    }

    List<PricedResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    /** Runs a month of an EventBridge {@code rate(...)} expression; empty for cron or anything else. */
    Optional<Double> runsPerMonth(String expression) {
        var m = RATE.matcher(expression == null ? "" : expression.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        var every = Double.parseDouble(m.group(1));
        var minutes = switch (m.group(2)) {
            case "minute", "minutes" -> every;
            case "hour", "hours" -> every * 60;
            default -> every * 1440;
        };
        return Optional.of(hours() * 60 / minutes);
    }
}
