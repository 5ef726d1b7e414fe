package dev.fluxo.components.observability;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The CloudWatch dashboard of the whole path, in the order a change travels: replication-slot lag on the source →
 * the capture (MSK Connect running tasks, or DMS source/target latency) → the stream (Kinesis iterator age, or the
 * transform's MSK offset lag) → the functions' errors → the job's failed runs → gold freshness, the custom metric
 * {@value #FRESHNESS_NAMESPACE}/{@value #FRESHNESS_METRIC} (dimension {@code Environment}) the job publishes.
 */
public final class PipelineDashboard {
    public static final String FRESHNESS_NAMESPACE = "Fluxo";
    public static final String FRESHNESS_METRIC = "GoldFreshnessSeconds";
    /** Widgets per row (each 12 of the 24 grid units wide). */
    private static final int WIDTH = 12;
    private static final int HEIGHT = 6;

    private PipelineDashboard() {
    }

    /**
     * What the dashboard watches.
     *
     * @param captureName the MSK Connect connector name, or the DMS task identifier
     * @param dmsInstance the DMS replication instance identifier (DMS instance mode), else null
     * @param streamName  the Kinesis stream name (kinesis), else null
     */
    public record Sources(String environment, String databaseInstance, boolean msk, String captureName,
                          String dmsInstance, String streamName, String producerFunction, String transformFunction,
                          String stateMachineArn) {
    }

    /** The dashboard body JSON. */
    public static String body(String region, Sources s) {
        var widgets = new ArrayList<JsonObject>();
        widgets.add(widget(region, "1. Source: replication slot lag (bytes)", "Maximum",
                List.of(metric("AWS/RDS", "OldestReplicationSlotLag", "DBInstanceIdentifier", s.databaseInstance()))));
        if (s.msk()) {
            widgets.add(widget(region, "2. Capture: Debezium running tasks", "Minimum",
                    List.of(metric("AWS/KafkaConnect", "RunningTaskCount", "ConnectorName", s.captureName()))));
            widgets.add(widget(region, "3. Stream: transform consumer lag (records)", "Maximum",
                    List.of(metric("AWS/Lambda", "OffsetLag", "FunctionName", s.transformFunction()))));
        } else {
            var dms = new ArrayList<JsonArray>();
            for (var latency : List.of("CDCLatencySource", "CDCLatencyTarget")) {
                var line = new JsonArray();
                line.add("AWS/DMS");
                line.add(latency);
                if (s.dmsInstance() != null) {
                    line.add("ReplicationInstanceIdentifier");
                    line.add(s.dmsInstance());
                }
                line.add("ReplicationTaskIdentifier");
                line.add(s.captureName());
                dms.add(line);
            }
            widgets.add(widget(region, "2. Capture: DMS latency (s)", "Maximum", dms));
            widgets.add(widget(region, "3. Stream: iterator age (ms)", "Maximum", List.of(
                    metric("AWS/Kinesis", "GetRecords.IteratorAgeMilliseconds", "StreamName", s.streamName()),
                    metric("AWS/Lambda", "IteratorAge", "FunctionName", s.transformFunction()))));
        }
        widgets.add(widget(region, "4. Functions: errors", "Sum", List.of(
                metric("AWS/Lambda", "Errors", "FunctionName", s.transformFunction()),
                metric("AWS/Lambda", "Errors", "FunctionName", s.producerFunction()))));
        widgets.add(widget(region, "5. Job: failed supervisor executions", "Sum",
                List.of(metric("AWS/States", "ExecutionsFailed", "StateMachineArn", s.stateMachineArn()))));
        widgets.add(widget(region, "6. Gold freshness (s)", "Maximum",
                List.of(metric(FRESHNESS_NAMESPACE, FRESHNESS_METRIC, "Environment", s.environment()))));
        var array = new JsonArray();
        for (int i = 0; i < widgets.size(); i++) {
            var widget = widgets.get(i);
            widget.addProperty("x", (i % 2) * WIDTH);
            widget.addProperty("y", (i / 2) * HEIGHT);
            array.add(widget);
        }
        var body = new JsonObject();
        body.add("widgets", array);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(body);
    }

    /** The console URL of a dashboard. */
    public static String url(String region, String dashboardName) {
        return "https://" + region + ".console.aws.amazon.com/cloudwatch/home?region=" + region
                + "#dashboards:name=" + dashboardName;
    }

    private static JsonArray metric(String namespace, String name, String dimension, String value) {
        var line = new JsonArray();
        line.add(namespace);
        line.add(name);
        line.add(dimension);
        line.add(value);
        return line;
    }

    private static JsonObject widget(String region, String title, String stat, List<JsonArray> metrics) {
        var properties = new JsonObject();
        var lines = new JsonArray();
        metrics.forEach(lines::add);
        properties.add("metrics", lines);
        properties.addProperty("title", title);
        properties.addProperty("region", region);
        properties.addProperty("stat", stat);
        properties.addProperty("period", Alarm.DEFAULT_PERIOD_SECONDS);
        properties.addProperty("view", "timeSeries");
        var widget = new JsonObject();
        widget.addProperty("type", "metric");
        widget.addProperty("width", WIDTH);
        widget.addProperty("height", HEIGHT);
        widget.add("properties", properties);
        return widget;
    }
}
