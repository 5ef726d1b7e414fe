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
 * @param privateSubnets  whether the workers run in the private subnets (they then need Glue and CloudWatch Logs
 *                        endpoints or a NAT gateway); default true
 * @param workerVcpu      vCPUs of each driver/executor worker
 * @param workerMemoryGb  memory of each worker, GB
 */
public record JobSpec(String mode, Optional<Integer> scheduleMinutes, Optional<Integer> maximumVcpu,
                      Optional<Integer> maximumMemoryGb, Optional<Boolean> privateSubnets,
                      Optional<Integer> workerVcpu, Optional<Integer> workerMemoryGb) {
    public static final String CONTINUOUS = "continuous";
    public static final String SCHEDULED = "scheduled";

    /** Whether the workers run in the private subnets (the default). */
    public boolean inPrivateSubnets() {
        return privateSubnets.orElse(true);
    }
}
