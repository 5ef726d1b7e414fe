package dev.fluxo.components;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.test.PulumiTest;
import dev.fluxo.components.lakehouse.IcebergTables;
import dev.fluxo.schema.NamedQueries;
import dev.fluxo.components.lakehouse.PrivateBucket;
import dev.fluxo.components.testing.RecordedResource;
import dev.fluxo.components.testing.RecordingMocks;
import dev.fluxo.schema.LakehouseTables;
import dev.fluxo.schema.Layer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import static dev.fluxo.components.ComponentTestSupport.TAGS;
import static dev.fluxo.components.ComponentTestSupport.list;
import static dev.fluxo.components.ComponentTestSupport.map;
import static dev.fluxo.components.ComponentTestSupport.only;
import static dev.fluxo.components.ComponentTestSupport.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LakehouseTest {
    private static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    private static final List<String> DATA_BUCKETS = List.of("lake-bronze", "lake-silver", "lake-gold");
    private final RecordingMocks mocks = new RecordingMocks();
    private final ResourceOptionsRecorder options = new ResourceOptionsRecorder();

    @AfterEach
    void cleanup() {
        PulumiTest.cleanup();
    }

    private Lakehouse deploy(UnaryOperator<LakehouseArgs.Builder> args) {
        return deploy(Map.of(), args);
    }

    private Lakehouse deploy(Map<String, String> config, UnaryOperator<LakehouseArgs.Builder> args) {
        var lake = new AtomicReference<Lakehouse>();
        ComponentTestSupport.run(mocks, config, options, ctx -> lake.set(new Lakehouse("lake",
                args.apply(LakehouseArgs.builder().tags(TAGS).environment("dev")).build(), null)));
        return lake.get();
    }

    private RecordedResource settingOf(String type, String bucketResource) {
        return mocks.ofType(type).stream().filter(r -> r.name().startsWith(bucketResource + "-")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type + " for " + bucketResource));
    }

    private static JsonObject json(RecordedResource resource, String input) {
        return JsonParser.parseString((String) resource.inputs().get(input)).getAsJsonObject();
    }

    @Test
    void createsOneBucketPerLayerPlusAccessLogsAndAthenaResults() {
        var lake = deploy(b -> b);
        assertThat(mocks.ofType(BUCKET)).extracting(RecordedResource::name)
                .containsExactlyInAnyOrder("lake-bronze", "lake-silver", "lake-gold", "lake-access-logs",
                        "lake-athena-results");
        assertThat(value(lake.bucketNames)).containsOnlyKeys("bronze", "silver", "gold");
        assertThat(value(lake.bronzeBucketName)).startsWith("fluxo-dev-bronze-");
        assertThat(value(lake.bucketNames).get("gold")).isEqualTo(value(lake.goldBucketName));
        assertThat(value(lake.warehouseLocation(Layer.SILVER))).isEqualTo("s3://" + value(lake.silverBucketName) + "/");
    }

    @Test
    void oneCustomerManagedKeyWithRotationEncryptsEveryDataBucketWithABucketKey() {
        var lake = deploy(b -> b);
        var key = only(mocks, "aws:kms/key:Key");
        assertThat(key.inputs()).containsEntry("enableKeyRotation", true);
        assertThat(only(mocks, "aws:kms/alias:Alias").inputs()).containsEntry("name", "alias/fluxo-dev-lakehouse");
        for (var bucket : List.of("lake-bronze", "lake-silver", "lake-gold", "lake-athena-results")) {
            var rule = map(list(settingOf("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", bucket)
                    .inputs().get("rules")).get(0));
            assertThat(rule).containsEntry("bucketKeyEnabled", true);
            assertThat(map(rule.get("applyServerSideEncryptionByDefault")))
                    .containsEntry("sseAlgorithm", "aws:kms").containsEntry("kmsMasterKeyId", value(lake.kmsKeyArn));
        }
    }

    @Test
    void accessLogBucketUsesSseS3BecauseLogDeliveryCannotUseKms() {
        deploy(b -> b);
        var rule = map(list(settingOf("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "lake-access-logs").inputs().get("rules")).get(0));
        assertThat(map(rule.get("applyServerSideEncryptionByDefault"))).containsEntry("sseAlgorithm", "AES256");
    }

    @Test
    void everyBucketBlocksAllPublicAccessAndDisablesAcls() {
        deploy(b -> b);
        assertThat(mocks.ofType("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")).hasSize(5).allSatisfy(pab ->
                assertThat(pab.inputs()).containsEntry("blockPublicAcls", true).containsEntry("blockPublicPolicy", true)
                        .containsEntry("ignorePublicAcls", true).containsEntry("restrictPublicBuckets", true));
        assertThat(mocks.ofType("aws:s3/bucketOwnershipControls:BucketOwnershipControls")).hasSize(5).allSatisfy(o ->
                assertThat(map(o.inputs().get("rule"))).containsEntry("objectOwnership", "BucketOwnerEnforced"));
    }

    @Test
    void everyBucketPolicyDeniesRequestsWithoutTls() {
        deploy(b -> b);
        var policies = mocks.ofType("aws:s3/bucketPolicy:BucketPolicy");
        assertThat(policies).hasSize(5).allSatisfy(p -> {
            var statement = statement(json(p, "policy"), "DenyInsecureTransport");
            assertThat(statement.get("Effect").getAsString()).isEqualTo("Deny");
            assertThat(statement.getAsJsonObject("Condition").getAsJsonObject("Bool").get("aws:SecureTransport")
                    .getAsString()).isEqualTo("false");
            assertThat(statement.getAsJsonArray("Resource")).hasSize(2);
        });
    }

    @Test
    void dataBucketPoliciesDenyPutsWithAnotherEncryption() {
        deploy(b -> b);
        for (var bucket : DATA_BUCKETS) {
            var statement = statement(json(settingOf("aws:s3/bucketPolicy:BucketPolicy", bucket), "policy"),
                    "DenyOtherEncryption");
            assertThat(statement.getAsJsonObject("Condition").getAsJsonObject("StringNotEqualsIfExists")
                    .get("s3:x-amz-server-side-encryption").getAsString()).isEqualTo("aws:kms");
        }
    }

    @Test
    void dataBucketsAreVersioned() {
        deploy(b -> b);
        var versioned = mocks.ofType("aws:s3/bucketVersioningV2:BucketVersioningV2");
        assertThat(versioned).extracting(RecordedResource::name)
                .containsExactlyInAnyOrder("lake-bronze-versioning", "lake-silver-versioning", "lake-gold-versioning");
        assertThat(versioned).allSatisfy(v ->
                assertThat(map(v.inputs().get("versioningConfiguration"))).containsEntry("status", "Enabled"));
    }

    @Test
    void bronzeTiersToInfrequentAccessThenGlacierInstantRetrievalOnTheDefaultDays() {
        deploy(b -> b);
        var rules = list(settingOf("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", "lake-bronze")
                .inputs().get("rules"));
        var tiering = rules.stream().map(ComponentTestSupport::map).filter(r -> "bronze-tiering".equals(r.get("id")))
                .findFirst().orElseThrow();
        assertThat(list(tiering.get("transitions"))).containsExactly(
                Map.of("days", Lakehouse.DEFAULT_BRONZE_INFREQUENT_ACCESS_DAYS, "storageClass", "STANDARD_IA"),
                Map.of("days", Lakehouse.DEFAULT_BRONZE_GLACIER_DAYS, "storageClass", "GLACIER_IR"));
    }

    @Test
    void everyDataBucketExpiresNoncurrentVersionsAndAbortsIncompleteUploads() {
        deploy(b -> b);
        for (var bucket : DATA_BUCKETS) {
            var rules = list(settingOf("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", bucket)
                    .inputs().get("rules")).stream().map(ComponentTestSupport::map).toList();
            assertThat(rules).anySatisfy(r -> assertThat(map(r.get("noncurrentVersionExpiration")))
                    .containsEntry("noncurrentDays", Lakehouse.DEFAULT_NONCURRENT_VERSION_EXPIRATION_DAYS));
            assertThat(rules).anySatisfy(r -> assertThat(map(r.get("abortIncompleteMultipartUpload")))
                    .containsEntry("daysAfterInitiation", PrivateBucket.ABORT_INCOMPLETE_MULTIPART_UPLOAD_DAYS));
        }
        assertThat(list(settingOf("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", "lake-silver")
                .inputs().get("rules"))).noneSatisfy(r -> assertThat(map(r)).containsKey("transitions"));
    }

    @Test
    void accessLogsAndAthenaResultsExpireOnTheDefaultDays() {
        deploy(b -> b);
        assertThat(expirationDays("lake-access-logs")).isEqualTo(Lakehouse.DEFAULT_ACCESS_LOG_EXPIRATION_DAYS);
        assertThat(expirationDays("lake-athena-results")).isEqualTo(Lakehouse.DEFAULT_ATHENA_RESULTS_EXPIRATION_DAYS);
    }

    private Object expirationDays(String bucket) {
        return list(settingOf("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", bucket)
                .inputs().get("rules")).stream().map(ComponentTestSupport::map)
                .filter(r -> r.containsKey("expiration")).map(r -> map(r.get("expiration")).get("days"))
                .findFirst().orElseThrow();
    }

    @Test
    void layerBucketsLogServerAccessIntoTheAccessLogBucket() {
        var lake = deploy(b -> b);
        var logging = mocks.ofType("aws:s3/bucketLoggingV2:BucketLoggingV2");
        assertThat(logging).hasSize(4).allSatisfy(l ->
                assertThat(l.inputs()).containsEntry("targetBucket", value(lake.accessLogBucketName)));
        assertThat(settingOf("aws:s3/bucketLoggingV2:BucketLoggingV2", "lake-gold").inputs())
                .containsEntry("targetPrefix", "gold/");
        var delivery = statement(json(settingOf("aws:s3/bucketPolicy:BucketPolicy", "lake-access-logs"), "policy"),
                "S3ServerAccessLogDelivery");
        assertThat(delivery.getAsJsonObject("Principal").get("Service").getAsString()).isEqualTo("logging.s3.amazonaws.com");
    }

    @Test
    void glueDatabasePerLayerIsPrefixedWithTheEnvironment() {
        var lake = deploy(b -> b.environment("stg-2"));
        assertThat(mocks.ofType("aws:glue/catalogDatabase:CatalogDatabase")).extracting(d -> d.inputs().get("name"))
                .containsExactlyInAnyOrder("fluxo_stg_2_bronze", "fluxo_stg_2_silver", "fluxo_stg_2_gold");
        assertThat(value(lake.glueDatabaseNames)).containsEntry("gold", "fluxo_stg_2_gold");
    }

    @Test
    void everySchemaTableIsAnIcebergTableInItsLayersBucket() {
        var lake = deploy(b -> b);
        var tables = mocks.ofType("aws:glue/catalogTable:CatalogTable");
        assertThat(tables).hasSize(LakehouseTables.ALL.size());
        for (var definition : Lakehouse.DEFAULT_TABLES) {
            var table = mocks.named("lake-" + definition.layer().database() + "-" + definition.name());
            assertThat(table.inputs()).containsEntry("name", definition.name())
                    .containsEntry("databaseName", Lakehouse.databaseName("dev", definition.layer()));
            assertThat(map(map(table.inputs().get("openTableFormatInput")).get("icebergInput")))
                    .containsEntry("metadataOperation", IcebergTables.METADATA_OPERATION)
                    .containsEntry("version", IcebergTables.FORMAT_VERSION);
            var storage = map(table.inputs().get("storageDescriptor"));
            assertThat(storage).containsEntry("location",
                    "s3://" + value(lake.bucketNames).get(definition.layer().database()) + "/" + definition.name() + "/");
            assertThat(list(storage.get("columns"))).hasSize(definition.columns().size());
            assertThat(table.inputs()).doesNotContainKey("partitionKeys");
        }
    }

    @Test
    void columnsCarryGlueTypesAndComments() {
        deploy(b -> b.tables(List.of(LakehouseTables.BRONZE_CUSTOMERS_CHANGES)));
        var columns = list(map(mocks.named("lake-bronze-customers_changes").inputs().get("storageDescriptor")).get("columns"));
        assertThat(columns).contains(
                Map.of("name", "commit_time", "type", "timestamp", "comment", "When the change was committed in the source, UTC"),
                Map.of("name", "raw", "type", "binary", "comment", "The envelope's bytes"));
        assertThat(mocks.ofType("aws:glue/catalogTable:CatalogTable")).hasSize(1);
    }

    @Test
    void athenaWorkgroupEnforcesEngineV3EncryptedResultsAndTheDefaultScanCutoff() {
        var lake = deploy(b -> b);
        var configuration = map(only(mocks, "aws:athena/workgroup:Workgroup").inputs().get("configuration"));
        assertThat(configuration).containsEntry("enforceWorkgroupConfiguration", true)
                .containsEntry("publishCloudwatchMetricsEnabled", true)
                .containsEntry("bytesScannedCutoffPerQuery", (int) (Lakehouse.DEFAULT_ATHENA_BYTES_SCANNED_CUTOFF_MB * 1024 * 1024));
        assertThat(map(configuration.get("engineVersion"))).containsEntry("selectedEngineVersion", Lakehouse.ATHENA_ENGINE_VERSION);
        var result = map(configuration.get("resultConfiguration"));
        assertThat(result).containsEntry("outputLocation", "s3://" + value(lake.athenaResultsBucketName) + "/")
                .containsEntry("expectedBucketOwner", RecordingMocks.ACCOUNT_ID);
        assertThat(map(result.get("encryptionConfiguration"))).containsEntry("encryptionOption", "SSE_KMS")
                .containsEntry("kmsKeyArn", value(lake.kmsKeyArn));
    }

    @Test
    void scanCutoffAboveWhatTheProviderCanExpressIsRefused() {
        assertThatThrownBy(() -> LakehouseArgs.builder().tags(TAGS).environment("dev")
                .athenaBytesScannedCutoffMb(Lakehouse.MAX_ATHENA_BYTES_SCANNED_CUTOFF_MB + 1).build())
                .hasMessageContaining("athenaBytesScannedCutoffMb");
    }

    @Test
    void namedQueriesUseTheEnvironmentsDatabasesInTheWorkgroup() {
        var lake = deploy(b -> b);
        var queries = mocks.ofType("aws:athena/namedQuery:NamedQuery");
        assertThat(queries).extracting(q -> q.inputs().get("name"))
                .containsExactlyInAnyOrderElementsOf(NamedQueries.ALL.stream().map(q -> q.name()).toList());
        assertThat(queries).allSatisfy(q -> assertThat(q.inputs()).containsEntry("workgroup", value(lake.athenaWorkgroupName)));
        var freshness = mocks.named("lake-query-" + NamedQueries.GOLD_FRESHNESS.name());
        assertThat(freshness.inputs()).containsEntry("database", "fluxo_dev_gold");
        assertThat((String) freshness.inputs().get("query")).contains("FROM fluxo_dev_gold.customers").doesNotContain("{db:");
    }

    @ParameterizedTest(name = "stack allows {0}, component allows {1} -> deletion allowed {2}")
    @CsvSource({"false,false,false", "true,false,false", "false,true,false", "true,true,true"})
    void deletingDataNeedsBothTheStackFlagAndTheComponentFlag(boolean stack, boolean component, boolean deletable) {
        deploy(Map.of("fluxo:allowDataDeletion", String.valueOf(stack)), b -> b.allowDataDeletion(component));
        for (var bucket : DATA_BUCKETS) {
            assertThat(mocks.named(bucket).inputs()).containsEntry("forceDestroy", deletable);
            assertThat(options.retainOnDelete(bucket)).as(bucket + " retainOnDelete").isEqualTo(!deletable);
        }
        assertThat(options.retainOnDelete("lake-key")).isEqualTo(!deletable);
        assertThat(options.retainOnDelete("lake-bronze-encryption")).isEqualTo(!deletable);
    }

    @Test
    void dataIsRetainedWhenNothingIsConfigured() {
        deploy(b -> b);
        assertThat(Lakehouse.DEFAULT_ALLOW_DATA_DELETION).isFalse();
        assertThat(options.retainOnDelete("lake-gold")).isTrue();
        assertThat(mocks.named("lake-gold").inputs()).containsEntry("forceDestroy", false);
    }

    @Test
    void protectMarksBucketsKeyDatabasesAndTablesProtected() {
        deploy(b -> b.protect(true));
        for (var name : List.of("lake-bronze", "lake-silver", "lake-gold", "lake-key", "lake-gold-db", "lake-gold-customers")) {
            assertThat(options.protect(name)).as(name).isTrue();
        }
        assertThat(options.protect("lake-workgroup")).isFalse();
    }

    @Test
    void notProtectedByDefault() {
        deploy(b -> b);
        assertThat(Lakehouse.DEFAULT_PROTECT).isFalse();
        assertThat(options.protect("lake-gold")).isFalse();
    }

    @Test
    void grantReadScopesStatementsToTheNamedLayersWithoutWildcards() {
        var lake = new AtomicReference<Lakehouse>();
        ComponentTestSupport.run(mocks, ctx -> {
            lake.set(new Lakehouse("lake", LakehouseArgs.builder().tags(TAGS).environment("dev").build(), null));
            var role = new Role("reader", RoleArgs.builder().assumeRolePolicy("{}").build());
            lake.get().grantRead("reader-silver", role, Layer.SILVER);
        });
        var policy = json(mocks.named("reader-silver"), "policy");
        var silverArn = "arn:aws:s3:::" + value(lake.get().silverBucketName);
        var text = policy.toString();
        assertThat(text).contains(silverArn + "/*", "database/fluxo_dev_silver", "table/fluxo_dev_silver/*", ":catalog")
                .doesNotContain(value(lake.get().bronzeBucketName), value(lake.get().goldBucketName), "fluxo_dev_gold",
                        "\"*\"", "s3:*", "PutObject", "UpdateTable", "GenerateDataKey");
        assertThat(resources(statement(policy, "DecryptWithLakehouseKey"))).containsExactly(value(lake.get().kmsKeyArn));
        assertThat(resources(statement(policy, "ListLayerBuckets"))).containsExactly(silverArn);
    }

    @Test
    void grantWriteAddsWritesForExactlyTheNamedLayers() {
        var lake = new AtomicReference<Lakehouse>();
        var role = new AtomicReference<Role>();
        ComponentTestSupport.run(mocks, ctx -> {
            lake.set(new Lakehouse("lake", LakehouseArgs.builder().tags(TAGS).environment("dev").build(), null));
            role.set(new Role("writer", RoleArgs.builder().assumeRolePolicy("{}").build()));
            lake.get().grantWrite("writer-bronze-silver", role.get(), Layer.BRONZE, Layer.SILVER);
        });
        var policy = json(mocks.named("writer-bronze-silver"), "policy");
        assertThat(resources(statement(policy, "ReadWriteLayerObjects"))).containsExactlyInAnyOrder(
                "arn:aws:s3:::" + value(lake.get().bronzeBucketName) + "/*",
                "arn:aws:s3:::" + value(lake.get().silverBucketName) + "/*");
        assertThat(actions(statement(policy, "ReadWriteLayerObjects"))).contains("s3:GetObject", "s3:PutObject");
        assertThat(actions(statement(policy, "EncryptDecryptWithLakehouseKey")))
                .containsExactlyInAnyOrder("kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey");
        assertThat(actions(statement(policy, "ReadUpdateLayerTables"))).contains("glue:UpdateTable", "glue:GetTable");
        assertThat(policy.toString()).doesNotContain(value(lake.get().goldBucketName), "\"*\"");
        assertThat(mocks.named("writer-bronze-silver").inputs()).containsEntry("role", value(role.get().id()));
    }

    @Test
    void everyChildIsParentedByTheComponent() {
        var result = ComponentTestSupport.run(mocks, ctx ->
                new Lakehouse("lake", LakehouseArgs.builder().tags(TAGS).environment("dev").build(), null));
        var children = result.resources().stream()
                .filter(r -> !r.pulumiResourceType().equals(Lakehouse.TYPE) && !r.pulumiResourceType().equals("pulumi:pulumi:Stack"))
                .toList();
        assertThat(children).hasSizeGreaterThan(40).allSatisfy(r ->
                assertThat(ComponentTestSupport.urn(r)).contains(Lakehouse.TYPE + "$"));
    }

    @Test
    void tablesOutsideTheSchemaModuleAreRefused() {
        var custom = new dev.fluxo.schema.TableDefinition(Layer.GOLD, "other", "x",
                List.of(dev.fluxo.schema.Column.required("id", dev.fluxo.schema.ColumnType.LONG, "id")), List.of(), List.of());
        assertThatThrownBy(() -> LakehouseArgs.builder().tables(List.of(custom)))
                .hasMessageContaining("gold.other").hasMessageContaining("LakehouseTables");
    }

    @Test
    void invalidEnvironmentIsRefusedWithTheRule() {
        assertThatThrownBy(() -> LakehouseArgs.builder().tags(TAGS).environment("Prod_1").build())
                .hasMessageContaining("environment 'Prod_1' must be");
    }

    private static JsonObject statement(JsonObject policy, String sid) {
        for (var element : policy.getAsJsonArray("Statement")) {
            var statement = element.getAsJsonObject();
            if (statement.has("Sid") && statement.get("Sid").getAsString().equals(sid)) {
                return statement;
            }
        }
        throw new AssertionError("no statement " + sid + " in " + policy);
    }

    private static List<String> resources(JsonObject statement) {
        return strings(statement.get("Resource"));
    }

    private static List<String> actions(JsonObject statement) {
        return strings(statement.get("Action"));
    }

    private static List<String> strings(com.google.gson.JsonElement element) {
        var values = new ArrayList<String>();
        if (element instanceof JsonArray array) {
            array.forEach(e -> values.add(e.getAsString()));
        } else {
            values.add(element.getAsString());
        }
        return values;
    }
}
