package com.storefront.config;

/** CodeDeploy's predefined ECS deployment configurations (names are case-sensitive in AWS). */
public enum TrafficShift implements ConfigEnum {
    CANARY_10_PERCENT_5_MINUTES("canary10Percent5Minutes", "CodeDeployDefault.ECSCanary10Percent5Minutes"),
    CANARY_10_PERCENT_15_MINUTES("canary10Percent15Minutes", "CodeDeployDefault.ECSCanary10Percent15Minutes"),
    LINEAR_10_PERCENT_EVERY_1_MINUTE("linear10PercentEvery1Minute", "CodeDeployDefault.ECSLinear10PercentEvery1Minutes"),
    LINEAR_10_PERCENT_EVERY_3_MINUTES("linear10PercentEvery3Minutes", "CodeDeployDefault.ECSLinear10PercentEvery3Minutes"),
    ALL_AT_ONCE("allAtOnce", "CodeDeployDefault.ECSAllAtOnce");

    private final String configValue;
    private final String deploymentConfigName;

    TrafficShift(String configValue, String deploymentConfigName) {
        this.configValue = configValue;
        this.deploymentConfigName = deploymentConfigName;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    public String deploymentConfigName() {
        return deploymentConfigName;
    }
}
