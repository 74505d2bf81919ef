package com.storefront.config;

/** Reads and validates {@code storefront:edge}. */
final class EdgeSettingsReader {

    private EdgeSettingsReader() {
    }

    static EdgeSettings read(ConfigSection section) {
        int expiration = section.integer("logExpirationDays", 30, 1, 3650);
        section.rejectUnknownKeys();
        return new EdgeSettings(expiration);
    }
}
