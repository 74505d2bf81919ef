package com.storefront.config;

/** How private app subnets reach the internet. */
public enum NatStrategy implements ConfigEnum {
    /** No NAT gateway: app subnets have no internet route (needs interface endpoints for ECR/logs/secrets). */
    NONE("none"),
    /** One NAT gateway in the first AZ shared by every app subnet: cheap, but an AZ outage cuts egress. */
    SINGLE("single"),
    /** One NAT gateway per AZ; each app subnet uses its own AZ's gateway. */
    PER_AZ("perAz");

    private final String configValue;

    NatStrategy(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    public int gatewayCount(int azCount) {
        return switch (this) {
            case NONE -> 0;
            case SINGLE -> 1;
            case PER_AZ -> azCount;
        };
    }
}
