package dev.fluxo.policies;

import java.util.Map;

/** A violation that a {@link Suppression} accepted, with the suppression's reason. */
public record SuppressedViolation(Violation violation, String reason) {

    /** The violation's values plus {@code reason}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = violation.toMap();
        map.put("reason", reason);
        return map;
    }
}
