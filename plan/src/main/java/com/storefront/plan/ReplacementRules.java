package com.storefront.plan;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which inputs of each resource type force a replacement ("ForceNew" in the Terraform AWS provider
 * our Pulumi provider is bridged from), read from {@code plan/replacement-inputs.tsv}: one row per
 * input with its source. A type the table does not know is an error, so a new resource type cannot
 * be classified by guess.
 */
public final class ReplacementRules {

    static final String RESOURCE = "/plan/replacement-inputs.tsv";
    private static final String NONE = "-";

    /**
     * One replacement-forcing input. {@code condition} narrows it where the provider decides in a
     * CustomizeDiff function; empty means "always".
     */
    public record Rule(String type, String path, Optional<Condition> condition, String source) {

        boolean applies(Map<String, Object> before, Map<String, Object> after) {
            return condition.map(c -> c.holds(before, after)).orElse(true);
        }
    }

    /**
     * When a conditional rule forces replacement, written in the table's third column as one of:
     * {@code unless <input>} (the new value of that boolean input is true),
     * {@code unless <input> <from>-><to>} (that exact change), {@code when <input> decreases}
     * (a version downgrade), {@code when <input> below <version>}, {@code unless <input> starts <prefix>},
     * {@code when <input> is <value>}, {@code when <input> toggles} (set on one side only).
     */
    public record Condition(String text) {

        boolean holds(Map<String, Object> before, Map<String, Object> after) {
            String[] words = text.split(" ");
            if (words.length < 2 || words.length > 4 || !(words[0].equals("unless") || words[0].equals("when"))) {
                throw new IllegalArgumentException(RESOURCE + ": unknown condition '" + text + "'");
            }
            String input = words[1];
            Object now = after.get(input);
            Object was = before.get(input);
            return switch (words[0] + (words.length > 2 ? " " + words[2] : "")) {
                case "unless" -> !Boolean.TRUE.equals(now);
                case "when decreases" -> compareVersions(String.valueOf(now), String.valueOf(was)) < 0;
                case "when below" -> compareVersions(String.valueOf(now), words[3]) < 0;
                case "unless starts" -> !String.valueOf(now).startsWith(words[3]);
                case "when is" -> String.valueOf(now).equals(words[3]);
                case "when toggles" -> absent(was) != absent(now);
                default -> {
                    if (words[0].equals("unless") && words.length == 3 && words[2].contains("->")) {
                        String[] change = words[2].split("->");
                        yield !(change[0].equals(String.valueOf(was)) && change[1].equals(String.valueOf(now)));
                    }
                    throw new IllegalArgumentException(RESOURCE + ": unknown condition '" + text + "'");
                }
            };
        }

        private static boolean absent(Object value) {
            return value == null || "".equals(value) || (value instanceof List<?> list && list.isEmpty());
        }

        static int compareVersions(String a, String b) {
            String[] x = a.split("\\.");
            String[] y = b.split("\\.");
            for (int i = 0; i < Math.max(x.length, y.length); i++) {
                int p = i < x.length ? parse(x[i]) : 0;
                int q = i < y.length ? parse(y[i]) : 0;
                if (p != q) {
                    return Integer.compare(p, q);
                }
            }
            return 0;
        }

        private static int parse(String part) {
            String digits = part.replaceAll("[^0-9].*$", "");
            return digits.isEmpty() ? 0 : Integer.parseInt(digits);
        }
    }

    private final Map<String, List<Rule>> byType;

    private ReplacementRules(Map<String, List<Rule>> byType) {
        this.byType = byType;
    }

    public static ReplacementRules load() {
        try (InputStream in = ReplacementRules.class.getResourceAsStream(RESOURCE)) {
            Objects.requireNonNull(in, RESOURCE + " is missing from the classpath");
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReplacementRules parse(List<String> lines) {
        Map<String, List<Rule>> byType = new LinkedHashMap<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length != 4) {
                throw new IllegalArgumentException(RESOURCE + ": expected type, input, condition, source: " + line);
            }
            List<Rule> rules = byType.computeIfAbsent(columns[0], k -> new ArrayList<>());
            if (!columns[1].equals(NONE)) {
                Optional<Condition> condition =
                        columns[2].equals(NONE) ? Optional.empty() : Optional.of(new Condition(columns[2]));
                // Fail on load, not in the middle of a comparison, when a condition is mistyped.
                condition.ifPresent(c -> c.holds(Map.of(), Map.of()));
                rules.add(new Rule(columns[0], columns[1], condition, columns[3]));
            }
        }
        return new ReplacementRules(byType);
    }

    public boolean knows(String type) {
        return byType.containsKey(type);
    }

    public Set<String> types() {
        return new TreeSet<>(byType.keySet());
    }

    public List<Rule> rules(String type) {
        return byType.getOrDefault(type, List.of());
    }

    /**
     * The rules a change of one top-level input triggers: those on the input itself, or on a path
     * inside it whose values differ between the two sides. {@code valueUnknown} marks an input that
     * changes because something it refers to is replaced: then every rule on or inside it applies.
     */
    public List<Rule> triggered(
            String type, String input, Map<String, Object> before, Map<String, Object> after, boolean valueUnknown) {
        List<Rule> hit = new ArrayList<>();
        for (Rule rule : rules(type)) {
            boolean onInput = rule.path().equals(input) || rule.path().startsWith(input + ".");
            boolean differs =
                    valueUnknown || !Objects.equals(valuesAt(before, rule.path()), valuesAt(after, rule.path()));
            if (onInput && differs && rule.applies(before, after)) {
                hit.add(rule);
            }
        }
        return hit;
    }

    /** The values at a dotted path; through a list, the values of every element. */
    static Object valuesAt(Object value, String path) {
        Object current = value;
        for (String part : path.split("\\.")) {
            current = step(current, part);
        }
        return current;
    }

    private static Object step(Object value, String key) {
        if (value instanceof Map<?, ?> map) {
            return map.get(key);
        }
        if (value instanceof List<?> list) {
            List<Object> values = new ArrayList<>();
            list.forEach(item -> values.add(step(item, key)));
            return values;
        }
        return null;
    }
}
