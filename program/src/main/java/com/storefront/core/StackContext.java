package com.storefront.core;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.storefront.config.StackSettings;
import com.storefront.config.Teardown;
import com.storefront.naming.Naming;

import java.util.Optional;

/**
 * What every component of a stack shares: how things are named and tagged, the account and region,
 * whether data is protected and what a destroy keeps, how long logs live, and (once the stack's key
 * exists) the customer-managed key everything encrypts with. Components take it instead of each
 * repeating these fields.
 */
public record StackContext(
        Naming naming,
        AwsContext aws,
        boolean protect,
        Teardown teardown,
        int logRetentionDays,
        Optional<Output<String>> key) {

    public StackContext(Naming naming, AwsContext aws, boolean protect, Teardown teardown, int logRetentionDays) {
        this(naming, aws, protect, teardown, logRetentionDays, Optional.empty());
    }

    /** The context of a stack of {@code settings}, its account looked up through its primary provider. */
    public static StackContext of(StackSettings settings, Provider primary) {
        return new StackContext(
                new Naming(settings.suffix()),
                AwsContext.lookup(settings.region(), primary),
                settings.protect(),
                settings.teardown(),
                settings.logRetentionDays());
    }

    /** The same context once the stack's key exists (the components after {@code Encryption} take this). */
    public StackContext withKey(Output<String> keyArn) {
        return new StackContext(naming, aws, protect, teardown, logRetentionDays, Optional.of(keyArn));
    }

    /** The same context with another naming (an area of the stack, {@link Naming#within}). */
    public StackContext withNaming(Naming other) {
        return new StackContext(other, aws, protect, teardown, logRetentionDays, key);
    }

    /** The stack's customer-managed key; only the key's own component is built before it exists. */
    public Output<String> kmsKeyArn() {
        return key.orElseThrow(() -> new IllegalStateException("the stack's key is not built yet"));
    }
}
