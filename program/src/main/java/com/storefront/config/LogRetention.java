package com.storefront.config;

import java.util.List;

/** CloudWatch Logs accepts only these retention periods (PutRetentionPolicy); anything else fails at deploy. */
public final class LogRetention {

    public static final List<Integer> ALLOWED_DAYS = List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private LogRetention() {}
}
