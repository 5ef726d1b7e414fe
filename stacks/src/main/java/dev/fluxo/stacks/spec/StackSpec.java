package dev.fluxo.stacks.spec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a Fluxo stack is built from, read from {@code stacks/Pulumi.<stack>.yaml} and validated as a whole
 * before any resource is registered.
 *
 * @param stack                 the Pulumi stack name
 * @param project               the Pulumi project name
 * @param environment           the tier (dev, staging, prod)
 * @param region                the AWS region
 * @param owner                 the team that owns the stack (tag)
 * @param costCenter            the cost center billed (tag)
 * @param allowDataDeletion     the stack-wide half of the data-deletion double opt-in
 * @param maskingKeyConfigured  whether the PII masking key comes from config (a secret) rather than being generated
 * @param network               network settings
 * @param database              source database settings
 * @param lakehouse             lakehouse settings
 * @param alarms                alarm routing
 * @param policy                accepted policy violations
 * @param stream                the change stream (MSK or Kinesis)
 * @param changeCapture         CDC settings
 * @param producer              the producer function
 * @param transform             the transform function
 * @param job                   the streaming job
 * @param platform              {@value #AWS} (MSK/Kinesis, Lambda, EMR) or {@value #KUBERNETES} (Strimzi on a cluster)
 * @param kubernetes            the Kubernetes flavour's settings (present exactly when the platform is kubernetes)
 * @param sharedKey             one KMS key for the whole stack ({@code fluxo:kmsKeys: shared}) instead of one per
 *                              component
 */
public record StackSpec(String stack, String project, Environment environment, String region, String owner,
                        String costCenter, boolean allowDataDeletion, boolean maskingKeyConfigured,
                        NetworkSpec network, DatabaseSpec database, LakehouseSpec lakehouse, AlarmSpec alarms,
                        PolicySpec policy, StreamSpec stream, ChangeCaptureSpec changeCapture,
                        FunctionSpec producer, FunctionSpec transform, JobSpec job, String platform,
                        java.util.Optional<KubernetesSpec> kubernetes, boolean sharedKey) {
    public static final String AWS = "aws";
    public static final String KUBERNETES = "kubernetes";
    /** The platform when {@code fluxo:platform} is not set. */
    public static final String DEFAULT_PLATFORM = AWS;

    public boolean isKubernetes() {
        return KUBERNETES.equals(platform);
    }

    /** The tags every taggable resource carries. */
    public Map<String, String> tags() {
        var tags = new LinkedHashMap<String, String>();
        tags.put("environment", environment.id());
        tags.put("project", project);
        tags.put("owner", owner);
        tags.put("cost-center", costCenter);
        tags.put("stack", stack);
        return Map.copyOf(tags);
    }
}
