package dev.fluxo.components.kubernetes;

import dev.fluxo.schema.Column;
import dev.fluxo.schema.CustomerColumns;

import java.util.stream.Collectors;

/**
 * The ksqlDB stream over the CDC topic: Debezium's JSON envelope (no schemas, as the connector writes it) with the
 * customer's columns from {@code schema/} in {@code before} and {@code after}.
 */
public final class KsqlStream {
    /** The stream's name. */
    public static final String NAME = "customers_changes";

    private KsqlStream() {
    }

    /** {@code CREATE STREAM IF NOT EXISTS customers_changes (...) WITH (KAFKA_TOPIC=..., VALUE_FORMAT='JSON');}. */
    public static String createStatement(String topic) {
        var row = CustomerColumns.ALL.stream().map(KsqlStream::column).collect(Collectors.joining(", "));
        return "CREATE STREAM IF NOT EXISTS " + NAME + " (before STRUCT<" + row + ">, after STRUCT<" + row + ">, "
                + "op VARCHAR, ts_ms BIGINT, source STRUCT<lsn BIGINT, txId BIGINT, ts_ms BIGINT>) "
                + "WITH (KAFKA_TOPIC='" + topic + "', VALUE_FORMAT='JSON');\n";
    }

    // Debezium writes timestamps as microseconds since the epoch and bigints as numbers.
    private static String column(Column c) {
        var type = switch (c.type()) {
            case INT -> "INT";
            case LONG, TIMESTAMP -> "BIGINT";
            case BOOLEAN -> "BOOLEAN";
            default -> "VARCHAR";
        };
        return "`" + c.name() + "` " + type;
    }
}
