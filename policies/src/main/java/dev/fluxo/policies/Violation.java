package dev.fluxo.policies;

import java.util.LinkedHashMap;
import java.util.Map;

/** A resource that does not comply with a rule (or whose check could not be evaluated: the message says so). */
public record Violation(String ruleId, Severity severity, String resourceType, String resourceName,
                        String message, String remediation) {

    /** This violation as plain JSON-ready values. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("ruleId", ruleId);
        map.put("severity", severity.wireName());
        map.put("resourceType", resourceType);
        map.put("resourceName", resourceName);
        map.put("message", message);
        map.put("remediation", remediation);
        return map;
    }
}
