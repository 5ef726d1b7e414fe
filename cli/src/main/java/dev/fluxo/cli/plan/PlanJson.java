package dev.fluxo.cli.plan;

import dev.fluxo.cli.cost.CostEstimate;
import dev.fluxo.stacks.plan.Plan;
import dev.fluxo.stacks.plan.PlannedResource;

import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

/** The full plan graph as JSON, for other tools (policy tests, diagrams, cost estimates). */
public final class PlanJson {
    private PlanJson() {
    }

    public static String render(Plan plan, CostEstimate cost) {
        var root = new LinkedHashMap<String, Object>();
        root.put("stack", plan.spec().stack());
        root.put("environment", plan.spec().environment().id());
        root.put("region", plan.spec().region());
        root.put("resources", plan.resources().stream().map(PlanJson::resource).toList());
        root.put("counts", plan.countsByType());
        root.put("policy", plan.policy().toMap());
        root.put("cost", cost.toMap());
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root);
    }

    private static Map<String, Object> resource(PlannedResource r) {
        var m = new LinkedHashMap<String, Object>();
        m.put("type", r.type());
        m.put("name", r.name());
        m.put("parent", r.parent().orElse(null));
        m.put("inputs", r.inputs());
        return m;
    }

}
