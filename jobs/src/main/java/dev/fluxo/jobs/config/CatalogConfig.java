package dev.fluxo.jobs.config;

import dev.fluxo.jobs.table.LakeTables;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Iceberg catalog the job works in, as one Spark catalog named {@link #name()}.
 *
 * <p>Options: {@code --catalog-type glue|jdbc} (required); {@code --warehouse} (required, e.g. {@code s3://bucket/prefix}
 * or {@code file:/tmp/wh}); for {@code jdbc}: {@code --jdbc-url} (required), {@code --jdbc-user},
 * {@code --jdbc-password} (better given as {@code FLUXO_JDBC_PASSWORD}); {@code --catalog-name} (default
 * {@value #DEFAULT_NAME}); {@code --s3-endpoint} (default: AWS), {@code --s3-path-style} (default false, set it for
 * s3proxy); {@code --aws-region} (default: the SDK's region chain); {@code --namespace-prefix} (default none: the
 * namespaces are {@code bronze}/{@code silver}/{@code gold}; on AWS {@code fluxo_<env>_}, the Glue databases the
 * Lakehouse component creates). Every option also reads {@code FLUXO_<NAME>}.
 */
public record CatalogConfig(String name, CatalogType type, String warehouse, Optional<String> jdbcUrl,
                            Optional<String> jdbcUser, Optional<String> jdbcPassword, Optional<String> s3Endpoint,
                            boolean s3PathStyle, Optional<String> awsRegion, String namespacePrefix) {
    /** Default Spark catalog name. */
    public static final String DEFAULT_NAME = "lake";
    /**
     * Iceberg's FileIO that picks one per URI scheme, used whenever the warehouse is on S3 or an S3 endpoint is given:
     * {@code s3://} goes to S3FileIO with this catalog's S3 settings, {@code file:} to HadoopFileIO. The streaming
     * source writes its initial offset through the table's FileIO into the checkpoint, which is on S3 on EMR but a
     * directory locally; S3FileIO alone could not write it there.
     */
    public static final String RESOLVING_FILE_IO = "org.apache.iceberg.io.ResolvingFileIO";

    /** Reads the catalog options; problems are collected in {@code args}. Returns null if a required part is missing. */
    public static CatalogConfig read(Arguments args) {
        String name = args.optional("catalog-name").orElse(DEFAULT_NAME);
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            args.problem("--catalog-name must be an identifier, got '" + name + "'");
        }
        Optional<CatalogType> type = args.required("catalog-type", "glue or jdbc").flatMap(v -> {
            try {
                return Optional.of(CatalogType.valueOf(v.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                args.problem("--catalog-type must be glue or jdbc, got '" + v + "'");
                return Optional.empty();
            }
        });
        Optional<String> warehouse = args.required("warehouse", "table location root, e.g. s3://bucket/warehouse");
        Optional<String> jdbcUrl = args.optional("jdbc-url");
        Optional<String> jdbcUser = args.optional("jdbc-user");
        Optional<String> jdbcPassword = args.optional("jdbc-password");
        if (type.orElse(null) == CatalogType.JDBC && jdbcUrl.isEmpty()) {
            args.problem("--jdbc-url is required for --catalog-type jdbc");
        }
        if (jdbcUrl.isPresent() && !jdbcUrl.get().startsWith("jdbc:")) {
            args.problem("--jdbc-url must start with jdbc:, got '" + jdbcUrl.get() + "'");
        }
        Optional<String> endpoint = args.optional("s3-endpoint");
        if (endpoint.isPresent() && !endpoint.get().matches("https?://.+")) {
            args.problem("--s3-endpoint must be an http(s) URL, got '" + endpoint.get() + "'");
        }
        boolean pathStyle = args.bool("s3-path-style", false);
        Optional<String> region = args.optional("aws-region");
        String prefix = args.optional("namespace-prefix").orElse(LakeTables.NO_PREFIX);
        if (!prefix.matches("[a-z0-9_]*")) {
            args.problem("--namespace-prefix must be lower-case letters, digits and _ (a Glue database name prefix), "
                    + "got '" + prefix + "'");
        }
        if (type.isEmpty() || warehouse.isEmpty()) {
            return null;
        }
        return new CatalogConfig(name, type.get(), warehouse.get(), jdbcUrl, jdbcUser, jdbcPassword, endpoint,
                pathStyle, region, prefix);
    }

    /** The lakehouse tables' names in this catalog. */
    public LakeTables tables() {
        return new LakeTables(name, namespacePrefix);
    }

    /** The Spark properties that register this catalog ({@code spark.sql.catalog.<name>...}). */
    public Map<String, String> sparkProperties() {
        String prefix = "spark.sql.catalog." + name;
        Map<String, String> p = new LinkedHashMap<>();
        p.put(prefix, "org.apache.iceberg.spark.SparkCatalog");
        p.put(prefix + ".catalog-impl", type.implementation());
        p.put(prefix + ".warehouse", warehouse);
        // Every query sees the newest commit, also those of other sessions (the pipeline, maintenance, readers).
        p.put(prefix + ".cache-enabled", "false");
        if (type == CatalogType.JDBC) {
            jdbcUrl.ifPresent(v -> p.put(prefix + ".uri", v));
            jdbcUser.ifPresent(v -> p.put(prefix + ".jdbc.user", v));
            jdbcPassword.ifPresent(v -> p.put(prefix + ".jdbc.password", v));
        }
        if (warehouse.startsWith("s3://") || warehouse.startsWith("s3a://") || s3Endpoint.isPresent()) {
            p.put(prefix + ".io-impl", RESOLVING_FILE_IO);
        }
        s3Endpoint.ifPresent(v -> p.put(prefix + ".s3.endpoint", v));
        if (s3PathStyle) {
            p.put(prefix + ".s3.path-style-access", "true");
        }
        awsRegion.ifPresent(v -> p.put(prefix + ".client.region", v));
        return p;
    }

    @Override
    public String toString() {
        return "CatalogConfig[name=" + name + ", type=" + type + ", warehouse=" + warehouse + ", jdbcUrl="
                + jdbcUrl.orElse("-") + ", s3Endpoint=" + s3Endpoint.orElse("-") + "]";
    }
}
