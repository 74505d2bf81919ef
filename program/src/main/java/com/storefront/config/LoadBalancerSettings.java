package com.storefront.config;

/** The ALB and its target groups (SVC-5, SVC-6, PERF-2), validated. */
public record LoadBalancerSettings(
        int healthCheckIntervalSeconds,
        int unhealthyThreshold,
        int deregistrationDelaySeconds,
        int idleTimeoutSeconds) {}
