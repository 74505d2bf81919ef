package com.storefront.config;

import java.util.List;
import java.util.Optional;

/**
 * Which credentials and accounts the stack's providers may use. Explicit providers do not read the
 * {@code aws:} stack config by themselves, so the program passes these on.
 *
 * @param profile           {@code aws:profile}, when the stack names one
 * @param allowedAccountIds {@code storefront:allowedAccountIds}: a deploy with credentials of any other
 *                          account fails before it changes anything
 */
public record AccountGuard(Optional<String> profile, List<String> allowedAccountIds) {

    public AccountGuard {
        allowedAccountIds = List.copyOf(allowedAccountIds);
    }
}
