package com.storefront.config;

import java.util.Optional;

/**
 * The API Gateway partner API (API-1).
 *
 * <p>API Gateway writes access and execution logs only when the region's account settings name a
 * CloudWatch role; that setting is shared by every REST API in the account and region.
 *
 * @param cloudWatchRoleArn    the role the account settings name (an existing one), or the one to register
 * @param manageAccountLogging whether this stack registers the role in the account settings (it then never
 *                             resets them on destroy); otherwise it relies on {@code cloudWatchRoleArn}
 *                             already being registered and touches nothing account-wide
 * @param executionLogLevel    what the stage writes to its execution log group
 */
public record ApiSettings(
        boolean enabled,
        String stageName,
        int rateLimit,
        int burstLimit,
        Optional<String> cloudWatchRoleArn,
        boolean manageAccountLogging,
        ApiLogLevel executionLogLevel) {

    /** Whether the stack creates the logging role itself (it registers it and was not given one). */
    public boolean createsLoggingRole() {
        return manageAccountLogging && cloudWatchRoleArn.isEmpty();
    }
}
