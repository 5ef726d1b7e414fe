package dev.fluxo.pipeline.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fluxo.pipeline.change.Customer;
import dev.fluxo.schema.Column;
import dev.fluxo.schema.ColumnType;
import dev.fluxo.schema.CustomerColumns;

import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a {@code public.customers} row from a JSON object, driven by {@link CustomerColumns#ALL}: each column's type
 * says how its value is read. Unknown fields are skipped (a new source column does not stop the pipeline). Timestamps
 * stay raw (number or text) until the envelope says what unit its numbers have.
 */
final class RowReader {
    private static final Map<String, Integer> INDEX = new HashMap<>();
    private static final ColumnType[] TYPES = new ColumnType[CustomerColumns.ALL.size()];

    static {
        for (int i = 0; i < CustomerColumns.ALL.size(); i++) {
            Column column = CustomerColumns.ALL.get(i);
            INDEX.put(column.name(), i);
            TYPES[i] = column.type();
            if (column.type() != ColumnType.LONG && column.type() != ColumnType.STRING
                    && column.type() != ColumnType.TIMESTAMP) {
                throw new IllegalStateException("RowReader cannot read column " + column.name() + " of type " + column.type());
            }
        }
    }

    private RowReader() {
    }

    /** Whether {@code name} is a source column. */
    static boolean isColumn(String name) {
        return INDEX.containsKey(name);
    }

    /** Reads the object the parser is on ({@code START_OBJECT}) into raw values. */
    static Object[] read(JsonParser p) throws IOException, MalformedRecord {
        Object[] values = new Object[TYPES.length];
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (!readField(name, p, values)) {
                p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new MalformedRecord("row is not a JSON object");
        }
        return values;
    }

    /** Reads one field whose value token is current; {@code false} (nothing consumed) if it is not a source column. */
    static boolean readField(String name, JsonParser p, Object[] values) throws IOException, MalformedRecord {
        Integer index = INDEX.get(name);
        if (index == null) {
            return false;
        }
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            values[index] = null;
            return true;
        }
        values[index] = switch (TYPES[index]) {
            case LONG -> readLong(name, p, t);
            case STRING -> {
                if (t != JsonToken.VALUE_STRING) {
                    throw new MalformedRecord(name + ": expected a string, got " + describe(t));
                }
                yield p.getText();
            }
            case TIMESTAMP -> {
                if (t == JsonToken.VALUE_NUMBER_INT) {
                    yield p.getLongValue();
                }
                if (t == JsonToken.VALUE_STRING) {
                    yield p.getText();
                }
                throw new MalformedRecord(name + ": expected a timestamp (number or text), got " + describe(t));
            }
            default -> throw new IllegalStateException("unreachable: " + TYPES[index]);
        };
        return true;
    }

    /** An integer sent as a JSON number or as decimal text. */
    static Long readLong(String name, JsonParser p, JsonToken t) throws IOException, MalformedRecord {
        if (t == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return Long.parseLong(p.getText().trim());
            } catch (NumberFormatException e) {
                throw new MalformedRecord(name + ": expected an integer, got '" + Timestamps.abbreviate(p.getText()) + "'");
            }
        }
        throw new MalformedRecord(name + ": expected an integer, got " + describe(t));
    }

    /**
     * Turns raw values into a row, reading numeric timestamps with the unit each column's schema gave. Converts
     * {@code values} in place: they are not used afterwards.
     */
    static Customer toCustomer(Object[] values, SchemaFacts facts, ChronoUnit defaultUnit) throws MalformedRecord {
        if (values == null) {
            return null;
        }
        for (int i = 0; i < TYPES.length; i++) {
            if (TYPES[i] == ColumnType.TIMESTAMP && values[i] != null) {
                String column = CustomerColumns.ALL.get(i).name();
                String logical = facts.logicalType(column);
                if (values[i] instanceof Long && Timestamps.ZONED_TIMESTAMP.equals(logical)) {
                    throw new MalformedRecord(column + ": expected text for " + logical + ", got a number");
                }
                var unit = Timestamps.unitOf(logical);
                values[i] = Timestamps.fromRaw(column, values[i], unit == null ? defaultUnit : unit);
            }
        }
        return Customer.fromValues(values);
    }

    static String describe(JsonToken t) {
        if (t == null) {
            return "end of input";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.toString();
        };
    }
}
