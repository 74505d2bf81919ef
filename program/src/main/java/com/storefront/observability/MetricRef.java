package com.storefront.observability;

import com.pulumi.core.Output;

import java.util.Map;

/**
 * One CloudWatch metric with its dimensions, as alarms and dashboard widgets both use it. The
 * dimension values come from other components' typed outputs, never from pasted strings.
 *
 * @param stat a statistic ({@code Sum}, {@code Average}, {@code Maximum}) or a percentile ({@code p95})
 */
public record MetricRef(
        String namespace, String name, Output<Map<String, String>> dimensions, String stat, String region) {

    public boolean percentile() {
        return stat.startsWith("p");
    }
}
