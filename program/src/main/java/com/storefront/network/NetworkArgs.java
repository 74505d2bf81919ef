package com.storefront.network;

import com.storefront.config.NetworkSettings;
import com.storefront.core.StackComponent;
import com.storefront.core.StackContext;
import com.storefront.core.WithContext;

import java.util.Optional;

/**
 * Inputs of the network component. The flow-log group takes the context's key and log retention.
 *
 * @param role      the stack's own network or a standby one
 * @param movedFrom for a network that took over a VPC another component built: that component, and the
 *                  prefix its children's names had there (they keep those names as aliases)
 */
public record NetworkArgs(
        StackContext context, NetworkSettings settings, NetworkRole role, Optional<MovedFrom> movedFrom)
        implements WithContext {

    /** The stack's primary network. */
    public NetworkArgs(StackContext context, NetworkSettings settings) {
        this(context, settings, NetworkRole.PRIMARY, Optional.empty());
    }

    /** The component that built these resources before, and how it named them ({@code <namePrefix><what>}). */
    public record MovedFrom(StackComponent parent, String namePrefix) {}
}
