package com.storefront.security;

import com.storefront.core.AwsContext;
import com.storefront.naming.Naming;

/**
 * Inputs of a customer-managed key.
 *
 * @param aliasName the alias, e.g. {@code alias/storefront-<suffix>}
 * @param aws       account facts of the key's region (key policies name regional service principals)
 * @param protect   whether the key is protected (30-day deletion window) or destroyable (7 days)
 */
public record EncryptionArgs(Naming naming, String aliasName, AwsContext aws, boolean protect) {
}
