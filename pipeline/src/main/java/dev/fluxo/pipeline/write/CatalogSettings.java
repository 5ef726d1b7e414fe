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
 *   <li>{@value #TYPE}: {@code glue-rest} (AWS, the Glue Iceberg REST endpoint), {@code glue} (AWS, through the Glue
 *       SDK client) or {@code jdbc} (local); default {@link #DEFAULT_TYPE}</li>
 *   <li>{@value #NAME}: the catalog's name; default {@value #DEFAULT_NAME}</li>
 *   <li>{@value #WAREHOUSE}: where table data lives, e.g. {@code s3://lakehouse/warehouse}; required for {@code glue}
 *       and {@code jdbc} ({@code glue-rest} places tables where their Glue database's location says)</li>
 *   <li>{@value #GLUE_CATALOG_ID}: the Glue Data Catalog of {@code glue-rest}, i.e. the AWS account id; required for
 *       {@code glue-rest}</li>
 *   <li>{@value #GLUE_ENDPOINT}: the Iceberg REST endpoint of {@code glue-rest}; default
 *       {@code https://glue.<region>.amazonaws.com/iceberg} ({@link #glueEndpoint})</li>
 *   <li>{@value #JDBC_URI}, {@value #JDBC_USER}, {@value #JDBC_PASSWORD}: the JDBC catalog's database (uri required
 *       for {@code jdbc})</li>
 *   <li>{@value #S3_ENDPOINT}: an S3-compatible endpoint (s3proxy locally); unset on AWS</li>
 *   <li>{@value #S3_PATH_STYLE}: path-style bucket addressing; default {@code true} when an endpoint is set, else
 *       {@code false}</li>
 *   <li>{@value #S3_ACCESS_KEY_ID}, {@value #S3_SECRET_ACCESS_KEY}: static credentials (local only; on AWS the
 *       default credential chain, i.e. the function's role, is used)</li>
 *   <li>{@value #REGION}: the AWS region of the clients; default: the SDK's region chain (required for
 *       {@code glue-rest}, whose requests are signed for it)</li>
 *   <li>{@value #NAMESPACE_PREFIX}: put before each layer's namespace; default none ({@code bronze},
 *       {@code silver}); on AWS {@code fluxo_<env>_}, the Glue databases the Lakehouse component creates</li>
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
    public static final String GLUE_CATALOG_ID = "fluxo.catalog.glue.catalog-id";
    public static final String GLUE_ENDPOINT = "fluxo.catalog.glue.endpoint";
    public static final String NAMESPACE_PREFIX = "fluxo.catalog.namespace-prefix";
    /** Every key above: what a configuration source (e.g. a Lambda's environment) may set. */
    public static final List<String> KEYS = List.of(TYPE, NAME, WAREHOUSE, JDBC_URI, JDBC_USER, JDBC_PASSWORD,
            S3_ENDPOINT, S3_PATH_STYLE, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, REGION, GLUE_CATALOG_ID, GLUE_ENDPOINT,
            NAMESPACE_PREFIX);
    /** Prefix of properties handed to Iceberg unchanged (minus the prefix). */
    public static final String ICEBERG_PREFIX = "iceberg.";

    /** Default catalog type: {@link Type#GLUE_REST}, the AWS target. */
    public static final Type DEFAULT_TYPE = Type.GLUE_REST;
    /** The SigV4 signing name of the Glue Iceberg REST endpoint. */
    public static final String GLUE_SIGNING_NAME = "glue";
    /** Default catalog name. */
    public static final String DEFAULT_NAME = "fluxo";

    /** The catalogs the pipeline can write through. */
    public enum Type {
        /**
         * AWS Glue Data Catalog through its Iceberg REST endpoint ({@code org.apache.iceberg.rest.RESTCatalog}, requests
         * signed with SigV4 for service {@value CatalogSettings#GLUE_SIGNING_NAME} by iceberg-aws): the same databases and tables as
         * {@link #GLUE}, without the Glue SDK client (8 MB of a Lambda jar). Needs {@code glue:GetCatalog} besides the
         * table permissions.
         */
        GLUE_REST("org.apache.iceberg.rest.RESTCatalog"),
        /** AWS Glue Data Catalog through the Glue SDK client ({@code org.apache.iceberg.aws.glue.GlueCatalog}). */
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

        /** The value of {@value #TYPE} that selects this type: {@code glue-rest}, {@code glue}, {@code jdbc}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
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
            problems.add(TYPE + " must be glue-rest, glue or jdbc, got '" + type + "'");
        }
        if (type() != Type.GLUE_REST && blank(properties.get(WAREHOUSE))) {
            problems.add(WAREHOUSE + " is required (e.g. s3://bucket/warehouse)");
        }
        if (type() == Type.GLUE_REST && blank(properties.get(GLUE_CATALOG_ID))) {
            problems.add(GLUE_CATALOG_ID + " is required for a glue-rest catalog (the AWS account id)");
        }
        if (type() == Type.GLUE_REST && blank(properties.get(REGION))) {
            problems.add(REGION + " is required for a glue-rest catalog (its requests are signed for the region)");
        }
        if (type() == Type.JDBC && blank(properties.get(JDBC_URI))) {
            problems.add(JDBC_URI + " is required for a jdbc catalog");
        }
        if (blank(properties.get(S3_ACCESS_KEY_ID)) != blank(properties.get(S3_SECRET_ACCESS_KEY))) {
            problems.add(S3_ACCESS_KEY_ID + " and " + S3_SECRET_ACCESS_KEY + " go together");
        }
        if (!namespacePrefix().matches("[a-z0-9_]*")) {
            problems.add(NAMESPACE_PREFIX + " must be lower-case letters, digits and _ (a Glue database name prefix), "
                    + "got '" + namespacePrefix() + "'");
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

    /** What precedes each layer's namespace ({@code fluxo_dev_} + {@code silver}); empty for none. */
    public String namespacePrefix() {
        return properties.getOrDefault(NAMESPACE_PREFIX, "");
    }

    /** The Glue Iceberg REST endpoint: {@value #GLUE_ENDPOINT}, else the region's public one. */
    public String glueEndpoint() {
        String endpoint = properties.get(GLUE_ENDPOINT);
        return blank(endpoint) ? "https://glue." + properties.get(REGION) + ".amazonaws.com/iceberg" : endpoint;
    }

    /** The properties Iceberg's {@code CatalogUtil} builds the catalog from. Always S3FileIO, the real S3 API. */
    public Map<String, String> icebergProperties() {
        Map<String, String> iceberg = new LinkedHashMap<>();
        iceberg.put("catalog-impl", type().implementation());
        if (type() == Type.GLUE_REST) {
            // What AWS documents for Iceberg clients of Glue: the catalog id as the warehouse, SigV4 for "glue".
            iceberg.put("uri", glueEndpoint());
            iceberg.put("warehouse", properties.get(GLUE_CATALOG_ID));
            iceberg.put("rest.auth.type", "sigv4");
            iceberg.put("rest.auth.sigv4.delegate-auth-type", "none");
            iceberg.put("rest.signing-name", GLUE_SIGNING_NAME);
            iceberg.put("rest.signing-region", properties.get(REGION));
        } else {
            iceberg.put("warehouse", properties.get(WAREHOUSE));
        }
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
            if (t.id().equals(value.trim().toLowerCase(Locale.ROOT))) {
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
