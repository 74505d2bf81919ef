package com.storefront.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One level of stack configuration: either the top-level {@code storefront:} namespace (raw strings
 * as Pulumi passes them) or a nested object such as {@code storefront:network}. {@link Setting}s read
 * their values from it; it remembers which keys were read, so the ones nobody declared are reported
 * (with the closest known key), and every problem is collected rather than thrown at the first.
 */
public final class ConfigSection {

    private final String path;
    private final String separator;
    private final Function<String, Optional<JsonElement>> lookup;
    private final ConfigProblems problems;
    private final Set<String> knownKeys = new LinkedHashSet<>();
    private final Set<String> presentKeys;

    private ConfigSection(
            String path,
            String separator,
            Function<String, Optional<JsonElement>> lookup,
            Set<String> presentKeys,
            ConfigProblems problems) {
        this.path = path;
        this.separator = separator;
        this.lookup = lookup;
        this.presentKeys = presentKeys;
        this.problems = problems;
    }

    /** The top level of a config namespace, e.g. {@code storefront}; values arrive as raw strings. */
    public static ConfigSection namespace(
            String namespace, Function<String, Optional<String>> raw, ConfigProblems problems) {
        return namespace(namespace, raw, null, problems);
    }

    /**
     * As above, knowing which keys the stack sets here (without the namespace; null when unknown), so a
     * misspelled top-level key is reported like a nested one.
     */
    public static ConfigSection namespace(
            String namespace,
            Function<String, Optional<String>> raw,
            Set<String> presentKeys,
            ConfigProblems problems) {
        return new ConfigSection(
                namespace, ":", key -> raw.apply(key).map(ConfigSection::parseRaw), presentKeys, problems);
    }

    public ConfigProblems problems() {
        return problems;
    }

    public String key(String name) {
        return path + separator + name;
    }

    /** A nested object; absent means "all defaults". A non-object value is reported. */
    public ConfigSection section(String name) {
        known(name);
        Optional<JsonElement> value = lookup.apply(name);
        JsonObject object = new JsonObject();
        if (value.isPresent()) {
            if (value.get().isJsonObject()) {
                object = value.get().getAsJsonObject();
            } else {
                problems.add(key(name), display(value.get()), "must be an object (a YAML mapping of settings)");
            }
        }
        JsonObject source = object;
        return new ConfigSection(
                key(name), ".", k -> Optional.ofNullable(source.get(k)), new TreeSet<>(source.keySet()), problems);
    }

    /** The value as given (a YAML null included), marking the key as known; {@link Setting} interprets it. */
    public Optional<JsonElement> raw(String name) {
        known(name);
        return lookup.apply(name);
    }

    /** Whether the stack sets {@code name} here (valid or not): cross-checks skip what is missing only. */
    public boolean has(String name) {
        return lookup.apply(name).isPresent();
    }

    /** Marks a key as known without reading it (one read elsewhere, such as a secret). */
    public void declare(String name) {
        known(name);
    }

    public Optional<String> optionalString(String name) {
        known(name);
        Optional<JsonElement> value = lookup.apply(name).filter(e -> !e.isJsonNull());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().isJsonPrimitive()) {
            problems.add(key(name), display(value.get()), "must be a single text value");
            return Optional.empty();
        }
        return Optional.of(value.get().getAsString().trim());
    }

    public String string(String name, String defaultValue) {
        return optionalString(name).orElse(defaultValue);
    }

    private void known(String name) {
        knownKeys.add(name);
        problems.read(key(name));
    }

    /** The keys set in this section (an object), for sections whose keys are the user's own (tags). */
    public Set<String> presentKeys() {
        // Sorted, so problems are reported in the same order on every run.
        return presentKeys == null ? Set.of() : java.util.Collections.unmodifiableSortedSet(new TreeSet<>(presentKeys));
    }

    /**
     * Reports keys no reader asked for: almost always a typo. {@code moved} maps keys of an earlier
     * config version to where they live now.
     */
    public void rejectUnknownKeys(java.util.Map<String, String> moved) {
        if (presentKeys == null) {
            return;
        }
        for (String present : presentKeys) {
            if (knownKeys.contains(present)) {
                continue;
            }
            if (moved.containsKey(present)) {
                problems.addKey(key(present), "has moved to " + moved.get(present) + "; set it there");
                continue;
            }
            String hint = closest(present, knownKeys)
                    .map(k -> "did you mean " + key(k) + "? ")
                    .orElse("");
            problems.addKey(
                    key(present),
                    "is not a known setting; " + hint + "known settings here are "
                            + String.join(", ", new TreeSet<>(knownKeys)));
        }
    }

    public void rejectUnknownKeys() {
        rejectUnknownKeys(java.util.Map.of());
    }

    /** The known key a typo most likely meant: the nearest by edit distance, ignoring case, if near enough. */
    public static Optional<String> closest(String typo, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : new TreeSet<>(known)) {
            int distance =
                    editDistance(typo.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(2, typo.length() / 3) ? Optional.of(best) : Optional.empty();
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static JsonElement parseRaw(String raw) {
        String trimmed = raw.trim();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            try {
                return JsonParser.parseString(trimmed);
            } catch (JsonParseException e) {
                return new JsonPrimitive(raw);
            }
        }
        return new JsonPrimitive(raw);
    }

    /**
     * A value as the user typed it: decimals keep their digits (Gson keeps the JSON text), lists read
     * {@code [a, b]} (the one list format of every message), objects {@code {...}} with their keys.
     */
    public static String display(JsonElement element) {
        if (element.isJsonNull()) {
            return "(empty)";
        }
        if (element.isJsonPrimitive()) {
            return element.getAsString();
        }
        if (element.isJsonArray()) {
            List<String> items = new ArrayList<>();
            element.getAsJsonArray().forEach(item -> items.add(display(item)));
            return items.toString();
        }
        return "{" + String.join(", ", new TreeSet<>(element.getAsJsonObject().keySet())) + "}";
    }
}
