package dev.fluxo.cli.cost;

import com.google.gson.JsonObject;

/**
 * The traffic the "at load" scenario assumes (stated in every estimate), read from the price table.
 *
 * @param description         the load in words, printed with the estimate
 * @param changesPerDay       source-database changes a day, each one stream record
 * @param changeKb            size of one change record
 * @param lakehouseGbPerMonth data written into bronze, silver and gold together
 * @param athenaQueriesPerDay Athena queries a day
 * @param athenaMbPerQuery    data one query scans
 * @param lambdaDurationMs    average duration of one function invocation
 * @param s3PutsPerMonth      lakehouse PUT requests
 * @param s3GetsPerMonth      lakehouse GET requests
 * @param kmsRequestsPerMonth KMS requests over all keys
 * @param logGbPerLogGroup    log data ingested per log group
 * @param natGbPerMonth       data through each NAT gateway
 * @param endpointGbPerMonth  data through each interface endpoint
 */
public record LoadProfile(String description, double changesPerDay, double changeKb, double lakehouseGbPerMonth,
                          double athenaQueriesPerDay, double athenaMbPerQuery, double lambdaDurationMs,
                          double s3PutsPerMonth, double s3GetsPerMonth, double kmsRequestsPerMonth,
                          double logGbPerLogGroup, double natGbPerMonth, double endpointGbPerMonth) {
    /** Days in a billing month (730 h / 24). */
    public static final double DAYS_PER_MONTH = 730.0 / 24;

    static LoadProfile from(JsonObject o) {
        return new LoadProfile(o.get("description").getAsString(), n(o, "changesPerDay"), n(o, "changeKb"),
                n(o, "lakehouseGbPerMonth"), n(o, "athenaQueriesPerDay"), n(o, "athenaMbPerQuery"),
                n(o, "lambdaDurationMs"), n(o, "s3PutsPerMonth"), n(o, "s3GetsPerMonth"), n(o, "kmsRequestsPerMonth"),
                n(o, "logGbPerLogGroup"), n(o, "natGbPerMonth"), n(o, "endpointGbPerMonth"));
    }

    private static double n(JsonObject o, String key) {
        if (!o.has(key)) {
            throw new IllegalStateException("price table: load." + key + " is missing");
        }
        return o.get(key).getAsDouble();
    }

    public double changesPerMonth() {
        return changesPerDay * DAYS_PER_MONTH;
    }

    /** Change data through the stream per month, in GB (decimal, as AWS bills). */
    public double streamGbPerMonth() {
        return changesPerMonth() * changeKb / 1_000_000;
    }
}
