package dev.fluxo.cli.diagram;

import dev.fluxo.cli.cost.CostEstimate;

import java.util.Map;

/**
 * One cloud resource of the plan.
 *
 * @param id        {@code type::name}
 * @param type      the Pulumi type token
 * @param name      the logical name
 * @param component the component it belongs to, e.g. {@code Lakehouse lakehouse}
 * @param inputs    its inputs with generated physical names (read to find references; never printed)
 */
public record ResourceNode(String id, String type, String name, String component, Map<String, Object> inputs) {
    /** {@code aws:rds/instance:Instance} → {@code rds/Instance}. */
    public String shortType() {
        return CostEstimate.shortType(type);
    }
}
