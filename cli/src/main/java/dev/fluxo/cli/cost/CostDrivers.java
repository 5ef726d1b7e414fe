package dev.fluxo.cli.cost;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Turns priced lines into advice: which resources drive the idle cost and which stack settings change them. */
final class CostDrivers {
    private record Driver(double usd, String text) {
    }

    private CostDrivers() {
    }

    static List<String> of(List<CostLine> lines, PriceTable table, String region, String environment) {
        var drivers = new ArrayList<Driver>();
        var nat = sum(lines, type(NetworkPrices.NAT_GATEWAY).or(type(NetworkPrices.ELASTIC_IP)));
        if (nat > 0) {
            drivers.add(new Driver(nat, String.format(Locale.ROOT, "NAT gateway: %s/month before data (gateway + its public "
                    + "IPv4); set fluxo:network.natGateway=false and use the VPC endpoints (the S3 gateway endpoint is free)",
                    Money.usd(nat))));
        }
        var endpointLines = lines.stream().filter(type(NetworkPrices.VPC_ENDPOINT)).filter(l -> l.idleUsd() > 0).toList();
        if (!endpointLines.isEmpty()) {
            var perAz = table.price(region, "interfaceEndpoint.azHour").map(p -> p.usd() * table.hoursPerMonth()).orElse(0.0);
            var total = sum(endpointLines, l -> true);
            drivers.add(new Driver(total, String.format(Locale.ROOT, "interface endpoints: each ~%s/AZ/month; %d endpoint(s) "
                            + "here = %s; keep fluxo:network.interfaceEndpoints to the services used and "
                            + "fluxo:network.interfaceEndpointAzCount=1 outside prod", Money.usd(perAz), endpointLines.size(),
                    Money.usd(total))));
        }
        for (var line : lines) {
            switch (line.type()) {
                case DatabasePrices.RDS_INSTANCE -> drivers.add(new Driver(line.idleUsd(), String.format(Locale.ROOT,
                        "source database %s: %s/month (%s); fluxo:database.instanceClass, multiAz (doubles it) and "
                                + "allocatedStorageGb set it", line.name(), Money.usd(line.idleUsd()), line.idleBasis())));
                case StreamPrices.MSK_SERVERLESS -> drivers.add(new Driver(line.idleUsd(), String.format(Locale.ROOT,
                        "MSK Serverless alone is ~%s/month idle (cluster-hours + partition-hours); for small volumes "
                                + "fluxo:stream.kind=kinesis with one provisioned shard costs ~%s/month",
                        Money.usd(line.idleUsd()), Money.usd(table.price(region, "kinesis.shardHour")
                                .map(p -> p.usd() * table.hoursPerMonth()).orElse(0.0)))));
                case StreamPrices.MSK -> drivers.add(new Driver(line.idleUsd(), String.format(Locale.ROOT,
                        "MSK brokers: %s/month (%s); fluxo:stream.brokerInstanceType, brokersPerAz and brokerStorageGb set it",
                        Money.usd(line.idleUsd()), line.idleBasis())));
                case StreamPrices.KINESIS -> drivers.add(new Driver(line.idleUsd(), String.format(Locale.ROOT,
                        "Kinesis stream: %s/month idle (%s); fluxo:stream.kinesisMode and shardCount set it",
                        Money.usd(line.idleUsd()), line.idleBasis())));
                case StreamPrices.MSK_CONNECTOR -> drivers.add(new Driver(line.idleUsd(), String.format(Locale.ROOT,
                        "MSK Connect (Debezium): %s/month (%s)", Money.usd(line.idleUsd()), line.idleBasis())));
                case DatabasePrices.DMS_INSTANCE, DatabasePrices.DMS_SERVERLESS -> drivers.add(new Driver(line.idleUsd(),
                        String.format(Locale.ROOT, "DMS change capture: %s/month (%s); fluxo:changeCapture.dms* settings set it",
                                Money.usd(line.idleUsd()), line.idleBasis())));
                case ComputePrices.EMR_SERVERLESS -> drivers.add(new Driver(line.idleUsd(), String.format(Locale.ROOT,
                        "streaming job: %s/month (%s); fluxo:job.mode, scheduleMinutes and maximumVcpu/maximumMemoryGb set it",
                        Money.usd(line.idleUsd()), line.idleBasis())));
                default -> { }
            }
        }
        var keys = lines.stream().filter(type(StoragePrices.KMS_KEY)).count();
        if (keys > 0) {
            drivers.add(new Driver(sum(lines, type(StoragePrices.KMS_KEY)), String.format(Locale.ROOT,
                    "%d customer-managed KMS key(s): %s/month; fluxo:kmsKeys sets it (per-component: narrow grants, "
                            + "one key each; shared: one key for the stack, dev only)", keys,
                    Money.usd(sum(lines, type(StoragePrices.KMS_KEY))))));
        }
        var alarms = lines.stream().filter(type(ObservabilityPrices.ALARM)).count();
        if (alarms > 0) {
            drivers.add(new Driver(sum(lines, type(ObservabilityPrices.ALARM)), String.format(Locale.ROOT,
                    "%d CloudWatch alarms: %s/month", alarms, Money.usd(sum(lines, type(ObservabilityPrices.ALARM))))));
        }
        var out = new ArrayList<String>(drivers.stream().sorted(Comparator.comparingDouble(Driver::usd).reversed())
                .map(Driver::text).toList());
        if ("dev".equals(environment)) {
            var idle = lines.stream().mapToDouble(CostLine::idleUsd).sum();
            out.add(0, idle <= CostEstimator.DEV_IDLE_GOAL_USD
                    ? String.format(Locale.ROOT, "dev goal (≤ %s/month idle): met at %s", Money.usd(CostEstimator.DEV_IDLE_GOAL_USD),
                    Money.usd(idle))
                    : String.format(Locale.ROOT, "dev goal (≤ %s/month idle): ABOVE by %s; the largest items below say "
                            + "which settings bring it under", Money.usd(CostEstimator.DEV_IDLE_GOAL_USD),
                    Money.usd(idle - CostEstimator.DEV_IDLE_GOAL_USD)));
        }
        return out;
    }

    private static Predicate<CostLine> type(String type) {
        return l -> l.type().equals(type);
    }

    private static double sum(List<CostLine> lines, Predicate<CostLine> which) {
        return lines.stream().filter(which).mapToDouble(CostLine::idleUsd).sum();
    }
}
