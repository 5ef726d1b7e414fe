package dev.fluxo.cli.cost;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** S3 buckets, KMS keys, Secrets Manager secrets and the Athena workgroup. */
final class StoragePrices {
    static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    static final String LEGACY_BUCKET = "aws:s3/bucket:Bucket";
    static final String KMS_KEY = "aws:kms/key:Key";
    static final String SECRET = "aws:secretsmanager/secret:Secret";
    static final String ATHENA_WORKGROUP = "aws:athena/workgroup:Workgroup";
    /** The lakehouse layers, found in bucket names; the load's data is spread evenly over them. */
    static final List<String> LAYERS = List.of("bronze", "silver", "gold");
    /** Athena bills at least this much per query. */
    static final double ATHENA_MINIMUM_MB = 10;
    private static final java.util.regex.Pattern LAYER_LOGICAL_NAME =
            java.util.regex.Pattern.compile("(.*-)?(" + String.join("|", LAYERS) + ")");
    private static final java.util.regex.Pattern LAYER_PHYSICAL_NAME =
            java.util.regex.Pattern.compile(".*-(" + String.join("|", LAYERS) + ")-[0-9a-f]*");

    private StoragePrices() {
    }

    static void register(Map<String, Pricer> pricers) {
        pricers.put(BUCKET, StoragePrices::bucket);
        pricers.put(LEGACY_BUCKET, StoragePrices::bucket);
        pricers.put(KMS_KEY, StoragePrices::key);
        pricers.put(SECRET, (r, c) -> new Pricing().idle(c.charge("secret", 1, "secret-month", "secretsManager.secretMonth")));
        pricers.put(ATHENA_WORKGROUP, StoragePrices::athena);
    }

    /** A bucket of a lakehouse layer: logical name {@code …-gold}, or physical name {@code …-gold-<suffix>}. */
    static boolean isLayerBucket(PricedResource r) {
        if (!r.type().equals(BUCKET) && !r.type().equals(LEGACY_BUCKET)) {
            return false;
        }
        var physical = r.string("bucket").or(() -> r.string("bucketPrefix")).orElse("").toLowerCase(Locale.ROOT);
        return LAYER_LOGICAL_NAME.matcher(r.name()).matches() || LAYER_PHYSICAL_NAME.matcher(physical).matches();
    }

    private static Pricing bucket(PricedResource r, PricingContext c) {
        if (!isLayerBucket(r)) {
            return new Pricing().note("no data assumed in this bucket");
        }
        var layers = c.resources().stream().filter(StoragePrices::isLayerBucket).count();
        var load = c.load();
        return new Pricing()
                .atLoad(c.charge("Standard storage", load.lakehouseGbPerMonth() / layers, "GB-month", "s3.standard.gbMonth"))
                .atLoad(c.charge("PUT requests", load.s3PutsPerMonth() / layers / 1000, "k", "s3.put.thousand"))
                .atLoad(c.charge("GET requests", load.s3GetsPerMonth() / layers / 1000, "k", "s3.get.thousand"))
                .note("idle: empty; at load: 1/" + layers + " of the lakehouse data and requests");
    }

    private static Pricing key(PricedResource r, PricingContext c) {
        var keys = c.ofType(KMS_KEY).size();
        return new Pricing()
                .idle(c.charge("customer-managed key", 1, "key-month", "kms.keyMonth"))
                .atLoad(c.charge("requests (1/" + keys + " of the load's)", c.load().kmsRequestsPerMonth() / keys / 10_000,
                        "×10k", "kms.requests.tenThousand"));
    }

    private static Pricing athena(PricedResource r, PricingContext c) {
        var load = c.load();
        var mbPerQuery = Math.max(ATHENA_MINIMUM_MB, load.athenaMbPerQuery());
        var tb = load.athenaQueriesPerDay() * LoadProfile.DAYS_PER_MONTH * mbPerQuery / 1_000_000;
        return new Pricing().atLoad(c.charge(String.format(Locale.ROOT, "%s queries/day × %s MB scanned",
                Money.quantity(load.athenaQueriesPerDay()), Money.quantity(mbPerQuery)), tb, "TB", "athena.tbScanned"));
    }
}
