package dev.fluxo.cli.cost;

import dev.fluxo.stacks.plan.Plan;
import dev.fluxo.stacks.plan.PlannedResource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimates a plan's monthly AWS cost from a {@link PriceTable}: every cloud resource is priced by its type, listed
 * as free by the table, or reported as not priced; nothing is silently zero.
 *
 * <pre>{@code
 * var estimate = CostEstimator.standard().estimate(Plan.run(StackFile.load(dir, "dev")));
 * System.out.print(estimate.render());
 * }</pre>
 */
public final class CostEstimator {
    /** The idle monthly cost a dev stack should stay under, in USD. */
    public static final double DEV_IDLE_GOAL_USD = 60;

    private final PriceTable table;
    private final Map<String, Pricer> pricers = new HashMap<>();

    public CostEstimator(PriceTable table) {
        this.table = table;
        NetworkPrices.register(pricers);
        DatabasePrices.register(pricers);
        StreamPrices.register(pricers);
        ComputePrices.register(pricers);
        StoragePrices.register(pricers);
        ObservabilityPrices.register(pricers);
    }

    /** An estimator over the committed price table. */
    public static CostEstimator standard() {
        return new CostEstimator(PriceTable.standard());
    }

    public PriceTable table() {
        return table;
    }

    /** Type tokens of objects on a Kubernetes cluster (Strimzi resources, Deployments, Helm releases...). */
    public static final String KUBERNETES_TYPE_PREFIX = "kubernetes:";
    /** Why a Kubernetes object is listed as not priced: its cost is the cluster's nodes and volumes, not the object. */
    public static final String KUBERNETES_REASON = "runs on your Kubernetes cluster: billed as the cluster's nodes, "
            + "volumes and load balancers, which this estimate does not know";

    /** The resource types this estimator knows how to price (the table also lists free ones). */
    public java.util.Set<String> pricedTypes() {
        return java.util.Set.copyOf(pricers.keySet());
    }

    public CostEstimate estimate(Plan plan) {
        return estimate(plan.spec().region(), plan.spec().environment().id(), resources(plan));
    }

    /** Estimates a set of resources in a region; {@code environment} "dev" adds the dev goal check. */
    public CostEstimate estimate(String region, String environment, List<PricedResource> resources) {
        var context = new PricingContext(table, region, resources);
        var lines = new ArrayList<CostLine>();
        var free = new LinkedHashMap<String, Long>();
        var notPriced = new ArrayList<NotPriced>();
        for (var r : resources) {
            var pricer = pricers.get(r.type());
            if (pricer != null) {
                try {
                    lines.add(new CostLine(r.type(), r.name(), r.component(), pricer.price(r, context)));
                } catch (MissingPriceException e) {
                    notPriced.add(new NotPriced(r.type(), r.name(), e.getMessage()));
                }
            } else if (table.free().containsKey(r.type())) {
                free.merge(r.type(), 1L, Long::sum);
            } else if (r.type().startsWith(KUBERNETES_TYPE_PREFIX)) {
                notPriced.add(new NotPriced(r.type(), r.name(), KUBERNETES_REASON));
            } else {
                notPriced.add(new NotPriced(r.type(), r.name(), "type not in the price table"));
            }
        }
        return new CostEstimate(region, table, lines, free, notPriced, CostDrivers.of(lines, table, region, environment));
    }

    /**
     * The plan's cloud resources (components and the stack excluded), each with the inputs the policies saw
     * (generated physical names included) and the component it belongs to.
     */
    public static List<PricedResource> resources(Plan plan) {
        var byId = new HashMap<String, PlannedResource>();
        plan.resources().forEach(r -> byId.put(r.id(), r));
        var inputs = new HashMap<String, Map<String, Object>>();
        plan.policyInputs().forEach(p -> inputs.put(p.type() + "::" + p.name(), p.inputs()));
        var out = new ArrayList<PricedResource>();
        for (var r : plan.resources()) {
            if (r.isComponent() || r.type().startsWith("pulumi:")) {
                continue;
            }
            out.add(new PricedResource(r.type(), r.name(), componentOf(r, byId), inputs.getOrDefault(r.id(), r.inputs())));
        }
        return out;
    }

    /** {@code "SourceDatabase source"} for a resource under that component, {@code "stack"} at the top. */
    public static String componentOf(PlannedResource r, Map<String, PlannedResource> byId) {
        var parent = r.parent().map(byId::get).orElse(null);
        while (parent != null && !parent.isComponent()) {
            parent = parent.parent().map(byId::get).orElse(null);
        }
        if (parent == null) {
            return "stack";
        }
        var type = parent.type();
        return type.substring(type.lastIndexOf(':') + 1) + " " + parent.name();
    }
}
