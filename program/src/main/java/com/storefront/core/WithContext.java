package com.storefront.core;

import com.pulumi.core.Output;
import com.storefront.config.Teardown;
import com.storefront.naming.Naming;

/** A component's inputs that carry the {@link StackContext}: its fields read as the inputs' own. */
public interface WithContext {

    StackContext context();

    default Naming naming() {
        return context().naming();
    }

    default AwsContext aws() {
        return context().aws();
    }

    default boolean protect() {
        return context().protect();
    }

    default Teardown teardown() {
        return context().teardown();
    }

    default int logRetentionDays() {
        return context().logRetentionDays();
    }

    default Output<String> kmsKeyArn() {
        return context().kmsKeyArn();
    }
}
