package com.storefront.security;

import com.pulumi.core.Output;
import com.storefront.core.AwsContext;
import com.storefront.naming.Naming;

import java.util.Optional;

/**
 * Inputs of a customer-managed key.
 *
 * @param aliasName the alias, e.g. {@code alias/storefront-<suffix>}
 * @param aws       account facts of the key's region (key policies name regional service principals)
 * @param protect   whether the key is protected (30-day deletion window) or destroyable (7 days)
 * @param cloudFrontReadsBucket the bucket whose SSE-KMS objects CloudFront (OAC) may decrypt with this key,
 *                              by name; absent for keys CloudFront never uses
 * @param keptAfterDestroy      whether the key outlives the stack: it encrypts copies a decommission keeps
 *                              (final snapshots, backup vaults), which would be unrestorable without it
 */
public record EncryptionArgs(
        Naming naming,
        String aliasName,
        AwsContext aws,
        boolean protect,
        Optional<Output<String>> cloudFrontReadsBucket,
        boolean keptAfterDestroy) {

    /** A key nothing kept after a destroy depends on (it is scheduled for deletion with the stack). */
    public EncryptionArgs(Naming naming, String aliasName, AwsContext aws, boolean protect) {
        this(naming, aliasName, aws, protect, Optional.empty(), false);
    }
}
