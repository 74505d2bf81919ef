package com.storefront.config;

/** How ElastiCache applies a new AUTH token (ModifyReplicationGroup's AuthTokenUpdateStrategy). */
public enum TokenUpdate implements ConfigEnum {
    /** Old and new token both work until a later SET: apps switch without downtime. */
    ROTATE("ROTATE"),
    /** Only the new token works: the second step of a rotation, once every client uses it. */
    SET("SET");

    private final String configValue;

    TokenUpdate(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
