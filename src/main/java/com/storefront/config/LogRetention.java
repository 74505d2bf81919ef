package com.storefront.config;

import java.util.List;

/** CloudWatch Logs accepts only these retention periods (PutRetentionPolicy); anything else fails at deploy. */
public final class LogRetention {

    public static final List<Integer> ALLOWED_DAYS = List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192,
            2557, 2922, 3288, 3653);

    private LogRetention() {
    }

    public static int read(ConfigSection section, String name, int defaultValue) {
        int days = section.integer(name, defaultValue, 1, 3653);
        if (!ALLOWED_DAYS.contains(days)) {
            section.problems().add(section.key(name), days, "must be one of " + ALLOWED_DAYS);
            return defaultValue;
        }
        return days;
    }
}
