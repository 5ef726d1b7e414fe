package dev.fluxo.components.lakehouse;

import com.pulumi.core.Output;
import dev.fluxo.components.iam.PolicyDocument;
import dev.fluxo.components.iam.PolicyStatement;

import java.util.List;

/**
 * The least-privilege statements that let a role read, or read and write, some lakehouse layers: object
 * actions on those buckets' objects only, listing on those buckets only, the lakehouse key, and the Glue
 * catalog entries of those layers' databases. No wildcard actions, no {@code *} resources.
 */
public final class LayerAccess {
    public static final List<String> OBJECT_READ = List.of("s3:GetObject");
    public static final List<String> OBJECT_WRITE = List.of("s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload");
    public static final List<String> BUCKET_READ = List.of("s3:ListBucket", "s3:GetBucketLocation");
    public static final List<String> KEY_READ = List.of("kms:Decrypt");
    public static final List<String> KEY_WRITE = List.of("kms:Encrypt", "kms:GenerateDataKey");
    /** Reading tables; {@code glue:GetCatalog} is the Glue Iceberg REST endpoint's first call ({@code /v1/config}). */
    public static final List<String> CATALOG_READ = List.of("glue:GetCatalog", "glue:GetDatabase", "glue:GetTable",
            "glue:GetTables", "glue:GetPartitions");
    /** Iceberg commits swap the table's {@code metadata_location} with UpdateTable. */
    public static final List<String> CATALOG_WRITE = List.of("glue:UpdateTable");

    private LayerAccess() {
    }

    /**
     * @param bucketArns  the layers' bucket ARNs
     * @param keyArn      the lakehouse KMS key
     * @param catalogArns the Glue catalog ARN, each layer's database ARN and {@code table/<db>/*} ARN
     * @param write       read and write (true) or read only
     */
    public static PolicyDocument policy(List<Output<String>> bucketArns, Output<String> keyArn,
                                        List<Output<String>> catalogArns, boolean write) {
        var objects = PolicyStatement.allow().sid(write ? "ReadWriteLayerObjects" : "ReadLayerObjects")
                .actions(concat(OBJECT_READ, write ? OBJECT_WRITE : List.of()));
        var buckets = PolicyStatement.allow().sid("ListLayerBuckets").actions(BUCKET_READ.toArray(String[]::new));
        for (var arn : bucketArns) {
            objects.resource(arn.applyValue(a -> a + "/*"));
            buckets.resource(arn);
        }
        var key = PolicyStatement.allow().sid(write ? "EncryptDecryptWithLakehouseKey" : "DecryptWithLakehouseKey")
                .actions(concat(KEY_READ, write ? KEY_WRITE : List.of()))
                .resource(keyArn);
        var catalog = PolicyStatement.allow().sid(write ? "ReadUpdateLayerTables" : "ReadLayerTables")
                .actions(concat(CATALOG_READ, write ? CATALOG_WRITE : List.of()));
        catalogArns.forEach(catalog::resource);
        return PolicyDocument.of(objects.build(), buckets.build(), key.build(), catalog.build());
    }

    private static String[] concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
    }
}
