package dev.fluxo.components.kubernetes;

import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;

import java.util.Map;

/**
 * The Kubernetes "restricted" Pod Security Standard as Fluxo applies it to every container it defines: a non-root
 * user, no privilege escalation, no capabilities, the runtime's seccomp profile, a read-only root filesystem (write
 * only to mounted {@code emptyDir}s) and CPU/memory requests equal to the limits for memory.
 */
public final class RestrictedPod {
    /** The user and group every Fluxo container runs as (any non-zero id works; images must not need root). */
    public static final int USER_ID = 10001;

    private RestrictedPod() {
    }

    public static PodSecurityContextArgs podSecurity() {
        return PodSecurityContextArgs.builder().runAsNonRoot(true).runAsUser(USER_ID).runAsGroup(USER_ID)
                .fsGroup(USER_ID).seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build()).build();
    }

    public static SecurityContextArgs containerSecurity() {
        return SecurityContextArgs.builder().runAsNonRoot(true).privileged(false).allowPrivilegeEscalation(false)
                .readOnlyRootFilesystem(true).capabilities(CapabilitiesArgs.builder().drop("ALL").build()).build();
    }

    /**
     * Requests {@code cpuMillis}/{@code memoryMb}; limits twice the CPU and exactly the memory (a JVM sized by
     * {@code -XX:MaxRAMPercentage} must never be OOM-killed below its own heap limit).
     */
    public static ResourceRequirementsArgs resources(int cpuMillis, int memoryMb) {
        return ResourceRequirementsArgs.builder()
                .requests(Map.of("cpu", cpuMillis + "m", "memory", memoryMb + "Mi"))
                .limits(Map.of("cpu", 2 * cpuMillis + "m", "memory", memoryMb + "Mi"))
                .build();
    }
}
