package com.storefront.config;

import com.pulumi.deployment.internal.DeploymentImpl;

import java.util.Optional;
import java.util.Set;

/**
 * The keys a stack sets. The Pulumi Java SDK exposes config only key by key, but reads all of it from
 * the {@code PULUMI_CONFIG} environment variable the language host sets; parsing that with the SDK's
 * own parser gives exactly the keys the program sees.
 */
public final class ConfigKeys {

    static final String ENVIRONMENT_VARIABLE = "PULUMI_CONFIG";

    private ConfigKeys() {}

    /** The keys from {@code PULUMI_CONFIG}, or empty when not run by the engine (the mock runs pass keys). */
    public static Optional<Set<String>> fromEnvironment() {
        return parse(System.getenv(ENVIRONMENT_VARIABLE));
    }

    static Optional<Set<String>> parse(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Set.copyOf(DeploymentImpl.Config.parseConfig(json).keySet()));
    }
}
