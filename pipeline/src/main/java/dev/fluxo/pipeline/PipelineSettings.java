package dev.fluxo.pipeline;

import dev.fluxo.pipeline.decode.DecoderOptions;
import dev.fluxo.pipeline.decode.EnvelopeFormat;
import dev.fluxo.pipeline.mask.MaskingKey;
import dev.fluxo.pipeline.mask.MaskingPolicy;
import dev.fluxo.pipeline.mask.PiiMasker;
import dev.fluxo.pipeline.write.CatalogFactory;
import dev.fluxo.pipeline.write.CatalogSettings;
import dev.fluxo.pipeline.write.LakehouseWriter;

import org.apache.iceberg.catalog.Catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything a transform needs, from one flat property map, so the Lambda handler (environment variables) and the local
 * target build the same pipeline the same way. Only the masking key comes separately: it is a secret, and where it is
 * kept is the caller's concern. Keys, besides the catalog's ({@link CatalogSettings}):
 * <ul>
 *   <li>{@value #FORMAT}: {@code debezium-json}, {@code connect-json} or {@code dms-json}; default
 *       {@link #DEFAULT_FORMAT}</li>
 *   <li>{@value #MAX_PAYLOAD_BYTES}: records larger than this are dead-lettered unparsed; default
 *       {@link DecoderOptions#DEFAULT_MAX_PAYLOAD_BYTES}</li>
 *   <li>{@value #KEEP_ALLOWED_PII}: keep {@code nome} in silver; default {@link MaskingPolicy#DEFAULT_KEEP_ALLOWED_PII}</li>
 * </ul>
 */
public record PipelineSettings(EnvelopeFormat format, DecoderOptions decoderOptions, MaskingPolicy maskingPolicy,
                               CatalogSettings catalog) {
    public static final String FORMAT = "fluxo.envelope.format";
    public static final String MAX_PAYLOAD_BYTES = "fluxo.decode.max-payload-bytes";
    public static final String KEEP_ALLOWED_PII = "fluxo.mask.keep-allowed-pii";
    /** The pipeline's own keys (the catalog's are {@link CatalogSettings#KEYS}). */
    public static final List<String> KEYS = List.of(FORMAT, MAX_PAYLOAD_BYTES, KEEP_ALLOWED_PII);
    /** Default envelope format: Debezium JSON (MSK Connect, Strimzi, the local engine). */
    public static final EnvelopeFormat DEFAULT_FORMAT = EnvelopeFormat.DEBEZIUM_JSON;

    /** Reads and validates the settings; the exception lists every problem. */
    public static PipelineSettings from(Map<String, String> properties) {
        List<String> problems = new ArrayList<>();
        EnvelopeFormat format = DEFAULT_FORMAT;
        if (properties.containsKey(FORMAT)) {
            try {
                format = EnvelopeFormat.parse(properties.get(FORMAT));
            } catch (IllegalArgumentException e) {
                problems.add(FORMAT + ": " + e.getMessage());
            }
        }
        DecoderOptions decoder = DecoderOptions.defaults();
        String max = properties.get(MAX_PAYLOAD_BYTES);
        if (max != null) {
            try {
                decoder = decoder.withMaxPayloadBytes(Integer.parseInt(max.trim()));
            } catch (IllegalArgumentException e) {
                problems.add(MAX_PAYLOAD_BYTES + " must be a positive number of bytes, got '" + max + "'");
            }
        }
        boolean keep = MaskingPolicy.DEFAULT_KEEP_ALLOWED_PII;
        String keepValue = properties.get(KEEP_ALLOWED_PII);
        if (keepValue != null) {
            switch (keepValue.trim().toLowerCase(Locale.ROOT)) {
                case "true" -> keep = true;
                case "false" -> keep = false;
                default -> problems.add(KEEP_ALLOWED_PII + " must be true or false, got '" + keepValue + "'");
            }
        }
        CatalogSettings catalog = new CatalogSettings(properties);
        problems.addAll(catalog.problems());
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid pipeline settings: " + String.join("; ", problems));
        }
        return new PipelineSettings(format, decoder, new MaskingPolicy(keep), catalog);
    }

    /** The pipeline these settings describe, writing through a new catalog. */
    public TransformPipeline pipeline(MaskingKey key) {
        return pipeline(key, writer(CatalogFactory.create(catalog)));
    }

    /** The pipeline these settings describe, writing with {@code writer}. */
    public TransformPipeline pipeline(MaskingKey key, LakehouseWriter writer) {
        return TransformPipeline.builder()
                .decoder(format.decoder(decoderOptions))
                .masker(new PiiMasker(key, maskingPolicy))
                .writer(writer)
                .build();
    }

    /** A writer into {@code catalog} (an open catalog of these settings) under their namespace prefix. */
    public LakehouseWriter writer(Catalog openCatalog) {
        return new LakehouseWriter(openCatalog, catalog.namespacePrefix());
    }
}
