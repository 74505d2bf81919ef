package com.storefront.observability;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.core.ChildNames;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One alarm on one metric, however it is used: the alarms that page (ALARM and OK to the topic), the
 * deployment rollback alarm, the step-scaling triggers (ALARM to a scaling policy) and the DR alarms are
 * all declared as a spec and created by {@link #create}, the one place an alarm's inputs are written.
 *
 * @param logicalName       the resource's name in the stack
 * @param name              the physical alarm name (from {@code Naming})
 * @param namespace         e.g. {@code AWS/ApplicationELB}
 * @param metric            e.g. {@code HTTPCode_Target_5XX_Count}
 * @param dimensions        from other components' typed outputs
 * @param stat              {@code Sum}, {@code Average}, … or a percentile such as {@code p95}
 * @param periodSeconds     the evaluation period
 * @param evaluationPeriods periods looked at
 * @param datapointsToAlarm of those, how many must breach (empty: all of them)
 * @param comparison        a CloudWatch comparison operator
 * @param treatMissingData  what silence means for this metric, chosen per alarm
 * @param action            where ALARM goes: the alarm topic or a scaling policy
 * @param notifyOk          whether OK goes there too (paging alarms: yes; scaling triggers: no)
 */
public record AlarmSpec(
        String logicalName,
        String name,
        String description,
        String namespace,
        String metric,
        Output<Map<String, String>> dimensions,
        String stat,
        int periodSeconds,
        int evaluationPeriods,
        Optional<Integer> datapointsToAlarm,
        String comparison,
        double threshold,
        String treatMissingData,
        Output<String> action,
        boolean notifyOk) {

    /** A paging alarm on a metric the dashboard also shows: ALARM and OK to the topic. */
    public static AlarmSpec paging(
            String logicalName,
            String name,
            String description,
            MetricRef metric,
            int periodSeconds,
            int evaluationPeriods,
            String comparison,
            double threshold,
            String treatMissingData,
            Output<String> topicArn) {
        return new AlarmSpec(
                logicalName,
                name,
                description,
                metric.namespace(),
                metric.name(),
                metric.dimensions(),
                metric.stat(),
                periodSeconds,
                evaluationPeriods,
                Optional.empty(),
                comparison,
                threshold,
                treatMissingData,
                topicArn,
                true);
    }

    public MetricAlarm create(CustomResourceOptions options) {
        MetricAlarmArgs.Builder alarm = MetricAlarmArgs.builder()
                .name(name)
                .alarmDescription(description)
                .namespace(namespace)
                .metricName(metric)
                .dimensions(dimensions)
                .period(periodSeconds)
                .evaluationPeriods(evaluationPeriods)
                .threshold(threshold)
                .comparisonOperator(comparison)
                .treatMissingData(treatMissingData)
                .alarmActions(action.applyValue(List::of));
        if (stat.startsWith("p")) {
            alarm.extendedStatistic(stat);
        } else {
            alarm.statistic(stat);
        }
        datapointsToAlarm.ifPresent(alarm::datapointsToAlarm);
        if (notifyOk) {
            alarm.okActions(action.applyValue(List::of));
        }
        return new MetricAlarm(ChildNames.of(options, logicalName), alarm.build(), options);
    }
}
