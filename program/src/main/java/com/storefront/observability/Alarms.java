package com.storefront.observability;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.core.ChildNames;

import java.util.ArrayList;
import java.util.List;

/** Builds the stack's alarms: every one sends ALARM and OK to the alarm topic. */
final class Alarms {

    static final int PERIOD_SECONDS = 60;

    private final Output<String> topicArn;
    private final int evaluationPeriods;
    private final CustomResourceOptions options;
    private final List<MetricAlarm> created = new ArrayList<>();

    Alarms(Output<String> topicArn, int evaluationPeriods, CustomResourceOptions options) {
        this.topicArn = topicArn;
        this.evaluationPeriods = evaluationPeriods;
        this.options = options;
    }

    /**
     * An alarm on one metric.
     *
     * @param treatMissingData chosen per alarm: what silence means for that metric
     */
    MetricAlarm single(
            String logicalName,
            String name,
            String description,
            MetricRef metric,
            String comparison,
            double threshold,
            String treatMissingData) {
        return remember(AlarmSpec.paging(
                        logicalName,
                        name,
                        description,
                        metric,
                        PERIOD_SECONDS,
                        evaluationPeriods,
                        comparison,
                        threshold,
                        treatMissingData,
                        topicArn)
                .create(options));
    }

    /**
     * An alarm on the highest of several metrics (e.g. every node of a cluster), via metric math; a
     * {@link Watch} holds at most as many as CloudWatch allows.
     */
    MetricAlarm maxOf(
            String logicalName,
            String name,
            String description,
            List<MetricRef> metrics,
            String comparison,
            double threshold,
            String treatMissingData) {
        List<Output<MetricAlarmMetricQueryArgs>> queries = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            MetricRef metric = metrics.get(i);
            String id = "m" + i;
            queries.add(metric.dimensions()
                    .applyValue(dimensions -> MetricAlarmMetricQueryArgs.builder()
                            .id(id)
                            .returnData(false)
                            .metric(MetricAlarmMetricQueryMetricArgs.builder()
                                    .namespace(metric.namespace())
                                    .metricName(metric.name())
                                    .dimensions(dimensions)
                                    .stat(metric.stat())
                                    .period(PERIOD_SECONDS)
                                    .build())
                            .build()));
        }
        queries.add(Output.of(MetricAlarmMetricQueryArgs.builder()
                .id("highest")
                .expression("MAX(METRICS())")
                .label("highest of " + metrics.size())
                .returnData(true)
                .build()));
        MetricAlarmArgs alarm = base(name, description, comparison, threshold, treatMissingData)
                .metricQueries(Output.all(queries))
                .build();
        return remember(new MetricAlarm(ChildNames.of(options, logicalName), alarm, options));
    }

    List<MetricAlarm> created() {
        return List.copyOf(created);
    }

    private MetricAlarmArgs.Builder base(
            String name, String description, String comparison, double threshold, String treatMissingData) {
        return MetricAlarmArgs.builder()
                .name(name)
                .alarmDescription(description)
                .comparisonOperator(comparison)
                .threshold(threshold)
                .evaluationPeriods(evaluationPeriods)
                .treatMissingData(treatMissingData)
                .alarmActions(topicArn.applyValue(List::of))
                .okActions(topicArn.applyValue(List::of));
    }

    private MetricAlarm remember(MetricAlarm alarm) {
        created.add(alarm);
        return alarm;
    }
}
