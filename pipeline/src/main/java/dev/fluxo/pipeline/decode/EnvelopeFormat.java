package dev.fluxo.pipeline.decode;

import java.util.Arrays;
import java.util.Locale;

/** The envelope formats the pipeline reads, by the name configuration uses for them. */
public enum EnvelopeFormat {
    /** Debezium JSON change events (MSK Connect, Strimzi, the embedded engine). */
    DEBEZIUM_JSON,
    /** Kafka Connect JDBC source rows, JSON with or without schema. */
    CONNECT_JSON,
    /** AWS DMS CDC records on Kinesis. */
    DMS_JSON;

    /** The decoder for this format. */
    public ChangeDecoder decoder(DecoderOptions options) {
        return switch (this) {
            case DEBEZIUM_JSON -> ChangeDecoder.debezium(options);
            case CONNECT_JSON -> ChangeDecoder.connectJson(options);
            case DMS_JSON -> ChangeDecoder.dms(options);
        };
    }

    /** Reads a configuration value such as {@code debezium-json} or {@code DMS_JSON}. */
    public static EnvelopeFormat parse(String name) {
        String normal = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(f -> f.name().equals(normal)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown envelope format '" + name + "'; expected one of "
                        + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList()));
    }
}
