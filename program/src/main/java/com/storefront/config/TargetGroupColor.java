package com.storefront.config;

/**
 * The two target groups of a blue/green service. CodeDeploy alternates which one serves production;
 * listeners and forwarding rules that Pulumi (re-)creates must point at the live one.
 */
public enum TargetGroupColor implements ConfigEnum {
    BLUE("blue"),
    GREEN("green");

    private final String configValue;

    TargetGroupColor(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
