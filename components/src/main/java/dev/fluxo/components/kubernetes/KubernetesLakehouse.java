package dev.fluxo.components.kubernetes;

import com.google.gson.Gson;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import dev.fluxo.components.Lakehouse;
import dev.fluxo.components.LakehouseArgs;
import dev.fluxo.components.StreamingJob;
import dev.fluxo.components.StreamingJobArgs;
import dev.fluxo.components.iam.AwsAccount;
import dev.fluxo.components.iam.InlinePolicy;
import dev.fluxo.components.iam.PolicyDocument;
import dev.fluxo.components.iam.SecretAccess;
import dev.fluxo.components.lakehouse.MaskingKey;
import dev.fluxo.components.naming.EnvironmentName;
import dev.fluxo.components.naming.ResourceTags;
import dev.fluxo.schema.Layer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline's Kubernetes flavour: Kafka, Debezium and the transform run on a cluster ({@link StrimziPlatform},
 * {@link TransformDeployment}); the {@link Lakehouse} (S3 + Glue + Athena) and the masking key stay on AWS, and the
 * transform reaches them through an IAM role its service account assumes (IRSA: the EKS cluster's OIDC provider
 * may issue web identities to exactly {@code system:serviceaccount:<namespace>:}{@value TransformDeployment#NAME}).
 * The role may write bronze and silver and read the masking key, as the transform Lambda's role may.
 *
 * <p>Pass the Kubernetes provider in the options ({@code providers(k8s)}): every Kubernetes object inherits it,
 * AWS resources keep the default AWS provider.
 */
public class KubernetesLakehouse extends ComponentResource {
    public static final String TYPE = "fluxo:kubernetes:KubernetesLakehouse";

    public final Lakehouse lakehouse;
    public final StrimziPlatform platform;
    public final TransformDeployment transform;
    /** The silver → gold streaming job on EMR Serverless, outside any VPC (it calls only S3 and Glue). */
    public final StreamingJob job;
    public final Output<String> transformRoleArn;
    public final Output<String> maskingKeySecretArn;

    /**
     * @param oidcProviderArn the EKS cluster's IAM OIDC provider, {@code arn:aws:iam::<account>:oidc-provider/<issuer>}
     * @param jobSettings     the streaming job's settings ({@code buildSettings()}, no subnets: it runs outside any VPC)
     * @param maskingKey      the masking key from config (a secret), or empty to generate one
     */
    public KubernetesLakehouse(String name, Map<String, String> tags, String environment, LakehouseArgs lakehouseArgs,
                               StrimziPlatformArgs platformArgs, String oidcProviderArn, Transform transformSettings,
                               StreamingJobArgs jobSettings, Optional<Output<String>> maskingKey,
                               ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        ResourceTags.require("KubernetesLakehouse", tags);
        EnvironmentName.require("KubernetesLakehouse", environment);
        var parent = ComponentResourceOptions.builder().parent(this).build();
        var account = AwsAccount.lookup(this);

        this.lakehouse = new Lakehouse("lake", lakehouseArgs, parent);
        this.maskingKeySecretArn = MaskingKey.create(name + "-masking-key", "fluxo/" + environment + "/masking-key-",
                maskingKey, lakehouse.kmsKeyArn, lakehouseArgs.protect() ? 30 : 7, tags, this);
        this.platform = new StrimziPlatform("strimzi", platformArgs, parent);

        var role = new Role(name + "-transform-role", RoleArgs.builder()
                .description("The transform pods (service account " + platformArgs.namespace() + "/"
                        + TransformDeployment.NAME + ") write bronze and silver")
                .assumeRolePolicy(webIdentityTrust(oidcProviderArn, platformArgs.namespace(), TransformDeployment.NAME))
                .tags(ResourceTags.named(tags, name + "-transform-role"))
                .build(), com.pulumi.resources.CustomResourceOptions.builder().parent(this).build());
        lakehouse.grantWrite("transform-pods-write-bronze-silver", role, Layer.BRONZE, Layer.SILVER);
        // The masking secret is encrypted with the lakehouse key, which grantWrite already lets the role decrypt.
        InlinePolicy.attach("transform-pods-read-masking-key", role, PolicyDocument.of(SecretAccess.read(
                "ReadMaskingKey", maskingKeySecretArn, Optional.empty())), this);
        this.transformRoleArn = role.arn();

        // The same settings the transform Lambda gets from StreamingLakehouse, plus the region (no Lambda runtime).
        var env = new LinkedHashMap<String, Output<String>>(lakehouse.writerEnvironment());
        env.put("FLUXO_MASKING_KEY_SECRET_ARN", maskingKeySecretArn);
        env.put("FLUXO_REGION", account.region());
        env.put("AWS_REGION", account.region());
        this.transform = new TransformDeployment("transform", platform, transformSettings.image(),
                transformSettings.replicas(), transformSettings.cpuMillis(), transformSettings.memoryMb(), role.arn(),
                env, ComponentResourceOptions.builder().parent(this).dependsOn(platform).build());
        // The same job as the AWS flavour's, so gold is produced the same way; without subnets it runs outside any VPC.
        this.job = StreamingJob.overLakehouse("gold-job", jobSettings.toBuilder(), lakehouse, parent);
        registerOutputs(Map.of("transformRoleArn", transformRoleArn, "maskingKeySecretArn", maskingKeySecretArn,
                "bootstrapServers", Output.of(platform.bootstrapServers)));
    }

    /**
     * The trust policy of an IAM role for one Kubernetes service account (IRSA).
     *
     * @throws IllegalArgumentException when {@code oidcProviderArn} is not an IAM OIDC provider ARN
     */
    public static String webIdentityTrust(String oidcProviderArn, String namespace, String serviceAccount) {
        var marker = ":oidc-provider/";
        var at = oidcProviderArn.indexOf(marker);
        if (!oidcProviderArn.startsWith("arn:") || at < 0) {
            throw new IllegalArgumentException("not an IAM OIDC provider ARN: " + oidcProviderArn
                    + " (expected arn:aws:iam::<account>:oidc-provider/oidc.eks.<region>.amazonaws.com/id/<id>)");
        }
        var issuer = oidcProviderArn.substring(at + marker.length());
        var statement = new LinkedHashMap<String, Object>();
        statement.put("Sid", "AssumedByTransformServiceAccount");
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Federated", oidcProviderArn));
        statement.put("Action", "sts:AssumeRoleWithWebIdentity");
        // Ordered maps: the document is compared as text by plans and fixtures, so it must not vary between JVMs.
        var equals = new java.util.TreeMap<String, String>();
        equals.put(issuer + ":aud", "sts.amazonaws.com");
        equals.put(issuer + ":sub", "system:serviceaccount:" + namespace + ":" + serviceAccount);
        statement.put("Condition", Map.of("StringEquals", equals));
        var document = new LinkedHashMap<String, Object>();
        document.put("Version", "2012-10-17");
        document.put("Statement", List.of(statement));
        return new Gson().toJson(document);
    }

    /**
     * The transform pods.
     *
     * @param image     the transform image (built from the transform jar)
     * @param replicas  default {@value TransformDeployment#DEFAULT_REPLICAS}
     * @param cpuMillis default {@value TransformDeployment#DEFAULT_CPU_MILLIS}
     * @param memoryMb  default {@value TransformDeployment#DEFAULT_MEMORY_MB}
     */
    public record Transform(String image, int replicas, int cpuMillis, int memoryMb) {
        public Transform {
            if (image == null || image.isBlank()) {
                throw new IllegalArgumentException("the transform image is required");
            }
        }

        public static Transform of(String image) {
            return new Transform(image, TransformDeployment.DEFAULT_REPLICAS, TransformDeployment.DEFAULT_CPU_MILLIS,
                    TransformDeployment.DEFAULT_MEMORY_MB);
        }
    }
}
