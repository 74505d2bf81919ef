package com.storefront.config;

/**
 * How images roll out (SVC-7).
 *
 * @param rollbackFiveXxThreshold target 5XX responses per minute that fail a deployment (and page)
 */
public record DeploymentSettings(
        DeploymentStrategy strategy,
        TrafficShift trafficShift,
        int terminationWaitMinutes,
        int rollbackFiveXxThreshold,
        int rollbackEvaluationMinutes) {
}
