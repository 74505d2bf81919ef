package com.storefront.security;

import com.storefront.core.AwsContext;
import com.storefront.naming.Naming;

/**
 * Inputs of the stack's customer-managed key.
 *
 * @param protect whether the key is protected (30-day deletion window) or destroyable (7 days)
 */
public record EncryptionArgs(Naming naming, AwsContext aws, boolean protect) {
}
