package dev.fluxo.components.observability;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import dev.fluxo.components.naming.ResourceTags;

import java.util.List;
import java.util.Map;

/**
 * One CloudWatch alarm on a metric, notifying a topic when it fires and when it recovers.
 *
 * @param namespace        e.g. {@code AWS/Lambda}
 * @param metricName       e.g. {@code Errors}
 * @param statistic        how datapoints are aggregated per period
 * @param comparison       the CloudWatch comparison operator
 * @param threshold        the value compared with
 * @param periodSeconds    the aggregation period
 * @param evaluationPeriods consecutive breaching periods before the alarm fires
 * @param description      what firing means and what to do
 * @param treatMissingData {@code notBreaching} when silence is healthy (errors), {@code breaching} when silence
 *                         means the thing is gone (running tasks)
 */
public record Alarm(String namespace, String metricName, String statistic, String comparison, double threshold,
                   int periodSeconds, int evaluationPeriods, String description, String treatMissingData) {
    /** Alarm period used by the streaming components, seconds. */
    public static final int DEFAULT_PERIOD_SECONDS = 300;

    /** An alarm firing as soon as the metric's sum over one period exceeds {@code threshold}. */
    public static Alarm sumAbove(String namespace, String metricName, double threshold, String description) {
        return new Alarm(namespace, metricName, "Sum", "GreaterThanThreshold", threshold, DEFAULT_PERIOD_SECONDS, 1,
                description, "notBreaching");
    }

    /** An alarm firing when the metric's maximum stays above {@code threshold} for three periods. */
    public static Alarm maximumAbove(String namespace, String metricName, double threshold, String description) {
        return new Alarm(namespace, metricName, "Maximum", "GreaterThanThreshold", threshold, DEFAULT_PERIOD_SECONDS, 3,
                description, "notBreaching");
    }

    /** An alarm firing when the metric's minimum stays below {@code threshold} for three periods, or is missing. */
    public static Alarm minimumBelow(String namespace, String metricName, double threshold, String description) {
        return new Alarm(namespace, metricName, "Minimum", "LessThanThreshold", threshold, DEFAULT_PERIOD_SECONDS, 3,
                description, "breaching");
    }

    /**
     * Creates the alarm.
     *
     * @param alarmName the CloudWatch alarm name (also the Pulumi name)
     */
    public MetricAlarm create(String alarmName, Output<Map<String, String>> dimensions, Output<String> topicArn,
                              Map<String, String> tags, Resource parent) {
        return new MetricAlarm(alarmName, MetricAlarmArgs.builder()
                .name(alarmName)
                .alarmDescription(description)
                .namespace(namespace)
                .metricName(metricName)
                .dimensions(dimensions)
                .statistic(statistic)
                .comparisonOperator(comparison)
                .threshold(threshold)
                .period(periodSeconds)
                .evaluationPeriods(evaluationPeriods)
                .treatMissingData(treatMissingData)
                .alarmActions(topicArn.applyValue(List::of))
                .okActions(topicArn.applyValue(List::of))
                .tags(ResourceTags.named(tags, alarmName))
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }
}
