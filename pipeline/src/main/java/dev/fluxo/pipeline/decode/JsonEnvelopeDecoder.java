package dev.fluxo.pipeline.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import dev.fluxo.pipeline.change.CustomerChange;

import java.io.IOException;
import java.util.Objects;

/**
 * What every JSON envelope decoder shares: the size limit checked before parsing, tombstones, and turning any problem
 * into a {@link DecodeResult.DecodeFailure} instead of an exception.
 */
abstract class JsonEnvelopeDecoder implements ChangeDecoder {
    /** Thread-safe and reused: creating a factory per record would cost more than parsing a small event. */
    static final JsonFactory JSON = JsonFactory.builder().build();

    final DecoderOptions options;

    JsonEnvelopeDecoder(DecoderOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public final DecodeResult decode(SourceRecord record) {
        byte[] value = record.value();
        if (value == null || value.length == 0) {
            return new DecodeResult.Ignored(DecodeResult.Ignored.TOMBSTONE);
        }
        if (value.length > options.maxPayloadBytes()) {
            return new DecodeResult.DecodeFailure("payload too large: " + value.length + " bytes, the limit is "
                    + options.maxPayloadBytes(), value);
        }
        try (JsonParser p = JSON.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return new DecodeResult.DecodeFailure("not a JSON object", value);
            }
            CustomerChange change = decodeObject(p, record);
            if (p.nextToken() != null) {
                return new DecodeResult.DecodeFailure("unexpected content after the JSON object", value);
            }
            return change == null ? ignored(record) : new DecodeResult.Decoded(change);
        } catch (MalformedRecord e) {
            return new DecodeResult.DecodeFailure(e.getMessage(), value);
        } catch (InputCoercionException e) {
            return new DecodeResult.DecodeFailure("number out of range: " + e.getOriginalMessage(), value);
        } catch (JsonProcessingException e) {
            return new DecodeResult.DecodeFailure("invalid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at byte " + e.getLocation().getByteOffset()), value);
        } catch (IOException | RuntimeException e) {
            return new DecodeResult.DecodeFailure("cannot decode: " + e, value);
        }
    }

    /**
     * Decodes the root object (the parser is on its {@code START_OBJECT}, and must end on its {@code END_OBJECT}).
     *
     * @return the change, or {@code null} for a record to ignore (then {@link #ignored} says why)
     */
    abstract CustomerChange decodeObject(JsonParser p, SourceRecord record) throws IOException, MalformedRecord;

    /** Why a record for which {@link #decodeObject} returned {@code null} is ignored. */
    DecodeResult.Ignored ignored(SourceRecord record) {
        return new DecodeResult.Ignored(DecodeResult.Ignored.TOMBSTONE);
    }

    static String text(JsonParser p, String field) throws IOException, MalformedRecord {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw new MalformedRecord(field + ": expected a string, got " + RowReader.describe(t));
        }
        return p.getText();
    }

    /** An integer that may be sent as a number or as decimal text (DMS does both); {@code null} stays null. */
    static Long integer(JsonParser p, String field) throws IOException, MalformedRecord {
        JsonToken t = p.currentToken();
        return t == JsonToken.VALUE_NULL ? null : RowReader.readLong(field, p, t);
    }

    static void requireObject(JsonParser p, String field) throws MalformedRecord {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedRecord(field + ": expected an object, got " + RowReader.describe(p.currentToken()));
        }
    }

    /** Reads the id from a record key ({@code {"id":1}}, bare or with schema), for deletes that carry no row image. */
    static Long idFromKey(byte[] key) {
        if (key == null || key.length == 0) {
            return null;
        }
        try (JsonParser p = JSON.createParser(key)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Object[] row = new Object[dev.fluxo.schema.CustomerColumns.ALL.size()];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("payload".equals(name) && t == JsonToken.START_OBJECT) {
                    row = RowReader.read(p);
                } else if (!RowReader.readField(name, p, row)) {
                    p.skipChildren();
                }
            }
            return (Long) row[0];
        } catch (IOException | MalformedRecord | RuntimeException e) {
            return null;
        }
    }
}
