package dev.fluxo.pipeline.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fluxo.pipeline.change.Customer;
import dev.fluxo.pipeline.change.CustomerChange;
import dev.fluxo.pipeline.change.Op;
import dev.fluxo.pipeline.change.SourcePosition;
import dev.fluxo.schema.CustomerColumns;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Debezium PostgreSQL change events in JSON: {@code {"schema":…,"payload":{before, after, source, op, …}}} or the bare
 * payload when schemas are disabled. One streaming pass; the embedded schema, when present, tells how each timestamp
 * column is encoded ({@code MicroTimestamp} microseconds, {@code Timestamp} milliseconds, {@code ZonedTimestamp} text),
 * so {@code dt_update} lands as the instant PostgreSQL stored.
 */
final class DebeziumJsonDecoder extends JsonEnvelopeDecoder {
    private static final String SCHEMA = CustomerColumns.SOURCE_TABLE.substring(0, CustomerColumns.SOURCE_TABLE.indexOf('.'));
    private static final String TABLE = CustomerColumns.SOURCE_TABLE.substring(CustomerColumns.SOURCE_TABLE.indexOf('.') + 1);

    DebeziumJsonDecoder(DecoderOptions options) {
        super(options);
    }

    /** What one event says, gathered in whatever order its fields come. */
    private static final class Event {
        SchemaFacts schema = SchemaFacts.NONE;
        boolean nullPayload;
        boolean sawEnvelopeField;
        Object[] before;
        Object[] after;
        String op;
        Long lsn;
        Long txId;
        Long sourceTsUs;
        Long sourceTsMs;
        String sourceSchema;
        String sourceTable;
    }

    @Override
    CustomerChange decodeObject(JsonParser p, SourceRecord record) throws IOException, MalformedRecord {
        Event e = new Event();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "schema" -> {
                    if (t == JsonToken.START_OBJECT) {
                        e.schema = SchemaFacts.read(p);
                    } else {
                        p.skipChildren();
                    }
                }
                case "payload" -> {
                    if (t == JsonToken.VALUE_NULL) {
                        e.nullPayload = true;
                    } else {
                        requireObject(p, "payload");
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String field = p.currentName();
                            p.nextToken();
                            envelopeField(field, p, e);
                        }
                    }
                }
                default -> envelopeField(name, p, e);
            }
        }
        if (e.nullPayload && !e.sawEnvelopeField) {
            return null;
        }
        return toChange(e, record);
    }

    private static void envelopeField(String name, JsonParser p, Event e) throws IOException, MalformedRecord {
        switch (name) {
            case "before" -> e.before = row(p, name);
            case "after" -> e.after = row(p, name);
            case "op" -> e.op = text(p, name);
            case "source" -> {
                if (p.currentToken() != JsonToken.VALUE_NULL) {
                    requireObject(p, "source");
                    source(p, e);
                }
            }
            default -> {
                p.skipChildren();
                return;
            }
        }
        e.sawEnvelopeField = true;
    }

    private static Object[] row(JsonParser p, String name) throws IOException, MalformedRecord {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        requireObject(p, name);
        return RowReader.read(p);
    }

    private static void source(JsonParser p, Event e) throws IOException, MalformedRecord {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "lsn" -> e.lsn = integer(p, "source.lsn");
                case "txId" -> e.txId = integer(p, "source.txId");
                case "ts_us" -> e.sourceTsUs = integer(p, "source.ts_us");
                case "ts_ms" -> e.sourceTsMs = integer(p, "source.ts_ms");
                case "schema" -> e.sourceSchema = text(p, "source.schema");
                case "table" -> e.sourceTable = text(p, "source.table");
                default -> p.skipChildren();
            }
        }
    }

    private CustomerChange toChange(Event e, SourceRecord record) throws MalformedRecord {
        if (e.op == null) {
            throw new MalformedRecord("op is missing: not a Debezium change event");
        }
        Op op = Op.fromLetter(e.op).orElseThrow(() -> new MalformedRecord("unknown op '" + Timestamps.abbreviate(e.op)
                + "', expected one of c, u, d, r"));
        if (e.sourceTable != null && !(e.sourceTable.equals(TABLE)
                && (e.sourceSchema == null || e.sourceSchema.equals(SCHEMA)))) {
            String table = (e.sourceSchema == null ? "" : e.sourceSchema + ".") + e.sourceTable;
            throw new MalformedRecord("change for " + table + ", this pipeline reads " + CustomerColumns.SOURCE_TABLE);
        }
        SourcePosition position;
        if (e.lsn != null) {
            position = SourcePosition.lsn(e.lsn, e.txId);
        } else if (record.positionHint() != null) {
            position = record.positionHint().withTxId(e.txId);
        } else {
            throw new MalformedRecord("source.lsn is missing and no position hint was given");
        }
        Instant commitTime;
        if (e.sourceTsUs != null) {
            commitTime = Timestamps.fromNumber(e.sourceTsUs, ChronoUnit.MICROS);
        } else if (e.sourceTsMs != null) {
            commitTime = Timestamps.fromNumber(e.sourceTsMs, ChronoUnit.MILLIS);
        } else {
            throw new MalformedRecord("source.ts_ms is missing: no commit time");
        }
        ChronoUnit unit = options.bareTimestampUnit();
        Customer before = RowReader.toCustomer(e.before, e.schema, unit);
        Customer after = RowReader.toCustomer(e.after, e.schema, unit);
        Long id = after != null && after.id() != null ? after.id() : before != null ? before.id() : null;
        if (id == null) {
            id = idFromKey(record.key());
        }
        int version = e.schema.rowVersion() != null ? e.schema.rowVersion() : options.defaultSchemaVersion();
        return new CustomerChange(id, op, before, after, position, commitTime, version);
    }
}
