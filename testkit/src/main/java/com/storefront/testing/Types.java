package com.storefront.testing;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.Resource;

/**
 * Type tokens from the provider's resource classes, so a test names {@code NatGateway.class} (checked by
 * the compiler, found by the IDE) rather than a string that silently matches nothing when misspelt.
 */
public final class Types {

    private Types() {}

    /** The type token of a resource class, e.g. {@code aws:ec2/natGateway:NatGateway}. */
    public static String of(Class<? extends Resource> type) {
        ResourceType annotation = type.getAnnotation(ResourceType.class);
        if (annotation == null) {
            throw new IllegalArgumentException(type + " has no @ResourceType");
        }
        return annotation.type();
    }
}
