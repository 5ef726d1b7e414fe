package dev.fluxo.pipeline.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * What a Kafka Connect JSON schema (the {@code "schema"} half of a JSON-with-schema record) says that decoding needs:
 * the logical type of each source column (how to read its timestamps) and the version of the row struct.
 */
final class SchemaFacts {
    static final SchemaFacts NONE = new SchemaFacts();

    private final Map<String, String> logicalTypes = new HashMap<>(4);
    /** {@code version} of the {@code before}/{@code after} struct (Debezium) or of the top-level struct (JDBC source). */
    private Integer rowVersion;
    private Integer topVersion;

    String logicalType(String column) {
        return logicalTypes.get(column);
    }

    Integer rowVersion() {
        return rowVersion;
    }

    Integer topVersion() {
        return topVersion;
    }

    /** Reads the schema object the parser is on ({@code START_OBJECT}). */
    static SchemaFacts read(JsonParser p) throws IOException {
        SchemaFacts facts = new SchemaFacts();
        facts.topVersion = facts.walk(p);
        return facts;
    }

    /** Walks one schema object; returns its {@code version}. */
    private Integer walk(JsonParser p) throws IOException {
        String field = null;
        String name = null;
        Integer version = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonToken t = p.nextToken();
            switch (key) {
                case "field" -> field = t == JsonToken.VALUE_STRING ? p.getText() : null;
                case "name" -> name = t == JsonToken.VALUE_STRING ? p.getText() : null;
                case "version" -> version = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
                case "fields" -> {
                    if (t == JsonToken.START_ARRAY) {
                        while ((t = p.nextToken()) != JsonToken.END_ARRAY && t != null) {
                            if (t == JsonToken.START_OBJECT) {
                                walk(p);
                            } else {
                                p.skipChildren();
                            }
                        }
                    } else {
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (field != null) {
            if (("after".equals(field) || "before".equals(field)) && version != null) {
                rowVersion = version;
            } else if (name != null && RowReader.isColumn(field)) {
                logicalTypes.put(field, name);
            }
        }
        return version;
    }
}
