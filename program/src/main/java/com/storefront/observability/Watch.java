package com.storefront.observability;

import com.storefront.config.AlertSettings;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A paging alarm a component asks for on its own metrics (OBS-2). {@link Monitoring} creates every one the
 * same way: ALARM and OK to the stack's topic, the evaluation periods of the alerts settings, and the
 * threshold and text this watch reads from them.
 *
 * @param what             the alarm's name part: logical {@code alarm-<what>}, physical
 *                         {@code storefront-alarm-<what>-<suffix>}
 * @param description      what the alarm means, from the alerts settings (its threshold)
 * @param metrics          one metric, or up to {@link #MAX_METRICS} whose highest is watched (metric math)
 * @param comparison       a CloudWatch comparison operator ({@link #ABOVE}, {@link #AT_OR_ABOVE})
 * @param threshold        the setting the alarm fires at
 * @param treatMissingData what silence means for this metric ({@link #QUIET_IS_OK}, {@link #KEEP_STATE})
 */
public record Watch(
        String what,
        Function<AlertSettings, String> description,
        List<MetricRef> metrics,
        String comparison,
        ToDoubleFunction<AlertSettings> threshold,
        String treatMissingData) {

    public static final String ABOVE = "GreaterThanThreshold";
    public static final String AT_OR_ABOVE = "GreaterThanOrEqualToThreshold";
    /** Quiet means healthy: no requests, no tasks reporting, or a paused database. */
    public static final String QUIET_IS_OK = "notBreaching";
    /** Keep the last state: for metrics reported every minute a gap is a pipeline hiccup, not news. */
    public static final String KEEP_STATE = "missing";
    /** CloudWatch allows at most this many metrics in one alarm's metric math. */
    public static final int MAX_METRICS = 10;

    public Watch {
        metrics = List.copyOf(metrics);
        if (metrics.isEmpty() || metrics.size() > MAX_METRICS) {
            throw new IllegalArgumentException(what + ": an alarm watches 1 to " + MAX_METRICS + " metrics");
        }
    }

    /** An alarm on one metric. */
    public static Watch on(
            String what,
            Function<AlertSettings, String> description,
            MetricRef metric,
            String comparison,
            ToDoubleFunction<AlertSettings> threshold,
            String treatMissingData) {
        return new Watch(what, description, List.of(metric), comparison, threshold, treatMissingData);
    }

    /** Splits {@code items} into groups one alarm can watch (e.g. the nodes of a large cache cluster). */
    public static <T> List<List<T>> inGroups(List<T> items) {
        List<List<T>> groups = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i += MAX_METRICS) {
            groups.add(items.subList(i, Math.min(items.size(), i + MAX_METRICS)));
        }
        return groups;
    }
}
