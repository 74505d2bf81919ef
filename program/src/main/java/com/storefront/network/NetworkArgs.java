package com.storefront.network;

import com.storefront.config.NetworkSettings;
import com.storefront.core.StackContext;
import com.storefront.core.WithContext;

/**
 * Inputs of the network component.
 *
 * @param kmsKeyArn        CMK for the flow-log group
 * @param logRetentionDays retention of the flow-log group (already validated)
 */
public record NetworkArgs(StackContext context, NetworkSettings settings) implements WithContext {}
