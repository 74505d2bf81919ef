package com.storefront.config;

import com.pulumi.core.Output;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A value that came from a secret config key. It never prints itself, and reaches resources only
 * as a Pulumi secret output (encrypted in state, masked in previews).
 */
public final class SecretValue {

    private final String value;

    public SecretValue(String value) {
        this.value = value;
    }

    /**
     * Reads a required secret key of the namespace. A missing value says how to set it; a malformed
     * one is reported by its length only, never its value.
     */
    public static SecretValue read(
            ConfigSection root,
            Function<String, Optional<String>> raw,
            String name,
            Pattern rule,
            String shape,
            String ruleText) {
        String key = root.key(name);
        root.problems().read(key);
        Optional<String> value = raw.apply(name).map(String::trim).filter(s -> !s.isEmpty());
        if (value.isEmpty()) {
            root.problems()
                    .add(
                            key,
                            null,
                            "is required as a secret: pulumi config set --secret " + key
                                    + " \"$(openssl rand -hex 32)\" (" + shape + ")");
            return new SecretValue("");
        }
        if (!rule.matcher(value.get()).matches()) {
            root.problems().addHidden(key, "(secret, " + value.get().length() + " characters)", ruleText);
        }
        return new SecretValue(value.get());
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
