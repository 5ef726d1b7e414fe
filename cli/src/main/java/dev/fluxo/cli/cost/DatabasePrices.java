package dev.fluxo.cli.cost;

import java.util.Map;

/** The source database (RDS PostgreSQL) and DMS change capture. */
final class DatabasePrices {
    static final String RDS_INSTANCE = "aws:rds/instance:Instance";
    static final String DMS_INSTANCE = "aws:dms/replicationInstance:ReplicationInstance";
    static final String DMS_SERVERLESS = "aws:dms/replicationConfig:ReplicationConfig";
    /** Performance Insights retention that costs nothing. */
    static final int FREE_PERFORMANCE_INSIGHTS_DAYS = 7;

    private DatabasePrices() {
    }

    static void register(Map<String, Pricer> pricers) {
        pricers.put(RDS_INSTANCE, DatabasePrices::rds);
        pricers.put(DMS_INSTANCE, DatabasePrices::dmsInstance);
        pricers.put(DMS_SERVERLESS, DatabasePrices::dmsServerless);
    }

    private static Pricing rds(PricedResource r, PricingContext c) {
        var instanceClass = r.string("instanceClass").orElse("(no instanceClass)");
        var copies = r.flag("multiAz") ? 2 : 1;
        var az = copies == 2 ? " Multi-AZ ×2" : "";
        var storage = r.number("allocatedStorage", 20);
        var pricing = new Pricing()
                .idle(c.charge(instanceClass + az, copies * c.hours(), "h", "rds.postgres.hour." + instanceClass))
                .idle(c.charge("gp3 storage" + az, copies * storage, "GB-month", "rds.gp3.gbMonth"));
        if (r.input("manageMasterUserPassword").isPresent()) {
            pricing.idle(c.charge("RDS-managed master secret", 1, "secret-month", "secretsManager.secretMonth"));
        }
        var insightsDays = r.number("performanceInsightsRetentionPeriod", FREE_PERFORMANCE_INSIGHTS_DAYS);
        if (r.flag("performanceInsightsEnabled")) {
            pricing.note(insightsDays <= FREE_PERFORMANCE_INSIGHTS_DAYS ? "Performance Insights: 7-day free tier"
                    : "Performance Insights beyond 7 days is billed per vCPU-month and not included");
        }
        // Automated backups are free up to the provisioned storage; at load, count retained daily changes beyond it.
        var retainedGb = r.number("backupRetentionPeriod", 1) * c.load().changesPerDay() * c.load().changeKb() / 1_000_000;
        var beyondFree = Math.max(0, retainedGb - storage);
        pricing.atLoad(c.charge("backup storage beyond the free allowance", beyondFree, "GB-month", "rds.backup.gbMonth"));
        return pricing;
    }

    private static Pricing dmsInstance(PricedResource r, PricingContext c) {
        var instanceClass = r.string("replicationInstanceClass").orElse("(no class)");
        var copies = r.flag("multiAz") ? 2 : 1;
        var az = copies == 2 ? " Multi-AZ ×2" : "";
        // Each class family includes some storage in its hourly price (50 GB for t3, 100 GB for c5/r5).
        var family = instanceClass.substring(0, Math.max(instanceClass.lastIndexOf('.'), 0));
        var included = c.price("dms.includedStorageGb." + family).usd();
        var billed = Math.max(0, r.number("allocatedStorage", 50) - included);
        return new Pricing()
                .idle(c.charge(instanceClass + az, copies * c.hours(), "h", "dms.hour." + instanceClass))
                .idle(c.charge("gp2 storage beyond the " + Money.quantity(included) + " GB included" + az,
                        copies * billed, "GB-month", "dms.storage.gbMonth"));
    }

    private static Pricing dmsServerless(PricedResource r, PricingContext c) {
        var min = r.number("computeConfig.minCapacityUnits", 1);
        var copies = r.flag("computeConfig.multiAz") ? 2 : 1;
        return new Pricing()
                .idle(c.charge("DMS Serverless minimum " + Money.quantity(min) + " DCU" + (copies == 2 ? " Multi-AZ ×2" : ""),
                        copies * min * c.hours(), "DCU-h", "dms.serverless.dcuHour"))
                .note("replication runs continuously (CDC), so the minimum capacity is always billed; up to "
                        + Money.quantity(r.number("computeConfig.maxCapacityUnits", min)) + " DCU under load");
    }
}
