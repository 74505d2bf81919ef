package com.storefront.config;

import java.util.List;

/**
 * Alarm recipients and thresholds (OBS-2). Every alarm evaluates one-minute periods
 * {@code evaluationPeriods} times in a row unless stated otherwise.
 */
public record AlertSettings(
        List<String> emails,
        int evaluationPeriods,
        int ecsCpuPercent,
        int elb5xxPerMinute,
        double p95LatencySeconds,
        int unhealthyHosts,
        int dbConnections,
        int dbAcuPercent,
        int redisMemoryPercent,
        int redisCpuPercent,
        int api5xxPerMinute,
        int wafBlockedPerMinute) {

    public AlertSettings {
        emails = List.copyOf(emails);
    }
}
