package dev.fluxo.components.kubernetes;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The transform as a Kubernetes {@code Deployment}: one image (module {@code transform-service}) runs the same handler the
 * Lambda and the local target run, fed by a Kafka consumer group ({@value StrimziPlatform#TRANSFORM_GROUP}) over
 * mutual TLS ({@link KafkaClientTls}). Its {@code ServiceAccount} carries {@value #ROLE_ARN_ANNOTATION} (IAM roles for
 * service accounts on EKS), so it writes bronze and silver in S3 and Glue with an IAM role and no keys.
 *
 * <p>Image contract: the container reads the {@code FLUXO_*} variables the transform Lambda reads plus
 * {@code FLUXO_KAFKA_*} (bootstrap servers, topic, group, PKCS12 keystore and truststore with their passwords),
 * answers {@code GET }{@value #HEALTH_PATH} on port {@value #HEALTH_PORT} while it polls, runs as a non-root user and
 * writes only to {@code /tmp}. Pods meet the "restricted" Pod Security Standard ({@link RestrictedPod}).
 */
public class TransformDeployment extends ComponentResource {
    public static final String TYPE = "fluxo:kubernetes:TransformDeployment";
    public static final String ROLE_ARN_ANNOTATION = "eks.amazonaws.com/role-arn";
    public static final String NAME = "fluxo-transform";
    public static final int HEALTH_PORT = 8080;
    public static final String HEALTH_PATH = "/health";
    public static final int DEFAULT_REPLICAS = 1;
    public static final int DEFAULT_CPU_MILLIS = 500;
    public static final int DEFAULT_MEMORY_MB = 1024;

    /**
     * @param platform    the Strimzi platform whose CDC topic it consumes
     * @param image       the transform image
     * @param replicas    pods; at most the topic's partitions do work
     * @param cpuMillis   CPU request (limit: twice)
     * @param memoryMb    memory request and limit
     * @param roleArn     the IAM role the pods assume (IRSA)
     * @param environment the transform's {@code FLUXO_*} settings (never secret values: secrets are referenced)
     */
    public TransformDeployment(String name, StrimziPlatform platform, String image, int replicas, int cpuMillis,
                               int memoryMb, Output<String> roleArn, Map<String, Output<String>> environment,
                               ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        var labels = platform.labels();
        var account = new ServiceAccount(name + "-service-account", ServiceAccountArgs.builder()
                .metadata(roleArn.applyValue(arn -> ObjectMetaArgs.builder().name(NAME).namespace(platform.namespace)
                        .labels(labels).annotations(Map.of(ROLE_ARN_ANNOTATION, arn)).build()))
                .build(), CustomResourceOptions.builder().parent(this).build());

        var tls = new KafkaClientTls(platform.transformUserSecret, platform.clusterCaSecret);
        var env = Output.all(new ArrayList<>(environment.values())).applyValue(values -> {
            var keys = new ArrayList<>(environment.keySet());
            var vars = new TreeMap<String, String>();
            for (int i = 0; i < keys.size(); i++) {
                vars.put(keys.get(i), values.get(i));
            }
            vars.putAll(kafkaSettings(platform));
            var list = new ArrayList<EnvVarArgs>();
            vars.forEach((k, v) -> list.add(KafkaClientTls.plain(k, v)));
            list.add(tls.keystorePassword("FLUXO_KAFKA_SSL_KEYSTORE_PASSWORD"));
            list.add(tls.truststorePassword("FLUXO_KAFKA_SSL_TRUSTSTORE_PASSWORD"));
            return (List<EnvVarArgs>) list;
        });
        var mounts = new ArrayList<>(tls.mounts());
        mounts.add(VolumeMountArgs.builder().name("tmp").mountPath("/tmp").build());
        var volumes = new ArrayList<>(tls.volumes());
        volumes.add(VolumeArgs.builder().name("tmp").emptyDir(EmptyDirVolumeSourceArgs.builder().build()).build());
        var selector = Map.of("app.kubernetes.io/name", NAME);
        var podLabels = new LinkedHashMap<>(labels);
        podLabels.putAll(selector);
        new Deployment(name + "-deployment", DeploymentArgs.builder()
                .metadata(ObjectMetaArgs.builder().name(NAME).namespace(platform.namespace).labels(labels).build())
                .spec(DeploymentSpecArgs.builder()
                        .replicas(replicas)
                        .selector(LabelSelectorArgs.builder().matchLabels(selector).build())
                        .template(PodTemplateSpecArgs.builder()
                                .metadata(ObjectMetaArgs.builder().labels(podLabels).build())
                                .spec(PodSpecArgs.builder()
                                        .serviceAccountName(NAME)
                                        .securityContext(RestrictedPod.podSecurity())
                                        .containers(ContainerArgs.builder()
                                                .name("transform")
                                                .image(image)
                                                .env(env)
                                                .ports(ContainerPortArgs.builder().name("health")
                                                        .containerPort(HEALTH_PORT).build())
                                                .resources(RestrictedPod.resources(cpuMillis, memoryMb))
                                                .securityContext(RestrictedPod.containerSecurity())
                                                .livenessProbe(probe(30, 20))
                                                .readinessProbe(probe(10, 10))
                                                .volumeMounts(mounts)
                                                .build())
                                        .volumes(volumes)
                                        .build())
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(account).build());
        registerOutputs(Map.of("serviceAccountName", Output.of(NAME)));
    }

    /** The consumer's settings: where the CDC topic is and how to authenticate (passwords are secret references). */
    static Map<String, String> kafkaSettings(StrimziPlatform platform) {
        var vars = new LinkedHashMap<String, String>();
        vars.put("FLUXO_KAFKA_BOOTSTRAP_SERVERS", platform.bootstrapServers);
        vars.put("FLUXO_KAFKA_TOPIC", platform.topicName);
        vars.put("FLUXO_KAFKA_GROUP_ID", StrimziPlatform.TRANSFORM_GROUP);
        vars.put("FLUXO_KAFKA_SECURITY_PROTOCOL", "SSL");
        vars.put("FLUXO_KAFKA_SSL_KEYSTORE_TYPE", "PKCS12");
        vars.put("FLUXO_KAFKA_SSL_KEYSTORE_LOCATION", KafkaClientTls.KEYSTORE);
        vars.put("FLUXO_KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12");
        vars.put("FLUXO_KAFKA_SSL_TRUSTSTORE_LOCATION", KafkaClientTls.TRUSTSTORE);
        return vars;
    }

    private static ProbeArgs probe(int initialDelaySeconds, int periodSeconds) {
        return ProbeArgs.builder().httpGet(HTTPGetActionArgs.builder().path(HEALTH_PATH).port(HEALTH_PORT).build())
                .initialDelaySeconds(initialDelaySeconds).periodSeconds(periodSeconds).build();
    }
}
