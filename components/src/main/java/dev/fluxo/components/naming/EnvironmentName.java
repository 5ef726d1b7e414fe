package dev.fluxo.components.naming;

import java.util.regex.Pattern;

/**
 * An environment name such as {@code dev} or {@code prod}. It becomes part of bucket prefixes, Glue database
 * names and RDS identifiers, which is why it is short, lower case and starts with a letter.
 */
public final class EnvironmentName {
    /** S3 bucket prefixes are limited to 37 characters; 10 keeps {@code fluxo-<env>-athena-results-} within it. */
    public static final int MAX_LENGTH = 10;
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9-]*");

    private EnvironmentName() {
    }

    /** Returns {@code environment} when valid, else throws with the rule it breaks. */
    public static String require(String component, String environment) {
        if (environment == null || environment.isBlank()) {
            throw new IllegalArgumentException(component + ": environment is required (e.g. dev, staging, prod)");
        }
        if (!VALID.matcher(environment).matches() || environment.length() > MAX_LENGTH || environment.endsWith("-")) {
            throw new IllegalArgumentException(component + ": environment '" + environment
                    + "' must be 1-" + MAX_LENGTH + " characters of a-z, 0-9 and '-', starting with a letter");
        }
        return environment;
    }

    /** The environment as an identifier for catalogs (Glue, Athena): {@code my-env} → {@code my_env}. */
    public static String asIdentifier(String environment) {
        return environment.replace('-', '_');
    }
}
