package dev.fluxo.cli.cost;

import java.util.List;

/**
 * The monthly cost of one priced resource.
 *
 * @param type      the Pulumi type token
 * @param name      the logical name
 * @param component the component it belongs to
 * @param pricing   its charges, idle and at load
 */
public record CostLine(String type, String name, String component, Pricing pricing) {
    public double idleUsd() {
        return pricing.idleUsd();
    }

    public double loadUsd() {
        return pricing.loadUsd();
    }

    /** How the idle cost is made up, e.g. "db.t4g.micro 730 h × $0.016 + gp3 storage 20 GB-month × $0.115". */
    public String idleBasis() {
        return join(pricing.idleCharges());
    }

    /** What the load adds. */
    public String loadBasis() {
        return join(pricing.loadCharges());
    }

    private static String join(List<Charge> charges) {
        return String.join(" + ", charges.stream().map(Charge::describe).toList());
    }
}
