package dev.fluxo.components.lakehouse;

import com.pulumi.aws.glue.CatalogTableArgs;
import com.pulumi.aws.glue.inputs.CatalogTableOpenTableFormatInputArgs;
import com.pulumi.aws.glue.inputs.CatalogTableOpenTableFormatInputIcebergInputArgs;
import com.pulumi.aws.glue.inputs.CatalogTableStorageDescriptorArgs;
import com.pulumi.aws.glue.inputs.CatalogTableStorageDescriptorColumnArgs;
import com.pulumi.core.Output;
import dev.fluxo.schema.TableDefinition;

/**
 * Turns a {@link TableDefinition} from {@code fluxo-schema} into a Glue {@code CreateTable} request for an
 * Iceberg table: Glue writes the first metadata file ({@code OpenTableFormatInput.IcebergInput},
 * metadata operation {@code CREATE}, format version 2) at {@code s3://<layer bucket>/<table>/}.
 *
 * <p><b>Partitioning.</b> Iceberg partitions are hidden: they are part of the table's metadata, not Hive
 * partition keys. Glue's CreateTable cannot take an Iceberg partition spec, so the table starts unpartitioned
 * and the data-plane writer adds the schema's spec (e.g. {@code day(commit_time)}) when it first opens the
 * table, before writing any data. No Glue {@code partitionKeys} are set on purpose.
 *
 * <p><b>Ownership after creation.</b> Every Iceberg commit rewrites the table's Glue parameters
 * ({@code metadata_location}) and columns, so the component ignores later changes to those; schema changes
 * reach existing tables through Iceberg schema evolution in the data plane, not through Pulumi.
 */
public final class IcebergTables {
    /** Glue's metadata operation that creates a new Iceberg table. */
    public static final String METADATA_OPERATION = "CREATE";
    /** Iceberg table format version (v2: row-level deletes, needed by the gold merge). */
    public static final String FORMAT_VERSION = "2";

    private IcebergTables() {
    }

    /** The Glue table for {@code table} in {@code databaseName}, stored under {@code s3://bucket/<table name>/}. */
    public static CatalogTableArgs args(TableDefinition table, Output<String> databaseName, Output<String> bucket) {
        var columns = table.columns().stream().map(c -> CatalogTableStorageDescriptorColumnArgs.builder()
                .name(c.name())
                .type(c.type().glueType())
                .comment(c.doc())
                .build()).toList();
        return CatalogTableArgs.builder()
                .name(table.name())
                .databaseName(databaseName)
                .description(table.description())
                .tableType("EXTERNAL_TABLE")
                .openTableFormatInput(CatalogTableOpenTableFormatInputArgs.builder()
                        .icebergInput(CatalogTableOpenTableFormatInputIcebergInputArgs.builder()
                                .metadataOperation(METADATA_OPERATION)
                                .version(FORMAT_VERSION)
                                .build())
                        .build())
                .storageDescriptor(CatalogTableStorageDescriptorArgs.builder()
                        .location(location(bucket, table))
                        .columns(columns)
                        .build())
                .build();
    }

    /** {@code s3://<bucket>/<table name>/}. */
    public static Output<String> location(Output<String> bucket, TableDefinition table) {
        return Output.format("s3://%s/%s/", bucket, table.name());
    }
}
