package dev.fluxo.pipeline.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fluxo.pipeline.change.Customer;
import dev.fluxo.pipeline.change.CustomerChange;
import dev.fluxo.pipeline.change.Op;

import java.io.IOException;
import java.time.Instant;

/**
 * Rows from the Kafka Connect JDBC source connector: {@code {"schema":…,"payload":{row}}} (JSON with schema) or the bare
 * row. The connector polls the table, so a row is its current state: it becomes an {@link Op#UPDATE} (an upsert)
 * without a before image. It carries no log position, so the record's Kafka offset must come as the position hint;
 * the commit time is the row's {@code dt_update}, or, if the row has none, when the record was decoded.
 */
final class ConnectJsonDecoder extends JsonEnvelopeDecoder {

    ConnectJsonDecoder(DecoderOptions options) {
        super(options);
    }

    @Override
    CustomerChange decodeObject(JsonParser p, SourceRecord record) throws IOException, MalformedRecord {
        SchemaFacts schema = SchemaFacts.NONE;
        Object[] row = null;
        boolean nullPayload = false;
        Object[] bare = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if ("schema".equals(name)) {
                if (t == JsonToken.START_OBJECT) {
                    schema = SchemaFacts.read(p);
                } else {
                    p.skipChildren();
                }
            } else if ("payload".equals(name)) {
                if (t == JsonToken.VALUE_NULL) {
                    nullPayload = true;
                } else {
                    requireObject(p, "payload");
                    row = RowReader.read(p);
                }
            } else {
                if (bare == null) {
                    bare = new Object[dev.fluxo.schema.CustomerColumns.ALL.size()];
                }
                if (!RowReader.readField(name, p, bare)) {
                    p.skipChildren();
                }
            }
        }
        if (row == null) {
            if (bare == null) {
                if (nullPayload) {
                    return null;
                }
                throw new MalformedRecord("no row: expected {\"schema\":…,\"payload\":{…}} or a bare row");
            }
            row = bare;
        }
        if (record.positionHint() == null) {
            throw new MalformedRecord("a JDBC source row has no log position: pass the record's Kafka offset as position hint");
        }
        Customer after = RowReader.toCustomer(row, schema, options.bareTimestampUnit());
        Instant commitTime = after.dtUpdate() != null ? after.dtUpdate() : Instant.now();
        int version = schema.topVersion() != null ? schema.topVersion() : options.defaultSchemaVersion();
        Long id = after.id() != null ? after.id() : idFromKey(record.key());
        return new CustomerChange(id, Op.UPDATE, null, after, record.positionHint(), commitTime, version);
    }
}
