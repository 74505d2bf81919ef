package com.storefront.config;

/** The three subnet tiers every AZ gets. */
public enum SubnetTier implements ConfigEnum {
    /** ALB and NAT gateways; routes to the internet gateway. */
    PUBLIC("public"),
    /** ECS tasks and interface endpoints; internet only through NAT. */
    APP("app"),
    /** Aurora and ElastiCache; no internet route at all. */
    DATA("data");

    private final String configValue;

    SubnetTier(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
