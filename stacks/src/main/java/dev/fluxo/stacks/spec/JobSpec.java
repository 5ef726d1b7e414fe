package dev.fluxo.stacks.spec;

import java.util.Optional;

/**
 * The streaming job on EMR Serverless ({@code fluxo:job}).
 *
 * @param mode            {@code continuous} (one long-running run, restarted on failure) or {@code scheduled}
 *                        (available-now runs every {@code scheduleMinutes}: the application stops in between)
 * @param scheduleMinutes minutes between scheduled runs
 * @param maximumVcpu     application capacity ceiling, vCPU
 * @param maximumMemoryGb application capacity ceiling, GB
 */
public record JobSpec(String mode, Optional<Integer> scheduleMinutes, Optional<Integer> maximumVcpu,
                      Optional<Integer> maximumMemoryGb) {
    public static final String CONTINUOUS = "continuous";
    public static final String SCHEDULED = "scheduled";
}
