package dev.fluxo.cli.cost;

import java.math.BigDecimal;
import java.util.Locale;

/** How amounts print: dollars with cents, unit prices and quantities without noise digits. */
final class Money {
    private Money() {
    }

    static String usd(double amount) {
        return String.format(Locale.ROOT, "$%,.2f", amount);
    }

    static double cents(double amount) {
        return Math.round(amount * 100) / 100.0;
    }

    static String unitPrice(double price) {
        return new BigDecimal(price).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    static String quantity(double quantity) {
        if (quantity == Math.rint(quantity)) {
            return String.format(Locale.ROOT, "%,d", (long) quantity);
        }
        return new BigDecimal(quantity).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
