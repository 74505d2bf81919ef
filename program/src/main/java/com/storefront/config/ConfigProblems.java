package com.storefront.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects every configuration problem found while loading the stack settings, so that a
 * user fixing their stack file sees all mistakes in one run instead of one per {@code pulumi up}.
 */
public final class ConfigProblems {

    /** One invalid value: the full config key, what was given, and what would be accepted. */
    public record Problem(String key, String value, String allowed) {
        @Override
        public String toString() {
            return value.isEmpty() ? key + ": " + allowed : key + " = " + value + ": " + allowed;
        }
    }

    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> readKeys = new TreeSet<>();
    private final List<String> warnings = new ArrayList<>();

    /** Notes a config key the program reads (the README's configuration reference lists them all). */
    void read(String key) {
        readKeys.add(key);
    }

    /** Every key read so far, e.g. {@code storefront:network.azCount}. */
    public Set<String> readKeys() {
        return Set.copyOf(readKeys);
    }

    public void add(String key, Object value, String allowed) {
        problems.add(new Problem(key, describe(value), allowed));
    }

    /**
     * A key that should not be there (unknown, moved, unread): reported by name only, since its value is
     * not a setting's and may be a secret.
     */
    public void addKey(String key, String problem) {
        problems.add(new Problem(key, "", problem));
    }

    /** A value already rendered as the user typed it (quoted like every other value). */
    public void addShown(String key, String shown, String allowed) {
        problems.add(new Problem(key, shown.startsWith("(") ? shown : "'" + shown + "'", allowed));
    }

    /** For values that must not be echoed (secrets): {@code shown} describes the value instead. */
    public void addHidden(String key, String shown, String allowed) {
        problems.add(new Problem(key, shown, allowed));
    }

    /** Something the stack sets that this program ignores but may be someone else's (an ESC environment's). */
    public void warn(String message) {
        warnings.add(message);
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public List<Problem> all() {
        return List.copyOf(problems);
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Throws one exception listing every problem; does nothing when the config is valid. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(all());
        }
    }

    private static String describe(Object value) {
        if (value == null) {
            return "(not set)";
        }
        if (value instanceof Double d) {
            return "'" + Setting.number(d) + "'";
        }
        return "'" + value + "'";
    }
}
