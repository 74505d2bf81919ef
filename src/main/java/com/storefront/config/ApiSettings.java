package com.storefront.config;

import java.util.Optional;

/**
 * The API Gateway front door (API-1).
 *
 * @param cloudWatchRoleArn an existing account-level API Gateway logging role; when absent the stack
 *                          creates one and registers it in the region's API Gateway account settings
 */
public record ApiSettings(
        boolean enabled,
        String stageName,
        int rateLimit,
        int burstLimit,
        Optional<String> cloudWatchRoleArn) {
}
