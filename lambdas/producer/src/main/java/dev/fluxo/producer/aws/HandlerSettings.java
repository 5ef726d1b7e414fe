package dev.fluxo.producer.aws;

import dev.fluxo.producer.change.ChangeMix;
import dev.fluxo.producer.db.ConnectionSettings;
import dev.fluxo.producer.db.SchemaBootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The producer Lambda's configuration, read from its environment. Every problem is reported at once, so a
 * misconfigured function fails its init with one message that lists them all.
 *
 * @param host         {@value #HOST}: the database host (required)
 * @param port         {@value #PORT}: default {@value #DEFAULT_PORT}
 * @param database     {@value #NAME}: default {@value #DEFAULT_DATABASE}
 * @param secretArn    {@value #SECRET_ARN}: the Secrets Manager secret with {@code username} and {@code password}
 *                     (required; the RDS-managed secret has this shape)
 * @param sslMode      {@value #SSL_MODE}: default {@value ConnectionSettings#DEFAULT_SSL_MODE}
 * @param batchSize    {@value #BATCH_SIZE}: changes per invocation, default {@value #DEFAULT_BATCH_SIZE}
 * @param mix          {@value #MIX}: default {@value ChangeMix#DEFAULT_TEXT}
 * @param publication  {@value #PUBLICATION}: default {@value SchemaBootstrap#DEFAULT_PUBLICATION}
 * @param createSchema {@value #CREATE_SCHEMA}: create the table and publication if missing, default
 *                     {@value #DEFAULT_CREATE_SCHEMA}
 */
public record HandlerSettings(String host, int port, String database, String secretArn, String sslMode,
                              int batchSize, ChangeMix mix, String publication, boolean createSchema) {
    public static final String HOST = "FLUXO_DB_HOST";
    public static final String PORT = "FLUXO_DB_PORT";
    public static final String NAME = "FLUXO_DB_NAME";
    public static final String SECRET_ARN = "FLUXO_DB_SECRET_ARN";
    public static final String SSL_MODE = "FLUXO_DB_SSLMODE";
    public static final String BATCH_SIZE = "FLUXO_BATCH_SIZE";
    public static final String MIX = "FLUXO_CHANGE_MIX";
    public static final String PUBLICATION = "FLUXO_PUBLICATION";
    public static final String CREATE_SCHEMA = "FLUXO_CREATE_SCHEMA";

    public static final int DEFAULT_PORT = 5432;
    public static final String DEFAULT_DATABASE = "postgres";
    public static final int DEFAULT_BATCH_SIZE = 100;
    /** Upper bound on {@value #BATCH_SIZE}, to keep one invocation well inside Lambda's memory and time. */
    public static final int MAX_BATCH_SIZE = 100_000;
    public static final boolean DEFAULT_CREATE_SCHEMA = true;

    private static final List<String> SSL_MODES = List.of("disable", "allow", "prefer", "require", "verify-ca",
            "verify-full");

    /**
     * Reads the settings from {@code env}.
     *
     * @throws IllegalStateException naming every missing or invalid variable
     */
    public static HandlerSettings fromEnvironment(Map<String, String> env) {
        List<String> errors = new ArrayList<>();
        String host = required(env, HOST, errors);
        String secretArn = required(env, SECRET_ARN, errors);
        int port = integer(env, PORT, DEFAULT_PORT, 1, 65_535, errors);
        int batchSize = integer(env, BATCH_SIZE, DEFAULT_BATCH_SIZE, 1, MAX_BATCH_SIZE, errors);
        String sslMode = value(env, SSL_MODE, ConnectionSettings.DEFAULT_SSL_MODE);
        if (!SSL_MODES.contains(sslMode)) {
            errors.add(SSL_MODE + " must be one of " + SSL_MODES + ", was '" + sslMode + "'");
        }
        ChangeMix mix = ChangeMix.DEFAULT;
        try {
            mix = ChangeMix.parse(value(env, MIX, ChangeMix.DEFAULT_TEXT));
        } catch (IllegalArgumentException e) {
            errors.add(MIX + ": " + e.getMessage());
        }
        String publication = value(env, PUBLICATION, SchemaBootstrap.DEFAULT_PUBLICATION);
        try {
            new SchemaBootstrap(publication);
        } catch (IllegalArgumentException e) {
            errors.add(PUBLICATION + ": " + e.getMessage());
        }
        String create = value(env, CREATE_SCHEMA, String.valueOf(DEFAULT_CREATE_SCHEMA));
        if (!create.equals("true") && !create.equals("false")) {
            errors.add(CREATE_SCHEMA + " must be true or false, was '" + create + "'");
        }
        if (!errors.isEmpty()) {
            throw new IllegalStateException("invalid producer configuration: " + String.join("; ", errors));
        }
        return new HandlerSettings(host, port, value(env, NAME, DEFAULT_DATABASE), secretArn, sslMode, batchSize, mix,
                publication, Boolean.parseBoolean(create));
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static String required(Map<String, String> env, String name, List<String> errors) {
        String v = value(env, name, null);
        if (v == null) {
            errors.add(name + " is missing");
        }
        return v;
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max,
                               List<String> errors) {
        String v = value(env, name, String.valueOf(fallback));
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(name + " must be a whole number from " + min + " to " + max + ", was '" + v + "'");
        return fallback;
    }
}
