package com.storefront.security;

import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.core.ChildNames;

/** Secrets Manager secrets the way this stack makes them: CMK-encrypted, recovery window by protection. */
public final class Secrets {

    /** Prod keeps a deleted secret recoverable for the longest window AWS offers. */
    static final int PROTECTED_RECOVERY_DAYS = 30;

    private Secrets() {}

    /**
     * @param protect false deletes at once on destroy; otherwise re-creating a stack with the same
     *                suffix fails while the old secret is "scheduled for deletion"
     */
    public static Secret create(
            String logicalName,
            String name,
            String description,
            Output<String> kmsKeyArn,
            boolean protect,
            CustomResourceOptions options) {
        return new Secret(
                ChildNames.of(options, logicalName),
                SecretArgs.builder()
                        .name(name)
                        .description(description)
                        .kmsKeyId(kmsKeyArn)
                        .recoveryWindowInDays(protect ? PROTECTED_RECOVERY_DAYS : 0)
                        .build(),
                options);
    }
}
