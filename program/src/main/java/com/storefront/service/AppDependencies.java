package com.storefront.service;

import com.pulumi.core.Output;

import java.util.Optional;

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
        Optional<Redis> redis,
        Output<String> apiKeysSecretArn) {

    /** The cache, when the stack has one: its configuration endpoint, port and connection secret. */
    public record Redis(Output<String> host, int port, Output<String> secretArn) {}
}
