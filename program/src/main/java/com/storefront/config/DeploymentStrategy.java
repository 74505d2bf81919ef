package com.storefront.config;

/** How new task definitions reach production (SVC-7). */
public enum DeploymentStrategy implements ConfigEnum {
    /** ECS rolling update with the deployment circuit breaker rolling back failures. */
    ROLLING("rolling"),
    /** CodeDeploy blue/green between two target groups, with traffic shifting and alarm rollback. */
    BLUE_GREEN("blueGreen");

    private final String configValue;

    DeploymentStrategy(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
