package com.storefront.security;

import com.storefront.core.AwsContext;
import com.storefront.iam.KeyUse;
import com.storefront.naming.Naming;

import java.util.List;

/**
 * Inputs of a customer-managed key.
 *
 * @param aliasName the alias, e.g. {@code alias/storefront-<suffix>}
 * @param aws       account facts of the key's region (key policies name regional service principals)
 * @param protect   whether the key is protected (30-day deletion window) or destroyable (7 days)
 * @param uses                  how the components that encrypt with this key use it (its policy is built
 *                              from them)
 * @param keptAfterDestroy      whether the key outlives the stack: it encrypts copies a decommission keeps
 *                              (final snapshots, backup vaults), which would be unrestorable without it
 */
public record EncryptionArgs(
        Naming naming, String aliasName, AwsContext aws, boolean protect, List<KeyUse> uses, boolean keptAfterDestroy) {

    public EncryptionArgs {
        uses = List.copyOf(uses);
    }
}
