package com.storefront.config;

/** The stack's environment class; it picks the defaults (cheap and destroyable vs. available and protected). */
public enum Environment implements ConfigEnum {
    DEV("dev"),
    PROD("prod");

    private final String configValue;

    Environment(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    /** The default for this environment: the first argument for dev, the second for prod. */
    public <T> T pick(T dev, T prod) {
        return this == PROD ? prod : dev;
    }
}
