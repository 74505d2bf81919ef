package com.storefront.config;

/** Values of the tags every resource carries (CFG-4). */
public record TagSettings(String environment, String project, String owner) {
}
