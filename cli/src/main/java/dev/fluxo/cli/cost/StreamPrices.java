package dev.fluxo.cli.cost;

import java.util.Map;

/** Kinesis Data Streams, MSK provisioned and serverless, and MSK Connect. */
final class StreamPrices {
    static final String KINESIS = "aws:kinesis/stream:Stream";
    static final String MSK = "aws:msk/cluster:Cluster";
    static final String MSK_SERVERLESS = "aws:msk/serverlessCluster:ServerlessCluster";
    static final String MSK_CONNECTOR = "aws:mskconnect/connector:Connector";
    /** Hours of retention included in the shard-hour price. */
    static final int INCLUDED_RETENTION_HOURS = 24;
    /** A Kinesis PUT payload unit. */
    static final double PUT_UNIT_KB = 25;

    private StreamPrices() {
    }

    static void register(Map<String, Pricer> pricers) {
        pricers.put(KINESIS, StreamPrices::kinesis);
        pricers.put(MSK, StreamPrices::msk);
        pricers.put(MSK_SERVERLESS, StreamPrices::mskServerless);
        pricers.put(MSK_CONNECTOR, StreamPrices::connector);
    }

    private static Pricing kinesis(PricedResource r, PricingContext c) {
        var load = c.load();
        if (r.string("streamModeDetails.streamMode").orElse("PROVISIONED").equals("ON_DEMAND")) {
            return new Pricing()
                    .idle(c.charge("on-demand stream", c.hours(), "h", "kinesis.onDemand.streamHour"))
                    .atLoad(c.charge("data in", load.streamGbPerMonth(), "GB", "kinesis.onDemand.gbIn"))
                    .atLoad(c.charge("data out (one consumer)", load.streamGbPerMonth(), "GB", "kinesis.onDemand.gbOut"));
        }
        var shards = r.number("shardCount", 1);
        var pricing = new Pricing().idle(c.charge(Money.quantity(shards) + " shard", shards * c.hours(), "shard-h",
                "kinesis.shardHour"));
        if (r.number("retentionPeriod", INCLUDED_RETENTION_HOURS) > INCLUDED_RETENTION_HOURS) {
            pricing.idle(c.charge("extended retention", shards * c.hours(), "shard-h", "kinesis.extendedRetention.shardHour"));
        }
        var units = load.changesPerMonth() * Math.ceil(load.changeKb() / PUT_UNIT_KB) / 1_000_000;
        return pricing.atLoad(c.charge("PUT payload units", units, "M", "kinesis.putUnitsMillion"));
    }

    private static Pricing msk(PricedResource r, PricingContext c) {
        var brokers = r.number("numberOfBrokerNodes", 2);
        var type = r.string("brokerNodeGroupInfo.instanceType").orElse("(no instanceType)");
        var volume = r.number("brokerNodeGroupInfo.storageInfo.ebsStorageInfo.volumeSize", 100);
        var pricing = new Pricing()
                .idle(c.charge(Money.quantity(brokers) + " × " + type, brokers * c.hours(), "broker-h", "msk.broker.hour." + type))
                .idle(c.charge("broker storage " + Money.quantity(brokers) + " × " + Money.quantity(volume) + " GB",
                        brokers * volume, "GB-month", "msk.storage.gbMonth"));
        r.string("enhancedMonitoring").filter(level -> !level.equals("DEFAULT"))
                .ifPresent(level -> pricing.note("enhanced monitoring " + level + " adds CloudWatch metric charges (not included)"));
        return pricing;
    }

    private static Pricing mskServerless(PricedResource r, PricingContext c) {
        var partitions = c.assumption("mskServerlessPartitions");
        var gb = c.load().streamGbPerMonth();
        var retainedGb = c.load().changesPerDay() * c.load().changeKb() / 1_000_000 * c.assumption("mskServerlessRetentionDays");
        return new Pricing()
                .idle(c.charge("serverless cluster", c.hours(), "h", "mskServerless.clusterHour"))
                .idle(c.charge(Money.quantity(partitions) + " partitions (assumed)", partitions * c.hours(), "partition-h",
                        "mskServerless.partitionHour"))
                .atLoad(c.charge("data in", gb, "GB", "mskServerless.gbIn"))
                .atLoad(c.charge("data out (one consumer)", gb, "GB", "mskServerless.gbOut"))
                .atLoad(c.charge("storage", retainedGb, "GB-month", "mskServerless.storage.gbMonth"));
    }

    private static Pricing connector(PricedResource r, PricingContext c) {
        double mcu;
        double workers;
        String how;
        if (r.input("capacity.autoscaling").isPresent()) {
            mcu = r.number("capacity.autoscaling.mcuCount", 1);
            workers = r.number("capacity.autoscaling.minWorkerCount", 1);
            how = "autoscaling, minimum " + Money.quantity(workers) + " worker(s) of " + Money.quantity(mcu) + " MCU";
        } else {
            mcu = r.number("capacity.provisionedCapacity.mcuCount", 1);
            workers = r.number("capacity.provisionedCapacity.workerCount", 1);
            how = Money.quantity(workers) + " worker(s) of " + Money.quantity(mcu) + " MCU";
        }
        return new Pricing().idle(c.charge(how, mcu * workers * c.hours(), "MCU-h", "mskConnect.mcuHour"));
    }
}
