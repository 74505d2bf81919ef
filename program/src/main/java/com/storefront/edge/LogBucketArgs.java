package com.storefront.edge;

import com.storefront.core.AwsContext;
import com.storefront.naming.Naming;

/**
 * Inputs of the log bucket.
 *
 * @param expirationDays days before log objects expire
 */
public record LogBucketArgs(Naming naming, AwsContext aws, boolean protect, int expirationDays) {}
