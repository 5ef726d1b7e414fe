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
import java.util.Locale;

/**
 * AWS DMS records as DMS writes them to Kinesis: {@code {"data":{row},"metadata":{"operation":…,"timestamp":…,
 * "transaction-id":…,"record-type":"data",…}}}, with an optional {@code "before-image"}. DMS records carry no
 * stream position, so the Kinesis sequence number must come as the position hint. Control records (table DDL,
 * task events) are ignored.
 */
final class DmsJsonDecoder extends JsonEnvelopeDecoder {

    DmsJsonDecoder(DecoderOptions options) {
        super(options);
    }

    private static final class Metadata {
        String operation;
        String recordType;
        String timestamp;
        Long transactionId;
        String schemaName;
        String tableName;
    }

    @Override
    CustomerChange decodeObject(JsonParser p, SourceRecord record) throws IOException, MalformedRecord {
        Object[] data = null;
        Object[] beforeImage = null;
        Metadata m = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "data" -> {
                    if (t != JsonToken.VALUE_NULL) {
                        requireObject(p, "data");
                        data = RowReader.read(p);
                    }
                }
                case "before-image" -> {
                    if (t != JsonToken.VALUE_NULL) {
                        requireObject(p, "before-image");
                        beforeImage = RowReader.read(p);
                    }
                }
                case "metadata" -> {
                    requireObject(p, "metadata");
                    m = metadata(p);
                }
                default -> p.skipChildren();
            }
        }
        if (m == null) {
            throw new MalformedRecord("metadata is missing: not a DMS record");
        }
        if (m.recordType != null && !"data".equals(m.recordType)) {
            return null;
        }
        if (m.operation == null) {
            throw new MalformedRecord("metadata.operation is missing");
        }
        Op op = switch (m.operation.toLowerCase(Locale.ROOT)) {
            case "insert" -> Op.CREATE;
            case "update" -> Op.UPDATE;
            case "delete" -> Op.DELETE;
            case "load" -> Op.READ;
            default -> throw new MalformedRecord("unknown DMS operation '" + Timestamps.abbreviate(m.operation)
                    + "', expected insert, update, delete or load");
        };
        if (m.tableName != null) {
            String table = (m.schemaName == null ? "public" : m.schemaName) + "." + m.tableName;
            if (!table.equals(CustomerColumns.SOURCE_TABLE)) {
                throw new MalformedRecord("change for " + table + ", this pipeline reads " + CustomerColumns.SOURCE_TABLE);
            }
        }
        if (data == null) {
            throw new MalformedRecord("data is missing");
        }
        SourcePosition hint = record.positionHint();
        if (hint == null) {
            throw new MalformedRecord("a DMS record has no stream position: pass the Kinesis sequence number as position hint");
        }
        if (m.timestamp == null) {
            throw new MalformedRecord("metadata.timestamp is missing: no commit time");
        }
        Instant commitTime = Timestamps.fromText("metadata.timestamp", m.timestamp);
        Customer row = RowReader.toCustomer(data, SchemaFacts.NONE, options.bareTimestampUnit());
        Customer before = op == Op.DELETE ? row : RowReader.toCustomer(beforeImage, SchemaFacts.NONE,
                options.bareTimestampUnit());
        Customer after = op == Op.DELETE ? null : row;
        Long id = row.id() != null ? row.id() : idFromKey(record.key());
        return new CustomerChange(id, op, before, after, hint.withTxId(m.transactionId), commitTime,
                options.defaultSchemaVersion());
    }

    @Override
    DecodeResult.Ignored ignored(SourceRecord record) {
        return new DecodeResult.Ignored("DMS control record");
    }

    private static Metadata metadata(JsonParser p) throws IOException, MalformedRecord {
        Metadata m = new Metadata();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            switch (name) {
                case "operation" -> m.operation = text(p, "metadata.operation");
                case "record-type" -> m.recordType = text(p, "metadata.record-type");
                case "timestamp" -> m.timestamp = text(p, "metadata.timestamp");
                case "transaction-id" -> m.transactionId = integer(p, "metadata.transaction-id");
                case "schema-name" -> m.schemaName = text(p, "metadata.schema-name");
                case "table-name" -> m.tableName = text(p, "metadata.table-name");
                default -> p.skipChildren();
            }
        }
        return m;
    }
}
