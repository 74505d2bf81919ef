package com.storefront.config;

/**
 * Everything the program needs from stack config, parsed and validated once (built by name from the
 * declared settings). Components receive the parts they need; none of them reads {@code ctx.config()}.
 */
public record StackSettings(
        Environment environment,
        String suffix,
        String region,
        AccountGuard account,
        boolean protect,
        Teardown teardown,
        TagSettings tags,
        int logRetentionDays,
        NetworkSettings network,
        DatabaseSettings database,
        CacheSettings cache,
        TaskSettings task,
        ScalingSettings scaling,
        LoadBalancerSettings loadBalancer,
        TlsSettings tls,
        DeploymentSettings deployment,
        EdgeSettings edge,
        ApiSettings api,
        SecretValue originVerifySecret,
        AlertSettings alerts,
        DrSettings dr) {}
