package com.storefront.config;

/** How many subnet tiers the VPC has (NET-2). */
public enum NetworkLayout implements ConfigEnum {
    /** Public, private app and private data subnets per AZ; the data tier has no route out. */
    THREE_TIER("threeTier"),
    /** Public and private subnets per AZ; the data stores share the private (app) subnets. */
    TWO_TIER("twoTier");

    private final String configValue;

    NetworkLayout(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
