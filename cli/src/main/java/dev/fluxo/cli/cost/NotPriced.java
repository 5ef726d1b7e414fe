package dev.fluxo.cli.cost;

/**
 * A resource the estimate could not price: never counted as zero, always listed.
 *
 * @param type   the Pulumi type token
 * @param name   the logical name
 * @param reason why: the type is not in the price table, or a price it needs is missing
 */
public record NotPriced(String type, String name, String reason) {
}
