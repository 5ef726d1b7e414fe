package dev.fluxo.cli.cost;

/** Prices one resource type from its inputs. */
@FunctionalInterface
interface Pricer {
    Pricing price(PricedResource resource, PricingContext context);
}
