package dev.fluxo.components.network;

import java.util.List;

/** The retention periods CloudWatch Logs accepts. */
public final class LogRetention {
    /** Every value {@code retentionInDays} may take. */
    public static final List<Integer> ALLOWED_DAYS = List.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545,
            731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private LogRetention() {
    }

    /** Returns {@code days} if CloudWatch Logs accepts it, else throws listing the allowed values. */
    public static int require(String component, int days) {
        if (!ALLOWED_DAYS.contains(days)) {
            throw new IllegalArgumentException(component + ": log retention " + days + " days is not one CloudWatch "
                    + "Logs accepts; use one of " + ALLOWED_DAYS);
        }
        return days;
    }
}
