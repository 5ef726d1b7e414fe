package dev.fluxo.schema;


import java.util.Objects;
import java.util.function.Function;

/**
 * One saved query: SQL whose table references are {@code {db:<layer>}.<table>} placeholders, rendered for a
 * database naming by {@link #sql(Function)}.
 *
 * @param name        the Athena named-query name
 * @param description what the query answers
 * @param layer       the layer whose database is the query's default database
 * @param template    SQL with {@code {db:bronze}}, {@code {db:silver}} or {@code {db:gold}} before each table name
 */
public record NamedQuery(String name, String description, Layer layer, String template) {
    public NamedQuery {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(template, "template");
    }

    /** The SQL with each table qualified by {@code databaseName.apply(layer)}. */
    public String sql(Function<Layer, String> databaseName) {
        var sql = template;
        for (var layer : Layer.values()) {
            sql = sql.replace(placeholder(layer), databaseName.apply(layer));
        }
        return sql;
    }

    /** The SQL over the schema's own database names ({@code bronze}, {@code silver}, {@code gold}). */
    public String sql() {
        return sql(Layer::database);
    }

    /** The placeholder a template puts before a table of {@code layer}. */
    public static String placeholder(Layer layer) {
        return "{db:" + layer.database() + "}";
    }
}
