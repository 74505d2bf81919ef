package com.storefront.edge;

import com.storefront.core.StackContext;
import com.storefront.core.WithContext;

/**
 * Inputs of the log bucket.
 *
 * @param expirationDays days before log objects expire
 */
public record LogBucketArgs(StackContext context, int expirationDays) implements WithContext {}
