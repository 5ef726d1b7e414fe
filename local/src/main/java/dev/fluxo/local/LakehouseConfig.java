package dev.fluxo.local;

import dev.fluxo.local.service.GoldJob;
import dev.fluxo.local.service.ObjectStore;
import dev.fluxo.local.service.SourceDatabase;
import dev.fluxo.pipeline.PipelineSettings;
import dev.fluxo.pipeline.mask.MaskingKey;
import dev.fluxo.pipeline.write.CatalogSettings;
import dev.fluxo.transform.config.TransformSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lakehouse as every local engine sees it: the Iceberg JDBC catalog {@value GoldJob#CATALOG_NAME} in the embedded
 * PostgreSQL, the warehouse on s3proxy, and the masking key of the state directory.
 */
public final class LakehouseConfig {
    /**
     * Locally silver keeps {@code nome} (the data is synthetic); email and telefone are keyed hashes as on AWS.
     */
    public static final boolean KEEP_ALLOWED_PII = true;

    private LakehouseConfig() {
    }

    /** The pipeline's properties ({@link PipelineSettings}, {@link CatalogSettings}) for this stack. */
    public static Map<String, String> pipelineProperties(int pgPort, String s3Endpoint) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(CatalogSettings.TYPE, "jdbc");
        p.put(CatalogSettings.NAME, GoldJob.CATALOG_NAME);
        p.put(CatalogSettings.WAREHOUSE, ObjectStore.WAREHOUSE);
        p.put(CatalogSettings.JDBC_URI, SourceDatabase.jdbcUrl(pgPort, SourceDatabase.CATALOG_DATABASE));
        p.put(CatalogSettings.JDBC_USER, SourceDatabase.USER);
        p.put(CatalogSettings.JDBC_PASSWORD, SourceDatabase.PASSWORD);
        p.put(CatalogSettings.S3_ENDPOINT, s3Endpoint);
        p.put(CatalogSettings.S3_PATH_STYLE, "true");
        p.put(CatalogSettings.S3_ACCESS_KEY_ID, ObjectStore.ACCESS_KEY);
        p.put(CatalogSettings.S3_SECRET_ACCESS_KEY, ObjectStore.SECRET_KEY);
        p.put(CatalogSettings.REGION, ObjectStore.REGION);
        p.put(PipelineSettings.KEEP_ALLOWED_PII, String.valueOf(KEEP_ALLOWED_PII));
        return p;
    }

    /**
     * The transform function's environment for this stack: every pipeline property as its variable
     * ({@link TransformSettings#variableFor}), the masking key given directly, the region.
     */
    public static Map<String, String> transformEnvironment(int pgPort, String s3Endpoint, LocalLayout layout) {
        Map<String, String> env = new LinkedHashMap<>();
        pipelineProperties(pgPort, s3Endpoint).forEach((k, v) -> env.put(TransformSettings.variableFor(k), v));
        env.put(TransformSettings.MASKING_KEY, maskingKeyText(layout));
        env.put(TransformSettings.AWS_REGION, ObjectStore.REGION);
        return env;
    }

    /** The state directory's masking key (64 hex characters), made on first use. */
    public static String maskingKeyText(LocalLayout layout) {
        Path file = layout.maskingKey();
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Files.writeString(file, HexFormat.of().formatHex(random), StandardCharsets.UTF_8);
            }
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    /** The masking key as the pipeline uses it: the key text's UTF-8 bytes. */
    public static MaskingKey maskingKey(LocalLayout layout) {
        return MaskingKey.of(maskingKeyText(layout).getBytes(StandardCharsets.UTF_8));
    }
}
