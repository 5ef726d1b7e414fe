package dev.fluxo.components;

import com.pulumi.aws.athena.NamedQuery;
import com.pulumi.aws.athena.NamedQueryArgs;
import com.pulumi.aws.athena.Workgroup;
import com.pulumi.aws.athena.WorkgroupArgs;
import com.pulumi.aws.athena.inputs.WorkgroupConfigurationArgs;
import com.pulumi.aws.athena.inputs.WorkgroupConfigurationEngineVersionArgs;
import com.pulumi.aws.athena.inputs.WorkgroupConfigurationResultConfigurationArgs;
import com.pulumi.aws.athena.inputs.WorkgroupConfigurationResultConfigurationEncryptionConfigurationArgs;
import com.pulumi.aws.glue.CatalogDatabase;
import com.pulumi.aws.glue.CatalogDatabaseArgs;
import com.pulumi.aws.glue.CatalogTable;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleTransitionArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import dev.fluxo.components.iam.AwsAccount;
import dev.fluxo.components.iam.ComponentKey;
import dev.fluxo.components.iam.KeyPolicies;
import dev.fluxo.components.iam.PolicyStatement;
import dev.fluxo.components.lakehouse.IcebergTables;
import dev.fluxo.components.lakehouse.LayerAccess;
import dev.fluxo.schema.NamedQueries;
import dev.fluxo.components.lakehouse.PrivateBucket;
import dev.fluxo.components.naming.EnvironmentName;
import dev.fluxo.components.naming.ResourceTags;
import dev.fluxo.components.protection.DataProtection;
import dev.fluxo.schema.Layer;
import dev.fluxo.schema.LakehouseTables;
import dev.fluxo.schema.TableDefinition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The storage and catalog of the lakehouse: one customer-managed KMS key; a bucket per medallion layer
 * (bronze, silver, gold: SSE-KMS with bucket key, versioning, all public access blocked, ACLs off, TLS-only
 * policy, lifecycle, server access logs); an access-log bucket; a Glue database per layer with an Iceberg
 * table for every {@link TableDefinition}; an Athena workgroup with enforced settings, KMS-encrypted results
 * and a bytes-scanned cutoff; and named queries that answer the pipeline's everyday questions.
 *
 * <p><b>Data retention.</b> Data buckets, the key (retained data must stay readable), Glue databases and
 * tables are retained on delete and buckets are never emptied, unless BOTH the stack config
 * {@code fluxo:allowDataDeletion} and {@link LakehouseArgs.Builder#allowDataDeletion} allow it
 * ({@link DataProtection}). {@code protect} additionally makes Pulumi refuse to delete them. The Athena
 * results bucket holds only transient query output and is always deleted (and emptied) with the stack.
 *
 * <p><b>Partitioning.</b> Iceberg hidden partitioning: Glue's CreateTable cannot take a partition spec, so the
 * data-plane writer adds {@code day(commit_time)} (the schema's {@code PartitionField}s) when it first opens
 * each table; see {@link IcebergTables}.
 *
 * <pre>{@code
 * var lake = new Lakehouse("lake", LakehouseArgs.builder().tags(tags).environment("dev").build(), null);
 * lake.grantWrite("transform-writes-bronze-silver", transformRole, Layer.BRONZE, Layer.SILVER);
 * lake.grantRead("job-reads-silver", jobRole, Layer.SILVER);
 * }</pre>
 */
public class Lakehouse extends ComponentResource {
    /** The Pulumi type token. */
    public static final String TYPE = "fluxo:index:Lakehouse";
    /** Default of this component's half of the data-deletion double opt-in. */
    public static final boolean DEFAULT_ALLOW_DATA_DELETION = false;
    /** Default of Pulumi {@code protect} on the data resources. */
    public static final boolean DEFAULT_PROTECT = false;
    /** Default days before bronze objects move to STANDARD_IA. */
    public static final int DEFAULT_BRONZE_INFREQUENT_ACCESS_DAYS = 30;
    /** Default days before bronze objects move to GLACIER_IR. */
    public static final int DEFAULT_BRONZE_GLACIER_DAYS = 90;
    /** Default days noncurrent object versions are kept. */
    public static final int DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS = 30;
    /** Default days server access logs are kept. */
    public static final int DEFAULT_ACCESS_LOG_EXPIRATION_DAYS = 90;
    /** Default per-query scan limit of the Athena workgroup, in MiB. */
    public static final long DEFAULT_ATHENA_BYTES_SCANNED_CUTOFF_MB = 1024;
    /** Default days Athena query results are kept. */
    public static final int DEFAULT_ATHENA_RESULTS_EXPIRATION_DAYS = 7;
    /** Default tables: every table of the schema module. */
    public static final List<TableDefinition> DEFAULT_TABLES = LakehouseTables.ALL;
    /** S3 refuses STANDARD_IA transitions earlier than 30 days. */
    public static final int MIN_INFREQUENT_ACCESS_DAYS = 30;
    /** Athena's smallest per-query scan limit (10 MB). */
    public static final long MIN_ATHENA_BYTES_SCANNED_CUTOFF_MB = 10;
    /** The largest limit pulumi-aws 6.x can express (its field is a 32-bit byte count). */
    public static final long MAX_ATHENA_BYTES_SCANNED_CUTOFF_MB = Integer.MAX_VALUE / (1024L * 1024L);
    /** The Athena engine the named queries are written for (Trino-based). */
    public static final String ATHENA_ENGINE_VERSION = "Athena engine version 3";
    /** Prefix of every Glue database name: {@code fluxo_<environment>_<layer>}. */
    public static final String DATABASE_PREFIX = "fluxo_";

    /** ARN of the lakehouse KMS key (buckets, Athena results). */
    @Export(name = "kmsKeyArn", refs = {String.class})
    public final Output<String> kmsKeyArn;
    /** Bucket name per layer, keyed by the layer's schema database name (bronze, silver, gold). */
    @Export(name = "bucketNames", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    public final Output<Map<String, String>> bucketNames;
    /** The bronze bucket's name. */
    @Export(name = "bronzeBucketName", refs = {String.class})
    public final Output<String> bronzeBucketName;
    /** The silver bucket's name. */
    @Export(name = "silverBucketName", refs = {String.class})
    public final Output<String> silverBucketName;
    /** The gold bucket's name. */
    @Export(name = "goldBucketName", refs = {String.class})
    public final Output<String> goldBucketName;
    /** The bucket receiving S3 server access logs. */
    @Export(name = "accessLogBucketName", refs = {String.class})
    public final Output<String> accessLogBucketName;
    /** The bucket holding Athena query results. */
    @Export(name = "athenaResultsBucketName", refs = {String.class})
    public final Output<String> athenaResultsBucketName;
    /** The Athena workgroup to run queries in. */
    @Export(name = "athenaWorkgroupName", refs = {String.class})
    public final Output<String> athenaWorkgroupName;
    /** Glue database name per layer, keyed by the layer's schema database name (bronze, silver, gold). */
    @Export(name = "glueDatabaseNames", refs = {Map.class, String.class, String.class}, tree = "[0,1,2]")
    public final Output<Map<String, String>> glueDatabaseNames;

    private final Map<Layer, PrivateBucket> layerBuckets = new EnumMap<>(Layer.class);
    private final Map<Layer, CatalogDatabase> databases = new EnumMap<>(Layer.class);
    private final AwsAccount account;
    private final String environment;

    public Lakehouse(String name, LakehouseArgs args, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        args.validate();
        var tags = ResourceTags.require("Lakehouse", args.tags());
        this.environment = EnvironmentName.require("Lakehouse", args.environment());
        this.account = AwsAccount.lookup(this);
        var protection = DataProtection.forComponent(args.allowDataDeletion(), args.protect());
        var child = CustomResourceOptions.builder().parent(this).build();

        this.kmsKeyArn = args.kmsKeyArn().orElseGet(() -> {
            var key = ComponentKey.create(name + "-key",
                    "Fluxo " + environment + " lakehouse: layer buckets and Athena results",
                    KeyPolicies.accountKey(account, false), tags, protection.options(this));
            new Alias(name + "-key-alias", AliasArgs.builder()
                    .name("alias/fluxo-" + environment + "-lakehouse")
                    .targetKeyId(key.keyId())
                    .build(), child);
            return key.arn();
        });

        var accessLogs = PrivateBucket.builder(name + "-access-logs", this, tags)
                .bucketPrefix(bucketPrefix("access-logs"))
                .protection(protection)
                .lifecycleRule(PrivateBucket.expireObjects(args.accessLogExpirationDays()))
                .policyStatements(arn -> List.of(PolicyStatement.allow().sid("S3ServerAccessLogDelivery")
                        .servicePrincipal("logging.s3.amazonaws.com")
                        .actions("s3:PutObject")
                        .resource(arn.applyValue(a -> a + "/*"))
                        .condition("StringEquals", "aws:SourceAccount", account.accountId())
                        .build()))
                .create();

        for (var layer : Layer.values()) {
            var bucket = PrivateBucket.builder(name + "-" + layer.database(), this, tags)
                    .bucketPrefix(bucketPrefix(layer.database()))
                    .kmsKeyArn(kmsKeyArn)
                    .versioning(true)
                    .protection(protection)
                    .lifecycleRules(lifecycle(layer, args))
                    .accessLogs(accessLogs.name(), layer.database() + "/")
                    .create();
            layerBuckets.put(layer, bucket);
            databases.put(layer, new CatalogDatabase(name + "-" + layer.database() + "-db", CatalogDatabaseArgs.builder()
                    .name(databaseName(environment, layer))
                    .description("Fluxo " + environment + " " + layer.database() + " layer (Iceberg tables)")
                    .locationUri(bucket.name().applyValue(b -> "s3://" + b + "/"))
                    .tags(ResourceTags.named(tags, databaseName(environment, layer)))
                    .build(), protection.options(this)));
        }

        for (var table : args.tables()) {
            var layer = table.layer();
            new CatalogTable(name + "-" + layer.database() + "-" + table.name(),
                    IcebergTables.args(table, databases.get(layer).name(), layerBuckets.get(layer).name()),
                    CustomResourceOptions.merge(protection.options(this), CustomResourceOptions.builder()
                            .ignoreChanges("parameters", "storageDescriptor").build()));
        }

        var results = PrivateBucket.builder(name + "-athena-results", this, tags)
                .bucketPrefix(bucketPrefix("athena-results"))
                .kmsKeyArn(kmsKeyArn)
                .lifecycleRule(PrivateBucket.expireObjects(args.athenaResultsExpirationDays()))
                .accessLogs(accessLogs.name(), "athena-results/")
                .create();
        var workgroup = new Workgroup(name + "-workgroup", WorkgroupArgs.builder()
                .name("fluxo-" + environment)
                .description("Fluxo " + environment + " lakehouse queries (settings enforced)")
                .configuration(WorkgroupConfigurationArgs.builder()
                        .enforceWorkgroupConfiguration(true)
                        .publishCloudwatchMetricsEnabled(true)
                        .bytesScannedCutoffPerQuery(Math.toIntExact(args.athenaBytesScannedCutoffMb() * 1024 * 1024))
                        .engineVersion(WorkgroupConfigurationEngineVersionArgs.builder()
                                .selectedEngineVersion(ATHENA_ENGINE_VERSION).build())
                        .resultConfiguration(WorkgroupConfigurationResultConfigurationArgs.builder()
                                .outputLocation(results.name().applyValue(b -> "s3://" + b + "/"))
                                .expectedBucketOwner(account.accountId())
                                .encryptionConfiguration(
                                        WorkgroupConfigurationResultConfigurationEncryptionConfigurationArgs.builder()
                                                .encryptionOption("SSE_KMS")
                                                .kmsKeyArn(kmsKeyArn)
                                                .build())
                                .build())
                        .build())
                .tags(ResourceTags.named(tags, "fluxo-" + environment))
                .build(), child);
        for (var query : NamedQueries.ALL) {
            new NamedQuery(name + "-query-" + query.name(), NamedQueryArgs.builder()
                    .name(query.name())
                    .description(query.description())
                    .workgroup(workgroup.name())
                    .database(databases.get(query.layer()).name())
                    .query(query.sql(layer -> databaseName(environment, layer)))
                    .build(), child);
        }

        this.bucketNames = byLayer(layer -> layerBuckets.get(layer).name());
        this.bronzeBucketName = layerBuckets.get(Layer.BRONZE).name();
        this.silverBucketName = layerBuckets.get(Layer.SILVER).name();
        this.goldBucketName = layerBuckets.get(Layer.GOLD).name();
        this.accessLogBucketName = accessLogs.name();
        this.athenaResultsBucketName = results.name();
        this.athenaWorkgroupName = workgroup.name();
        this.glueDatabaseNames = byLayer(layer -> databases.get(layer).name());
        registerOutputs(Map.of(
                "kmsKeyArn", kmsKeyArn,
                "bucketNames", bucketNames,
                "bronzeBucketName", bronzeBucketName,
                "silverBucketName", silverBucketName,
                "goldBucketName", goldBucketName,
                "accessLogBucketName", accessLogBucketName,
                "athenaResultsBucketName", athenaResultsBucketName,
                "athenaWorkgroupName", athenaWorkgroupName,
                "glueDatabaseNames", glueDatabaseNames));
    }

    /** The Glue database of a layer in an environment: {@code fluxo_<environment>_<layer>} ('-' becomes '_'). */
    public static String databaseName(String environment, Layer layer) {
        return layer.database(namespacePrefix(environment));
    }

    /**
     * What precedes the layer in this environment's Glue database names ({@code fluxo_dev_}): the data plane and the
     * job are given it, so they address the same databases ({@code fluxo_dev_gold.customers}).
     */
    public static String namespacePrefix(String environment) {
        return DATABASE_PREFIX + EnvironmentName.asIdentifier(environment) + "_";
    }

    /**
     * The arguments the streaming job (and its maintenance) finds this lakehouse with: the Glue catalog, the gold
     * warehouse root (where new tables go) and this environment's database prefix.
     */
    public List<Output<String>> jobCatalogArguments() {
        return List.of(Output.of("--catalog-type"), Output.of("glue"), Output.of("--warehouse"),
                warehouseLocation(Layer.GOLD), Output.of("--namespace-prefix"), Output.of(namespacePrefix(environment)));
    }

    /**
     * The environment a writer of bronze and silver (the transform, as a Lambda or a pod) finds this lakehouse's
     * catalog with: Glue through its Iceberg REST endpoint ({@code FLUXO_CATALOG=glue-rest}: the transform jar carries
     * no Glue SDK client), this account's catalog, the bronze warehouse root and the prefix of this environment's
     * Glue databases (the tables live in {@code fluxo_<env>_bronze}…, not in {@code bronze}).
     */
    public Map<String, Output<String>> writerEnvironment() {
        var env = new java.util.LinkedHashMap<String, Output<String>>();
        env.put("FLUXO_CATALOG", Output.of("glue-rest"));
        env.put("FLUXO_CATALOG_GLUE_CATALOG_ID", account.accountId());
        env.put("FLUXO_CATALOG_WAREHOUSE", warehouseLocation(Layer.BRONZE));
        env.put("FLUXO_CATALOG_NAMESPACE_PREFIX", Output.of(namespacePrefix(environment)));
        return java.util.Collections.unmodifiableMap(env);
    }

    /** The Iceberg warehouse root of a layer: {@code s3://<layer bucket>/}. */
    public Output<String> warehouseLocation(Layer layer) {
        return layerBuckets.get(layer).name().applyValue(b -> "s3://" + b + "/");
    }

    /** The ARN of a layer's bucket. */
    public Output<String> bucketArn(Layer layer) {
        return layerBuckets.get(layer).arn();
    }

    /** The Glue database name of a layer. */
    public Output<String> glueDatabaseName(Layer layer) {
        return databases.get(layer).name();
    }

    /**
     * Lets {@code role} read the given layers: get objects and list those buckets, decrypt with the lakehouse
     * key, read those databases' tables in Glue. Registers one inline {@code RolePolicy} named {@code grantName}.
     */
    public RolePolicy grantRead(String grantName, Role role, Layer... layers) {
        return grant(grantName, role, false, layers);
    }

    /**
     * Lets {@code role} read and write the given layers: what {@link #grantRead} allows plus put/delete
     * objects, encrypt with the lakehouse key and commit Iceberg tables ({@code glue:UpdateTable}).
     */
    public RolePolicy grantWrite(String grantName, Role role, Layer... layers) {
        return grant(grantName, role, true, layers);
    }

    private RolePolicy grant(String grantName, Role role, boolean write, Layer... layers) {
        if (layers.length == 0) {
            throw new IllegalArgumentException(grantName + ": name at least one layer to grant");
        }
        var distinct = Arrays.stream(layers).distinct().sorted().toList();
        var bucketArns = distinct.stream().map(this::bucketArn).toList();
        var catalogArns = new ArrayList<Output<String>>();
        catalogArns.add(account.arn("glue", "catalog"));
        for (var layer : distinct) {
            var database = databaseName(environment, layer);
            catalogArns.add(account.arn("glue", "database/" + database));
            catalogArns.add(account.arn("glue", "table/" + database + "/*"));
        }
        return new RolePolicy(grantName, RolePolicyArgs.builder()
                .name(grantName)
                .role(role.id())
                .policy(LayerAccess.policy(bucketArns, kmsKeyArn, catalogArns, write).toJson())
                .build(), CustomResourceOptions.builder().parent(this).build());
    }

    private String bucketPrefix(String purpose) {
        return "fluxo-" + environment + "-" + purpose + "-";
    }

    private static List<BucketLifecycleConfigurationV2RuleArgs> lifecycle(Layer layer, LakehouseArgs args) {
        var rules = new ArrayList<BucketLifecycleConfigurationV2RuleArgs>();
        rules.add(PrivateBucket.expireNoncurrentVersions(args.noncurrentVersionExpirationDays()));
        if (layer == Layer.BRONZE) {
            rules.add(BucketLifecycleConfigurationV2RuleArgs.builder()
                    .id("bronze-tiering")
                    .status("Enabled")
                    .filter(PrivateBucket.everything())
                    .transitions(
                            BucketLifecycleConfigurationV2RuleTransitionArgs.builder()
                                    .days(args.bronzeInfrequentAccessDays()).storageClass("STANDARD_IA").build(),
                            BucketLifecycleConfigurationV2RuleTransitionArgs.builder()
                                    .days(args.bronzeGlacierDays()).storageClass("GLACIER_IR").build())
                    .build());
        }
        return rules;
    }

    private static Output<Map<String, String>> byLayer(java.util.function.Function<Layer, Output<String>> value) {
        var layers = List.of(Layer.values());
        return Output.all(layers.stream().map(value).toList()).applyValue(values -> {
            var map = new LinkedHashMap<String, String>();
            for (int i = 0; i < layers.size(); i++) {
                map.put(layers.get(i).database(), values.get(i));
            }
            return Map.copyOf(map);
        });
    }
}
