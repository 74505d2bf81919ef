package com.storefront.core;

import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

/**
 * Child names for helpers that build a component's children from the options they were given: the options'
 * parent is the component, and it names the child ({@link StackComponent#name}).
 */
public final class ChildNames {

    private ChildNames() {}

    /** {@link StackComponent#name} of the component that {@code options} parent to. */
    public static String of(CustomResourceOptions options, String what) {
        return component(options, what).name(what);
    }

    /** {@link StackComponent#renamed(String, String)} of the component that {@code options} parent to. */
    public static String renamed(CustomResourceOptions options, String what, String formerName) {
        return component(options, what).renamed(what, formerName);
    }

    private static StackComponent component(CustomResourceOptions options, String what) {
        Resource parent = options.getParent()
                .orElseThrow(() -> new IllegalArgumentException(what + ": a component's child needs its parent"));
        if (!(parent instanceof StackComponent component)) {
            throw new IllegalArgumentException(what + ": the parent is not a storefront component");
        }
        return component;
    }
}
