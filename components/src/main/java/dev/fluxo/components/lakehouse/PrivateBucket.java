package dev.fluxo.components.lakehouse;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketLoggingV2Args;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.fluxo.components.iam.PolicyDocument;
import dev.fluxo.components.iam.PolicyStatement;
import dev.fluxo.components.naming.ResourceTags;
import dev.fluxo.components.protection.DataProtection;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * An S3 bucket with the settings every Fluxo bucket shares: default encryption (SSE-KMS with a bucket key,
 * or SSE-S3 where AWS requires it), all four public-access blocks, {@code BucketOwnerEnforced} (ACLs off),
 * a policy denying plain-HTTP requests, lifecycle rules that always abort incomplete multipart uploads, and
 * optionally versioning and server access logging.
 *
 * <p>The bucket's settings get the same {@link DataProtection} options as the bucket: a bucket retained on
 * delete keeps its encryption, public-access block and TLS-only policy instead of losing them.
 */
public final class PrivateBucket {
    /** Days after which an unfinished multipart upload is aborted (its parts cost storage but are invisible). */
    public static final int ABORT_INCOMPLETE_MULTIPART_UPLOAD_DAYS = 7;

    private final BucketV2 bucket;

    private PrivateBucket(BucketV2 bucket) {
        this.bucket = bucket;
    }

    public static Builder builder(String name, Resource parent, Map<String, String> tags) {
        return new Builder(name, parent, tags);
    }

    public BucketV2 bucket() {
        return bucket;
    }

    public Output<String> name() {
        return bucket.bucket();
    }

    public Output<String> arn() {
        return bucket.arn();
    }

    /** Lifecycle rule: expire noncurrent versions after {@code days}. */
    public static BucketLifecycleConfigurationV2RuleArgs expireNoncurrentVersions(int days) {
        return BucketLifecycleConfigurationV2RuleArgs.builder()
                .id("expire-noncurrent-versions")
                .status("Enabled")
                .filter(everything())
                .noncurrentVersionExpiration(com.pulumi.aws.s3.inputs
                        .BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                        .noncurrentDays(days).build())
                .build();
    }

    /** Lifecycle rule: expire current objects after {@code days}. */
    public static BucketLifecycleConfigurationV2RuleArgs expireObjects(int days) {
        return BucketLifecycleConfigurationV2RuleArgs.builder()
                .id("expire-objects")
                .status("Enabled")
                .filter(everything())
                .expiration(com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                        .days(days).build())
                .build();
    }

    /** A lifecycle filter matching every object. */
    public static BucketLifecycleConfigurationV2RuleFilterArgs everything() {
        return BucketLifecycleConfigurationV2RuleFilterArgs.builder().prefix("").build();
    }

    public static final class Builder {
        private final String name;
        private final Resource parent;
        private final Map<String, String> tags;
        private String bucketPrefix;
        private Output<String> kmsKeyArn;
        private boolean versioning;
        private DataProtection protection;
        private final List<BucketLifecycleConfigurationV2RuleArgs> lifecycleRules = new ArrayList<>();
        private Output<String> accessLogBucket;
        private String accessLogPrefix;
        private Function<Output<String>, List<PolicyStatement>> extraStatements = arn -> List.of();

        private Builder(String name, Resource parent, Map<String, String> tags) {
            this.name = Objects.requireNonNull(name, "name");
            this.parent = Objects.requireNonNull(parent, "parent");
            this.tags = Objects.requireNonNull(tags, "tags");
        }

        /** The bucket name prefix (AWS appends a unique suffix). */
        public Builder bucketPrefix(String prefix) {
            this.bucketPrefix = prefix;
            return this;
        }

        /** Encrypt with SSE-KMS and this key (bucket key on); without it the bucket uses SSE-S3 (AES256). */
        public Builder kmsKeyArn(Output<String> kmsKeyArn) {
            this.kmsKeyArn = kmsKeyArn;
            return this;
        }

        public Builder versioning(boolean versioning) {
            this.versioning = versioning;
            return this;
        }

        /** Retention and protection; without it the bucket is deleted with the stack and emptied first. */
        public Builder protection(DataProtection protection) {
            this.protection = protection;
            return this;
        }

        public Builder lifecycleRule(BucketLifecycleConfigurationV2RuleArgs rule) {
            lifecycleRules.add(rule);
            return this;
        }

        public Builder lifecycleRules(List<BucketLifecycleConfigurationV2RuleArgs> rules) {
            lifecycleRules.addAll(rules);
            return this;
        }

        /** Send server access logs to {@code targetBucket} under {@code prefix}. */
        public Builder accessLogs(Output<String> targetBucket, String prefix) {
            this.accessLogBucket = targetBucket;
            this.accessLogPrefix = prefix;
            return this;
        }

        /** More bucket-policy statements, given the bucket ARN. */
        public Builder policyStatements(Function<Output<String>, List<PolicyStatement>> statements) {
            this.extraStatements = statements;
            return this;
        }

        public PrivateBucket create() {
            var dataProtection = protection == null ? DataProtection.of(true, true, false) : protection;
            var options = dataProtection.options(parent);
            var bucket = new BucketV2(name, BucketV2Args.builder()
                    .bucketPrefix(bucketPrefix)
                    .forceDestroy(dataProtection.forceDestroy())
                    .tags(ResourceTags.named(tags, name))
                    .build(), options);
            var settings = options;

            var publicAccessBlock = new BucketPublicAccessBlock(name + "-public-access-block",
                    BucketPublicAccessBlockArgs.builder()
                            .bucket(bucket.id())
                            .blockPublicAcls(true)
                            .blockPublicPolicy(true)
                            .ignorePublicAcls(true)
                            .restrictPublicBuckets(true)
                            .build(), settings);
            new BucketOwnershipControls(name + "-ownership", BucketOwnershipControlsArgs.builder()
                    .bucket(bucket.id())
                    .rule(BucketOwnershipControlsRuleArgs.builder().objectOwnership("BucketOwnerEnforced").build())
                    .build(), settings);
            var byDefault = BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder();
            if (kmsKeyArn != null) {
                byDefault.sseAlgorithm("aws:kms").kmsMasterKeyId(kmsKeyArn);
            } else {
                byDefault.sseAlgorithm("AES256");
            }
            new BucketServerSideEncryptionConfigurationV2(name + "-encryption",
                    BucketServerSideEncryptionConfigurationV2Args.builder()
                            .bucket(bucket.id())
                            .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                                    .applyServerSideEncryptionByDefault(byDefault.build())
                                    .bucketKeyEnabled(kmsKeyArn != null)
                                    .build())
                            .build(), settings);
            if (versioning) {
                new BucketVersioningV2(name + "-versioning", BucketVersioningV2Args.builder()
                        .bucket(bucket.id())
                        .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder()
                                .status("Enabled").build())
                        .build(), settings);
            }

            var statements = new ArrayList<PolicyStatement>();
            statements.add(PolicyStatement.deny().sid("DenyInsecureTransport")
                    .anyPrincipal()
                    .actions("s3:*")
                    .resource(bucket.arn())
                    .resource(bucket.arn().applyValue(arn -> arn + "/*"))
                    .condition("Bool", "aws:SecureTransport", "false")
                    .build());
            if (kmsKeyArn != null) {
                statements.add(PolicyStatement.deny().sid("DenyOtherEncryption")
                        .anyPrincipal()
                        .actions("s3:PutObject")
                        .resource(bucket.arn().applyValue(arn -> arn + "/*"))
                        .condition("StringNotEqualsIfExists", "s3:x-amz-server-side-encryption", "aws:kms")
                        .build());
                statements.add(PolicyStatement.deny().sid("DenyOtherKmsKey")
                        .anyPrincipal()
                        .actions("s3:PutObject")
                        .resource(bucket.arn().applyValue(arn -> arn + "/*"))
                        .condition("StringNotEqualsIfExists", "s3:x-amz-server-side-encryption-aws-kms-key-id",
                                kmsKeyArn)
                        .build());
            }
            statements.addAll(extraStatements.apply(bucket.arn()));
            new BucketPolicy(name + "-policy", BucketPolicyArgs.builder()
                    .bucket(bucket.id())
                    .policy(PolicyDocument.of(statements).toJson())
                    .build(), CustomResourceOptions.merge(settings,
                    CustomResourceOptions.builder().dependsOn(publicAccessBlock).build()));

            var rules = new ArrayList<BucketLifecycleConfigurationV2RuleArgs>(lifecycleRules);
            rules.add(BucketLifecycleConfigurationV2RuleArgs.builder()
                    .id("abort-incomplete-multipart-uploads")
                    .status("Enabled")
                    .filter(everything())
                    .abortIncompleteMultipartUpload(BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs
                            .builder().daysAfterInitiation(ABORT_INCOMPLETE_MULTIPART_UPLOAD_DAYS).build())
                    .build());
            new BucketLifecycleConfigurationV2(name + "-lifecycle", BucketLifecycleConfigurationV2Args.builder()
                    .bucket(bucket.id())
                    .rules(rules)
                    .build(), settings);

            if (accessLogBucket != null) {
                new BucketLoggingV2(name + "-access-logging", BucketLoggingV2Args.builder()
                        .bucket(bucket.id())
                        .targetBucket(accessLogBucket)
                        .targetPrefix(accessLogPrefix)
                        .build(), settings);
            }
            return new PrivateBucket(bucket);
        }
    }
}
