package dev.fluxo.cli.cost;

/** The price table has no price for what a resource needs (e.g. an instance class), so the resource is not priced. */
final class MissingPriceException extends RuntimeException {
    MissingPriceException(String key, String region) {
        super("no price '" + key + "' for " + region + " in the price table");
    }
}
