package com.storefront.plan;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One resource the program registered, as the engine saw it: type, logical name, inputs (as the
 * provider would receive them), provider reference, parent and resource options, the URNs its
 * aliases name, the state the mocks answered with (its outputs), and for each input the URNs of the
 * resources its value came from (what the engine uses to know an input changes with a resource).
 */
public record Registered(
        String type,
        String name,
        String urn,
        String id,
        String parentUrn,
        boolean custom,
        String providerRef,
        Map<String, Object> inputs,
        Set<String> secretInputs,
        boolean protect,
        List<String> ignoreChanges,
        List<String> dependencies,
        boolean retainOnDelete,
        boolean deleteBeforeReplace,
        List<String> aliasUrns,
        Map<String, Object> outputs,
        Map<String, List<String>> propertyDependencies,
        List<String> replaceOnChanges) {

    /** A registration without {@code replaceOnChanges}. */
    public Registered(
            String type,
            String name,
            String urn,
            String id,
            String parentUrn,
            boolean custom,
            String providerRef,
            Map<String, Object> inputs,
            Set<String> secretInputs,
            boolean protect,
            List<String> ignoreChanges,
            List<String> dependencies,
            boolean retainOnDelete,
            boolean deleteBeforeReplace,
            List<String> aliasUrns,
            Map<String, Object> outputs,
            Map<String, List<String>> propertyDependencies) {
        this(
                type,
                name,
                urn,
                id,
                parentUrn,
                custom,
                providerRef,
                inputs,
                secretInputs,
                protect,
                ignoreChanges,
                dependencies,
                retainOnDelete,
                deleteBeforeReplace,
                aliasUrns,
                outputs,
                propertyDependencies,
                List.of());
    }

    /** An input by dotted path, e.g. {@code serverlessv2ScalingConfiguration.minCapacity} or {@code tags.Name}. */
    public Optional<Object> input(String path) {
        Object current = inputs;
        for (String part : path.split("\\.")) {
            if (current instanceof Map<?, ?> map && map.containsKey(part)) {
                current = map.get(part);
            } else if (current instanceof List<?> list
                    && part.matches("\\d+")
                    && Integer.parseInt(part) < list.size()) {
                current = list.get(Integer.parseInt(part));
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(current);
    }

    public Object require(String path) {
        return input(path)
                .orElseThrow(() -> new IllegalArgumentException(
                        type + " '" + name + "' has no input " + path + "; inputs: " + inputs));
    }

    public String string(String path) {
        return String.valueOf(require(path));
    }

    public double number(String path) {
        return ((Number) require(path)).doubleValue();
    }

    public boolean bool(String path) {
        return Boolean.TRUE.equals(require(path));
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String path) {
        return (List<Object>) require(path);
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String path) {
        return (Map<String, Object>) require(path);
    }

    /** The same registration with other inputs (for comparing a run with a change made to it). */
    public Registered withInputs(Map<String, Object> newInputs) {
        return new Registered(
                type,
                name,
                urn,
                id,
                parentUrn,
                custom,
                providerRef,
                newInputs,
                secretInputs,
                protect,
                ignoreChanges,
                dependencies,
                retainOnDelete,
                deleteBeforeReplace,
                aliasUrns,
                outputs,
                propertyDependencies,
                replaceOnChanges);
    }

    /**
     * The Java args class of an AWS type token, e.g. {@code com.pulumi.aws.rds.ClusterArgs} for
     * {@code aws:rds/cluster:Cluster}; empty for anything else.
     */
    public static Optional<Class<?>> argsClass(String type) {
        String[] parts = type.split(":");
        if (parts.length != 3 || !parts[0].equals("aws") || !parts[1].contains("/")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Class.forName(
                    "com.pulumi.aws." + parts[1].substring(0, parts[1].indexOf('/')) + "." + parts[2] + "Args"));
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    /** The provider's logical name, e.g. {@code aws-primary}, parsed from the provider reference. */
    public String providerName() {
        if (providerRef == null || providerRef.isEmpty()) {
            return "";
        }
        String urnPart = providerRef.substring(0, providerRef.lastIndexOf("::"));
        return urnPart.substring(urnPart.lastIndexOf("::") + 2);
    }

    public boolean isAws() {
        return type.startsWith("aws:");
    }

    @Override
    public String toString() {
        return type + " '" + name + "'";
    }
}
