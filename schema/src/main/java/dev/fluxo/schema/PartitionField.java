package dev.fluxo.schema;

/**
 * A partition of a table, as Iceberg hidden partitioning expresses it.
 *
 * @param column    the source column
 * @param transform how the column's value becomes the partition value
 */
public record PartitionField(String column, Transform transform) {
    public enum Transform { IDENTITY, DAY }

    public static PartitionField day(String column) {
        return new PartitionField(column, Transform.DAY);
    }
}
