package com.storefront.config;

/**
 * CodeDeploy's predefined ECS deployment configurations (names are case-sensitive in AWS), with the
 * time each takes to move all traffic: a canary waits its interval once, a linear shift moves 10 %
 * per interval (ten steps, counted as ten intervals to stay on the safe side).
 */
public enum TrafficShift implements ConfigEnum {
    CANARY_10_PERCENT_5_MINUTES("canary10Percent5Minutes", "CodeDeployDefault.ECSCanary10Percent5Minutes", 5),
    CANARY_10_PERCENT_15_MINUTES("canary10Percent15Minutes", "CodeDeployDefault.ECSCanary10Percent15Minutes", 15),
    LINEAR_10_PERCENT_EVERY_1_MINUTE(
            "linear10PercentEvery1Minute", "CodeDeployDefault.ECSLinear10PercentEvery1Minutes", 10),
    LINEAR_10_PERCENT_EVERY_3_MINUTES(
            "linear10PercentEvery3Minutes", "CodeDeployDefault.ECSLinear10PercentEvery3Minutes", 30),
    ALL_AT_ONCE("allAtOnce", "CodeDeployDefault.ECSAllAtOnce", 0);

    private final String configValue;
    private final String deploymentConfigName;
    private final int shiftMinutes;

    TrafficShift(String configValue, String deploymentConfigName, int shiftMinutes) {
        this.configValue = configValue;
        this.deploymentConfigName = deploymentConfigName;
        this.shiftMinutes = shiftMinutes;
    }

    /** Minutes from the first shifted request until all traffic reaches the new tasks. */
    public int shiftMinutes() {
        return shiftMinutes;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    public String deploymentConfigName() {
        return deploymentConfigName;
    }
}
