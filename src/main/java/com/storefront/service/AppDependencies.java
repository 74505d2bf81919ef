package com.storefront.service;

import com.pulumi.core.Output;

/**
 * What the API container is wired to: data-tier endpoints as plain environment, credentials only as
 * secret ARNs (injected with {@code valueFrom}).
 */
public record AppDependencies(
        Output<String> dbHost,
        Output<String> dbReaderHost,
        int dbPort,
        String dbName,
        Output<String> dbClusterIdentifier,
        Output<String> dbSecretArn,
        Output<String> redisHost,
        int redisPort,
        Output<String> redisSecretArn,
        Output<String> apiKeysSecretArn) {
}
