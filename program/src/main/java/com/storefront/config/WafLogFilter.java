package com.storefront.config;

/** Which requests the web ACLs log (EDGE-3). */
public enum WafLogFilter implements ConfigEnum {
    /** Every request. */
    ALL("all"),
    /** Only requests a rule blocked or counted: less volume, and shoppers' normal requests stay out of the logs. */
    BLOCKED_AND_COUNTED("blockedAndCounted");

    private final String configValue;

    WafLogFilter(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
