package dev.fluxo.schema;

import java.util.Objects;

/**
 * One column of a lakehouse table.
 *
 * @param name     the column name as the source defines it (Portuguese names stay Portuguese)
 * @param type     the logical type
 * @param required whether every row has a value
 * @param pii      how personal data in this column is protected
 * @param doc      one line for the catalog's column comment
 */
public record Column(String name, ColumnType type, boolean required, Pii pii, String doc) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(pii, "pii");
        Objects.requireNonNull(doc, "doc");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("column name must be snake_case: " + name);
        }
    }

    public static Column required(String name, ColumnType type, String doc) {
        return new Column(name, type, true, Pii.NONE, doc);
    }

    public static Column optional(String name, ColumnType type, String doc) {
        return new Column(name, type, false, Pii.NONE, doc);
    }

    public Column withPii(Pii policy) {
        return new Column(name, type, required, policy, doc);
    }

    public Column asOptional() {
        return new Column(name, type, false, pii, doc);
    }
}
