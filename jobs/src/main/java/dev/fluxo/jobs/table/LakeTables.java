package dev.fluxo.jobs.table;

import dev.fluxo.schema.TableDefinition;

/**
 * Where the lakehouse tables live in Spark: a catalog, and a prefix before each layer's namespace. Locally the
 * namespaces are the layers themselves ({@code lake.gold.customers}); on AWS each environment has its own Glue
 * databases ({@code fluxo_dev_gold}), so the prefix is {@code fluxo_dev_}.
 *
 * @param catalog         the Spark catalog name
 * @param namespacePrefix put before the layer name to form the namespace; empty for none
 */
public record LakeTables(String catalog, String namespacePrefix) {
    /** The namespace prefix when none is given: the layer names alone. */
    public static final String NO_PREFIX = "";

    /** {@code catalog.<prefix>layer.name}, as Spark SQL refers to the table. */
    public String qualifiedName(TableDefinition table) {
        return catalog + "." + table.qualifiedName(namespacePrefix);
    }

    /** {@code catalog.<prefix>layer}, the namespace holding the table. */
    public String namespace(TableDefinition table) {
        return catalog + "." + table.layer().database(namespacePrefix);
    }
}
