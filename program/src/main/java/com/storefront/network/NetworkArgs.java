package com.storefront.network;

import com.pulumi.core.Output;
import com.storefront.config.NetworkSettings;
import com.storefront.core.AwsContext;
import com.storefront.naming.Naming;

/**
 * Inputs of the network component.
 *
 * @param kmsKeyArn        CMK for the flow-log group
 * @param logRetentionDays retention of the flow-log group (already validated)
 */
public record NetworkArgs(
        NetworkSettings settings, Naming naming, AwsContext aws, Output<String> kmsKeyArn, int logRetentionDays) {}
