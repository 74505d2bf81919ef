package com.storefront.config;

/**
 * Task autoscaling (SVC-8), validated.
 *
 * @param requestsPerTarget    ALB requests per task per minute to track; 0 turns that policy off
 * @param dbConnectionsPerTask Aurora connections per task to track; 0 turns that policy off
 * @param stepScaling          add the step policies (out at >= stepScaleOutPercent CPU, in at <= stepScaleInPercent)
 */
public record ScalingSettings(
        int minTasks,
        int maxTasks,
        int cpuTargetPercent,
        int requestsPerTarget,
        int dbConnectionsPerTask,
        boolean stepScaling,
        int stepScaleOutPercent,
        int stepScaleInPercent,
        int scaleOutCooldownSeconds,
        int scaleInCooldownSeconds) {}
