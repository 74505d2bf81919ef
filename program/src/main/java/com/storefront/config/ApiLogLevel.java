package com.storefront.config;

/** How much API Gateway writes to the stage's execution log group (never request or response data). */
public enum ApiLogLevel implements ConfigEnum {
    OFF("off", "OFF"),
    ERROR("error", "ERROR"),
    INFO("info", "INFO");

    private final String configValue;
    private final String apiValue;

    ApiLogLevel(String configValue, String apiValue) {
        this.configValue = configValue;
        this.apiValue = apiValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    /** The {@code loggingLevel} API Gateway takes. */
    public String apiValue() {
        return apiValue;
    }
}
