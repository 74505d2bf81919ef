package com.storefront.config;

import java.util.Map;

/**
 * Values of the tags every resource carries (CFG-4).
 *
 * @param environment the Environment tag's value: the team's own (e.g. {@code production}), by default
 *                    the {@code environment} setting
 * @param extra       further tags on every resource (e.g. {@code CostCenter}), sorted by key
 */
public record TagSettings(String environment, String project, String owner, Map<String, String> extra) {

    public TagSettings(String environment, String project, String owner) {
        this(environment, project, owner, Map.of());
    }
}
