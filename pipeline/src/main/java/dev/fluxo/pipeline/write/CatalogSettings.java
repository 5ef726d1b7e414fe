package dev.fluxo.pipeline.write;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which Iceberg catalog and storage the pipeline writes to, read from a flat property map (environment of a Lambda,
 * the local target's configuration). Every problem is reported at once. Keys:
 * <ul>
 *   <li>{@value #TYPE}: {@code glue} (AWS) or {@code jdbc} (local); default {@link #DEFAULT_TYPE}</li>
 *   <li>{@value #NAME}: the catalog's name; default {@value #DEFAULT_NAME}</li>
 *   <li>{@value #WAREHOUSE}: where table data lives, e.g. {@code s3://lakehouse/warehouse}; required</li>
 *   <li>{@value #JDBC_URI}, {@value #JDBC_USER}, {@value #JDBC_PASSWORD}: the JDBC catalog's database (uri required
 *       for {@code jdbc})</li>
 *   <li>{@value #S3_ENDPOINT}: an S3-compatible endpoint (s3proxy locally); unset on AWS</li>
 *   <li>{@value #S3_PATH_STYLE}: path-style bucket addressing; default {@code true} when an endpoint is set, else
 *       {@code false}</li>
 *   <li>{@value #S3_ACCESS_KEY_ID}, {@value #S3_SECRET_ACCESS_KEY}: static credentials (local only; on AWS the
 *       default credential chain, i.e. the function's role, is used)</li>
 *   <li>{@value #REGION}: the AWS region of the clients; default: the SDK's region chain</li>
 *   <li>{@code iceberg.*}: passed to Iceberg with the prefix removed, for anything else</li>
 * </ul>
 */
public record CatalogSettings(Map<String, String> properties) {
    public static final String TYPE = "fluxo.catalog.type";
    public static final String NAME = "fluxo.catalog.name";
    public static final String WAREHOUSE = "fluxo.catalog.warehouse";
    public static final String JDBC_URI = "fluxo.catalog.jdbc.uri";
    public static final String JDBC_USER = "fluxo.catalog.jdbc.user";
    public static final String JDBC_PASSWORD = "fluxo.catalog.jdbc.password";
    public static final String S3_ENDPOINT = "fluxo.s3.endpoint";
    public static final String S3_PATH_STYLE = "fluxo.s3.path-style-access";
    public static final String S3_ACCESS_KEY_ID = "fluxo.s3.access-key-id";
    public static final String S3_SECRET_ACCESS_KEY = "fluxo.s3.secret-access-key";
    public static final String REGION = "fluxo.region";
    /** Prefix of properties handed to Iceberg unchanged (minus the prefix). */
    public static final String ICEBERG_PREFIX = "iceberg.";

    /** Default catalog type: {@link Type#GLUE}, the AWS target. */
    public static final Type DEFAULT_TYPE = Type.GLUE;
    /** Default catalog name. */
    public static final String DEFAULT_NAME = "fluxo";

    /** The catalogs the pipeline can write through. */
    public enum Type {
        /** AWS Glue Data Catalog ({@code org.apache.iceberg.aws.glue.GlueCatalog}). */
        GLUE("org.apache.iceberg.aws.glue.GlueCatalog"),
        /** Iceberg's JDBC catalog, on PostgreSQL locally ({@code org.apache.iceberg.jdbc.JdbcCatalog}). */
        JDBC("org.apache.iceberg.jdbc.JdbcCatalog");

        private final String implementation;

        Type(String implementation) {
            this.implementation = implementation;
        }

        public String implementation() {
            return implementation;
        }
    }

    public CatalogSettings {
        properties = Map.copyOf(Objects.requireNonNull(properties, "properties"));
    }

    /** Reads and validates the settings; the exception lists every problem. */
    public static CatalogSettings from(Map<String, String> properties) {
        CatalogSettings settings = new CatalogSettings(properties);
        List<String> problems = settings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid catalog settings: " + String.join("; ", problems));
        }
        return settings;
    }

    /** Everything wrong with these settings; empty when they are usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String type = properties.get(TYPE);
        if (type != null && parseType(type) == null) {
            problems.add(TYPE + " must be glue or jdbc, got '" + type + "'");
        }
        if (blank(properties.get(WAREHOUSE))) {
            problems.add(WAREHOUSE + " is required (e.g. s3://bucket/warehouse)");
        }
        if (type() == Type.JDBC && blank(properties.get(JDBC_URI))) {
            problems.add(JDBC_URI + " is required for a jdbc catalog");
        }
        if (blank(properties.get(S3_ACCESS_KEY_ID)) != blank(properties.get(S3_SECRET_ACCESS_KEY))) {
            problems.add(S3_ACCESS_KEY_ID + " and " + S3_SECRET_ACCESS_KEY + " go together");
        }
        return problems;
    }

    public Type type() {
        Type parsed = parseType(properties.getOrDefault(TYPE, DEFAULT_TYPE.name()));
        return parsed == null ? DEFAULT_TYPE : parsed;
    }

    public String name() {
        return properties.getOrDefault(NAME, DEFAULT_NAME);
    }

    /** The properties Iceberg's {@code CatalogUtil} builds the catalog from. Always S3FileIO, the real S3 API. */
    public Map<String, String> icebergProperties() {
        Map<String, String> iceberg = new LinkedHashMap<>();
        iceberg.put("catalog-impl", type().implementation());
        iceberg.put("warehouse", properties.get(WAREHOUSE));
        iceberg.put("io-impl", "org.apache.iceberg.aws.s3.S3FileIO");
        // The URL-connection client is the lightest the SDK has: fewer jars and a faster Lambda cold start.
        iceberg.put("http-client.type", "urlconnection");
        String endpoint = properties.get(S3_ENDPOINT);
        if (!blank(endpoint)) {
            iceberg.put("s3.endpoint", endpoint);
        }
        iceberg.put("s3.path-style-access", properties.getOrDefault(S3_PATH_STYLE, String.valueOf(!blank(endpoint))));
        if (!blank(properties.get(S3_ACCESS_KEY_ID))) {
            iceberg.put("s3.access-key-id", properties.get(S3_ACCESS_KEY_ID));
            iceberg.put("s3.secret-access-key", properties.get(S3_SECRET_ACCESS_KEY));
        }
        if (!blank(properties.get(REGION))) {
            iceberg.put("client.region", properties.get(REGION));
        }
        if (type() == Type.JDBC) {
            iceberg.put("uri", properties.get(JDBC_URI));
            putIfSet(iceberg, "jdbc.user", properties.get(JDBC_USER));
            putIfSet(iceberg, "jdbc.password", properties.get(JDBC_PASSWORD));
            // V1 also stores views; the tables Trino and Spark create in the same catalog need it.
            iceberg.put("jdbc.schema-version", "V1");
        }
        properties.forEach((k, v) -> {
            if (k.startsWith(ICEBERG_PREFIX)) {
                iceberg.put(k.substring(ICEBERG_PREFIX.length()), v);
            }
        });
        return iceberg;
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(properties);
        shown.replaceAll((k, v) -> k.contains("password") || k.contains("secret") ? "***" : v);
        return "CatalogSettings" + shown;
    }

    private static Type parseType(String value) {
        for (Type t : Type.values()) {
            if (t.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                return t;
            }
        }
        return null;
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (!blank(value)) {
            map.put(key, value);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
