package com.storefront.core;

import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The base of every storefront component: a {@code ComponentResource} with a {@code storefront:<package>:<Type>}
 * token whose children are parented to it (and so use its providers).
 */
public abstract class StackComponent extends ComponentResource {

    protected StackComponent(String type, String name, ComponentResourceOptions options) {
        super(type, name, options);
    }

    /** Options for a child resource: parented to this component. */
    protected final CustomResourceOptions child() {
        return CustomResourceOptions.builder().parent(this).build();
    }

    /** Options for an invoke made for this component (its provider, its region). */
    protected final InvokeOptions invokeOptions() {
        return InvokeOptions.builder().parent(this).build();
    }
}
