package com.storefront.app;

import com.pulumi.core.Output;
import com.storefront.iam.PolicyStatement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What one resource the API uses contributes to its task (SVC-3, SVC-4), declared by the component that owns
 * the resource: plain environment (endpoints, ports, flags), credentials injected by ECS from Secrets Manager
 * ({@code valueFrom}, never a value), and what the app itself may do with the resource beyond reading those
 * secrets. The service assembles the container definition and both roles from every binding.
 *
 * @param name           what the binding is for (e.g. {@code database}), for messages
 * @param environment    variables with plain values
 * @param secrets        variables injected from a secret (or one JSON key of it)
 * @param taskStatements what the task role may do with the resource, beyond reading the secrets above
 */
public record AppBinding(
        String name,
        Map<String, Output<String>> environment,
        Map<String, SecretRef> secrets,
        List<Output<PolicyStatement>> taskStatements) {

    public AppBinding {
        // Insertion order is kept: the roles list the secrets in the order the bindings declare them.
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
        taskStatements = List.copyOf(taskStatements);
    }

    /** One secret a variable is injected from: the whole secret, or one key of its JSON. */
    public record SecretRef(Output<String> secretArn, Optional<String> jsonKey) {

        public static SecretRef whole(Output<String> secretArn) {
            return new SecretRef(secretArn, Optional.empty());
        }

        public static SecretRef key(Output<String> secretArn, String jsonKey) {
            return new SecretRef(secretArn, Optional.of(jsonKey));
        }

        /** {@code valueFrom}: the ARN, or {@code <arn>:<key>::} for one key of the latest version. */
        public Output<String> valueFrom() {
            return secretArn.applyValue(
                    arn -> jsonKey.map(key -> arn + ":" + key + "::").orElse(arn));
        }
    }

    /** Builds a binding variable by variable. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /** The secrets every binding injects, each once, in binding order: what both roles may read. */
    public static List<Output<String>> secretArns(List<AppBinding> bindings) {
        Set<Output<String>> seen = new LinkedHashSet<>();
        for (AppBinding binding : bindings) {
            binding.secrets().values().forEach(ref -> seen.add(ref.secretArn()));
        }
        return List.copyOf(seen);
    }

    /** Builds an {@link AppBinding}; a variable set twice is a mistake. */
    public static final class Builder {
        private final String name;
        private final Map<String, Output<String>> environment = new LinkedHashMap<>();
        private final Map<String, SecretRef> secrets = new LinkedHashMap<>();
        private final List<Output<PolicyStatement>> taskStatements = new ArrayList<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name);
        }

        public Builder env(String variable, Output<String> value) {
            put(environment, variable, value);
            return this;
        }

        public Builder env(String variable, String value) {
            return env(variable, Output.of(value));
        }

        public Builder secret(String variable, SecretRef secret) {
            put(secrets, variable, secret);
            return this;
        }

        public Builder taskStatement(Output<PolicyStatement> statement) {
            taskStatements.add(statement);
            return this;
        }

        public AppBinding build() {
            return new AppBinding(name, environment, secrets, taskStatements);
        }

        private <T> void put(Map<String, T> map, String variable, T value) {
            if (map.containsKey(variable) || environment.containsKey(variable) || secrets.containsKey(variable)) {
                throw new IllegalArgumentException(name + ": " + variable + " is set twice");
            }
            map.put(variable, value);
        }
    }
}
