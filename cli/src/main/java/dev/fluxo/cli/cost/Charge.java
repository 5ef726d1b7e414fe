package dev.fluxo.cli.cost;

import java.util.Locale;

/**
 * One priced quantity: {@code quantity} units at {@code price}.
 *
 * @param what     what is counted, e.g. "db.t4g.micro instance-hours"
 * @param quantity how many units a month
 * @param unit     the unit, e.g. "h", "GB-month"
 * @param price    the unit price and where it comes from
 */
public record Charge(String what, double quantity, String unit, PriceTable.Price price) {
    public double usd() {
        return quantity * price.usd();
    }

    /** E.g. {@code "db.t4g.micro 730 h × $0.016"}. */
    public String describe() {
        return String.format(Locale.ROOT, "%s %s %s × $%s", what, Money.quantity(quantity), unit, Money.unitPrice(price.usd()));
    }
}
