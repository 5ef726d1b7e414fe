package dev.fluxo.pipeline.decode;

/**
 * Turns one record of a CDC stream into a {@link DecodeResult}. Implementations never throw for bad input: anything
 * they cannot read becomes a {@link DecodeResult.DecodeFailure} with the reason. They are thread-safe.
 */
public interface ChangeDecoder {

    DecodeResult decode(SourceRecord record);

    /** Debezium's PostgreSQL change events, JSON, with or without embedded schemas. */
    static ChangeDecoder debezium(DecoderOptions options) {
        return new DebeziumJsonDecoder(options);
    }

    /** Rows from the Kafka Connect JDBC source connector (JSON with or without schema), applied as upserts. */
    static ChangeDecoder connectJson(DecoderOptions options) {
        return new ConnectJsonDecoder(options);
    }

    /** AWS DMS records as DMS writes them to Kinesis ({@code data} + {@code metadata}). */
    static ChangeDecoder dms(DecoderOptions options) {
        return new DmsJsonDecoder(options);
    }
}
