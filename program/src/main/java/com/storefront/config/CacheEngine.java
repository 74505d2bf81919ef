package com.storefront.config;

import java.util.List;

/** The ElastiCache engines this stack runs in cluster mode, with the versions it accepts. */
public enum CacheEngine implements ConfigEnum {
    REDIS("redis", "7.1", List.of("7.0", "7.1")),
    VALKEY("valkey", "8.0", List.of("7.2", "8.0", "8.1"));

    private final String configValue;
    private final String defaultVersion;
    private final List<String> versions;

    CacheEngine(String configValue, String defaultVersion, List<String> versions) {
        this.configValue = configValue;
        this.defaultVersion = defaultVersion;
        this.versions = versions;
    }

    @Override
    public String configValue() {
        return configValue;
    }

    public String defaultVersion() {
        return defaultVersion;
    }

    public List<String> versions() {
        return versions;
    }

    /** The AWS default parameter group that turns cluster mode on, e.g. {@code default.redis7.cluster.on}. */
    public String clusterModeParameterGroup(String version) {
        return "default." + configValue + version.substring(0, version.indexOf('.')) + ".cluster.on";
    }
}
