package dev.fluxo.cli.cost;

import java.util.Map;

/** CloudWatch alarms, dashboards and log groups, and the SQS queues and SNS topics that carry failures and alarms. */
final class ObservabilityPrices {
    static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    static final String DASHBOARD = "aws:cloudwatch/dashboard:Dashboard";
    static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    static final String QUEUE = "aws:sqs/queue:Queue";
    static final String TOPIC = "aws:sns/topic:Topic";

    private ObservabilityPrices() {
    }

    static void register(Map<String, Pricer> pricers) {
        pricers.put(ALARM, (r, c) -> new Pricing().idle(c.charge("alarm", 1, "alarm-month", "cloudwatch.alarmMonth")));
        pricers.put(DASHBOARD, (r, c) -> new Pricing().idle(c.charge("dashboard", 1, "dashboard-month",
                "cloudwatch.dashboardMonth")));
        pricers.put(LOG_GROUP, (r, c) -> new Pricing()
                .atLoad(c.charge("log ingestion", c.load().logGbPerLogGroup(), "GB", "logs.ingest.gb"))
                .note("idle: next to no log data"));
        pricers.put(QUEUE, (r, c) -> new Pricing()
                .atLoad(c.charge("requests (dead letters only; none assumed)", 0, "M", "sqs.requestsMillion")));
        pricers.put(TOPIC, (r, c) -> new Pricing()
                .atLoad(c.charge("publishes (alarms only; none assumed)", 0, "M", "sns.requestsMillion")));
    }
}
