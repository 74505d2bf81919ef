package com.storefront.config;

/**
 * How images roll out (SVC-7, REL-1, REL-2).
 *
 * @param terminationWaitMinutes  how long CodeDeploy keeps the previous (blue) tasks after a shift
 * @param rollbackFiveXxThreshold target 5XX responses per minute that fail a deployment (and page)
 * @param liveTargetGroup         the target group serving production as read from AWS by the rollout
 *                                tool before {@code pulumi up}; new listeners and rules forward to it.
 *                                A rolling service has only blue (also while a stack switches from
 *                                blue/green, when the tool still observes green)
 */
public record DeploymentSettings(
        DeploymentStrategy strategy,
        TrafficShift trafficShift,
        int terminationWaitMinutes,
        int rollbackFiveXxThreshold,
        int rollbackEvaluationMinutes,
        TargetGroupColor liveTargetGroup) {

    /**
     * Time for green tasks to pull, start and pass the ALB health checks before any traffic moves,
     * and for CodeDeploy to finish once the old tasks are gone.
     */
    static final int ROLLOUT_MARGIN_MINUTES = 20;

    public DeploymentSettings {
        if (strategy != DeploymentStrategy.BLUE_GREEN) {
            liveTargetGroup = TargetGroupColor.BLUE;
        }
    }

    /** The longest a blue/green deployment can legitimately take: the rollout tool waits this long. */
    public int rolloutTimeoutMinutes() {
        return ROLLOUT_MARGIN_MINUTES + trafficShift.shiftMinutes() + terminationWaitMinutes;
    }
}
