package dev.fluxo.components.kubernetes;

import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretKeySelectorArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecretVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;

import java.util.List;

/**
 * How a pod reaches the Strimzi cluster over mutual TLS: the {@code KafkaUser}'s secret ({@code user.p12} +
 * {@code user.password}) and the cluster CA secret ({@code ca.p12} + {@code ca.password}) are mounted read-only, and
 * the keystore passwords reach the container only as {@code secretKeyRef}s, never as values.
 *
 * @param userSecret      the KafkaUser's secret (same name as the user)
 * @param clusterCaSecret {@code <cluster>-cluster-ca-cert}
 */
public record KafkaClientTls(String userSecret, String clusterCaSecret) {
    public static final String USER_DIR = "/etc/fluxo/kafka-user";
    public static final String CA_DIR = "/etc/fluxo/cluster-ca";
    public static final String KEYSTORE = USER_DIR + "/user.p12";
    public static final String TRUSTSTORE = CA_DIR + "/ca.p12";

    public List<VolumeArgs> volumes() {
        return List.of(secretVolume("kafka-user", userSecret), secretVolume("cluster-ca", clusterCaSecret));
    }

    public List<VolumeMountArgs> mounts() {
        return List.of(VolumeMountArgs.builder().name("kafka-user").mountPath(USER_DIR).readOnly(true).build(),
                VolumeMountArgs.builder().name("cluster-ca").mountPath(CA_DIR).readOnly(true).build());
    }

    /** The keystore password, from the user secret. */
    public EnvVarArgs keystorePassword(String variable) {
        return fromSecret(variable, userSecret, "user.password");
    }

    /** The truststore password, from the cluster CA secret. */
    public EnvVarArgs truststorePassword(String variable) {
        return fromSecret(variable, clusterCaSecret, "ca.password");
    }

    static EnvVarArgs fromSecret(String variable, String secret, String key) {
        return EnvVarArgs.builder().name(variable).valueFrom(EnvVarSourceArgs.builder()
                .secretKeyRef(SecretKeySelectorArgs.builder().name(secret).key(key).build()).build()).build();
    }

    static EnvVarArgs plain(String variable, String value) {
        return EnvVarArgs.builder().name(variable).value(value).build();
    }

    private static VolumeArgs secretVolume(String name, String secret) {
        return VolumeArgs.builder().name(name).secret(SecretVolumeSourceArgs.builder().secretName(secret).build()).build();
    }
}
