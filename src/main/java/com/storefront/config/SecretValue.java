package com.storefront.config;

import com.pulumi.core.Output;

/**
 * A value that came from a secret config key. It never prints itself, and reaches resources only
 * as a Pulumi secret output (encrypted in state, masked in previews).
 */
public final class SecretValue {

    private final String value;

    public SecretValue(String value) {
        this.value = value;
    }

    public Output<String> output() {
        return Output.ofSecret(value);
    }

    @Override
    public String toString() {
        return "[secret]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretValue s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
