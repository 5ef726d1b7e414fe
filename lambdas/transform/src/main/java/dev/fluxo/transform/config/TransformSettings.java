package dev.fluxo.transform.config;

import dev.fluxo.pipeline.PipelineSettings;
import dev.fluxo.pipeline.decode.EnvelopeFormat;
import dev.fluxo.pipeline.write.CatalogSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The transform function's configuration, read from its environment. Lambda variable names cannot hold dots, so each
 * pipeline property has an upper-case twin: {@code fluxo.catalog.jdbc.uri} is {@code FLUXO_CATALOG_JDBC_URI},
 * {@code fluxo.s3.path-style-access} is {@code FLUXO_S3_PATH_STYLE_ACCESS} ({@link #variableFor}); the catalog type is
 * {@value #CATALOG}. Defaults are the pipeline's ({@link PipelineSettings}, {@link CatalogSettings}), except the
 * envelope format, which defaults per handler. The masking key comes from {@value #MASKING_KEY_SECRET_ARN} (a Secrets
 * Manager secret, on AWS) or {@value #MASKING_KEY} (its value, for local runs); exactly one is required.
 *
 * @param pipeline        the pipeline's settings
 * @param maskingKey where the masking key comes from
 */
public record TransformSettings(PipelineSettings pipeline, MaskingKeySource maskingKey) {
    /**
     * {@code glue-rest}, {@code glue} or {@code jdbc}: {@link CatalogSettings#TYPE}; default
     * {@link CatalogSettings#DEFAULT_TYPE}. The Lambda jar carries no Glue SDK client, so on AWS it is {@code glue-rest}.
     */
    public static final String CATALOG = "FLUXO_CATALOG";
    /** ARN of the Secrets Manager secret holding the masking key. */
    public static final String MASKING_KEY_SECRET_ARN = "FLUXO_MASKING_KEY_SECRET_ARN";
    /** The masking key itself, for local runs only (at least 16 bytes of UTF-8). */
    public static final String MASKING_KEY = "FLUXO_MASKING_KEY";
    /** Region of the Lambda runtime, used for {@link CatalogSettings#REGION} when {@code FLUXO_REGION} is unset. */
    public static final String AWS_REGION = "AWS_REGION";

    /**
     * Every pipeline property read from the environment, longest first: messages are rewritten key by key, and a key
     * can be the start of another ({@code fluxo.catalog.name} / {@code fluxo.catalog.namespace-prefix}).
     */
    private static final List<String> PROPERTIES = java.util.stream.Stream.concat(CatalogSettings.KEYS.stream(),
                    PipelineSettings.KEYS.stream())
            .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();

    /**
     * Reads the settings.
     *
     * @param env           the function's environment
     * @param defaultFormat the envelope format when {@code FLUXO_ENVELOPE_FORMAT} is unset
     * @throws IllegalArgumentException listing every missing or invalid variable
     */
    public static TransformSettings fromEnvironment(Map<String, String> env, EnvelopeFormat defaultFormat) {
        Map<String, String> properties = properties(env);
        properties.putIfAbsent(PipelineSettings.FORMAT, defaultFormat.name());
        List<String> problems = new ArrayList<>();
        PipelineSettings pipeline = null;
        try {
            pipeline = PipelineSettings.from(properties);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        MaskingKeySource key = null;
        String arn = value(env, MASKING_KEY_SECRET_ARN);
        String literal = value(env, MASKING_KEY);
        if (arn != null && literal != null) {
            problems.add("set " + MASKING_KEY_SECRET_ARN + " or " + MASKING_KEY + ", not both");
        } else if (arn != null) {
            key = MaskingKeySource.secret(arn);
        } else if (literal != null) {
            key = MaskingKeySource.literal(literal);
        } else {
            problems.add(MASKING_KEY_SECRET_ARN + " (or " + MASKING_KEY + " for local runs) is required");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid transform configuration: " + inVariables(String.join("; ", problems)));
        }
        return new TransformSettings(pipeline, key);
    }

    /** The pipeline properties the environment sets, by property key. */
    public static Map<String, String> properties(Map<String, String> env) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String key : PROPERTIES) {
            putIfSet(properties, key, value(env, variableFor(key)));
        }
        properties.putIfAbsent(CatalogSettings.REGION, value(env, AWS_REGION));
        properties.values().removeIf(v -> v == null);
        return properties;
    }

    /** The environment variable of a pipeline property: upper case, dots and dashes as underscores. */
    public static String variableFor(String property) {
        if (property.equals(CatalogSettings.TYPE)) {
            return CATALOG;
        }
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The pipeline's messages name properties; the function's user sets variables. */
    private static String inVariables(String message) {
        String result = message;
        for (String key : PROPERTIES) {
            result = result.replace(key, variableFor(key));
        }
        return result;
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
