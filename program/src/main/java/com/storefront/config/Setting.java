package com.storefront.config;

import com.google.gson.JsonElement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * One stack setting, declared once: its key, type, defaults per environment, rule and doc. Reading,
 * validation, the README's configuration table and the unknown-key check all come from this.
 *
 * <p>Types are told apart as the Pulumi CLI passes them: inside an object, YAML numbers, booleans,
 * lists and strings arrive as JSON of those types, so {@code engineVersion: 16.10} (the number 16.1)
 * is refused where text is expected, and {@code minAcu: [0.5]} where a number is. Top-level values
 * always arrive as text.
 *
 * @param <T> the value the program receives: the setting's type, or {@code Optional} of it when the
 *            setting has no default
 */
public final class Setting<T> {

    /** How a value is written in the stack file. */
    public enum Kind {
        TEXT("text"),
        WHOLE_NUMBER("whole number"),
        DECIMAL("number"),
        BOOLEAN("boolean"),
        CHOICE("choice"),
        LIST("list of text"),
        OBJECT("object"),
        SECRET("secret text");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Builder<?> spec;
    private final Function<Environment, T> defaults;
    private final boolean required;
    private final boolean optional;

    private Setting(Builder<?> spec, Function<Environment, T> defaults, boolean required, boolean optional) {
        this.spec = spec;
        this.defaults = defaults;
        this.required = required;
        this.optional = optional;
    }

    public String name() {
        return spec.name;
    }

    public Kind kind() {
        return spec.kind;
    }

    /** What is allowed, as the README and every message about this setting state it. */
    public String allowed() {
        return spec.allowed;
    }

    public String doc() {
        return spec.doc;
    }

    public boolean required() {
        return required;
    }

    /** The default as the README shows it for {@code environment}. */
    public String shownDefault(Environment environment) {
        String shown = environment == Environment.DEV ? spec.devShown : spec.prodShown;
        if (shown != null) {
            return shown;
        }
        if (required) {
            return "(required)";
        }
        Object value = defaults.apply(environment);
        if (value instanceof Optional<?> o) {
            return o.map(Setting::code).orElse("—");
        }
        return code(value);
    }

    private static String code(Object value) {
        if (value instanceof ConfigEnum e) {
            return "`" + e.configValue() + "`";
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "`[]`" : "`" + list + "`";
        }
        if (value instanceof Double d) {
            return "`" + number(d) + "`";
        }
        return "`" + value + "`";
    }

    /**
     * The value in {@code section}, or the default. A missing required value, an empty one, a value of the
     * wrong type and one that breaks a rule are recorded as problems (key, value as typed, what is allowed);
     * the default is then returned so loading carries on and reports every mistake at once.
     */
    @SuppressWarnings("unchecked")
    public T read(ConfigSection section, Environment environment) {
        T fallback = defaults.apply(environment);
        Optional<JsonElement> given = section.raw(name());
        if (given.isEmpty()) {
            if (required) {
                section.problems().add(section.key(name()), null, "is required; " + allowed());
            }
            return fallback;
        }
        JsonElement element = given.get();
        if (element.isJsonNull()
                || (element.isJsonPrimitive() && element.getAsString().isBlank())) {
            section.problems()
                    .addShown(
                            section.key(name()),
                            "(empty)",
                            required
                                    ? "is required; " + allowed()
                                    : "is empty; remove the key to use the default (" + plain(shownDefault(environment))
                                            + ") or set " + allowed());
            return fallback;
        }
        Object parsed = spec.parse(element);
        if (parsed == null) {
            section.problems().addShown(section.key(name()), ConfigSection.display(element), spec.typeProblem(element));
            return fallback;
        }
        for (Rule<Object> rule : ((Builder<Object>) spec).rules) {
            Optional<String> broken = rule.check().apply(parsed);
            if (broken.isPresent()) {
                section.problems().addShown(section.key(name()), ConfigSection.display(element), broken.get());
                return fallback;
            }
        }
        return (T) (optional ? Optional.of(parsed) : parsed);
    }

    private static String plain(String shown) {
        return shown.replace("`", "");
    }

    // ---- declarations ------------------------------------------------------------------------------

    public static Builder<String> text(String name, String allowed) {
        return new Builder<>(
                name, Kind.TEXT, allowed, e -> isText(e) ? e.getAsString().trim() : null);
    }

    /** Text that must match {@code pattern} (AWS's own grammar for the value). */
    public static Builder<String> text(String name, Pattern pattern, String allowed) {
        Builder<String> builder = text(name, allowed);
        return builder.rule(v -> pattern.matcher(v).matches());
    }

    public static Builder<Integer> wholeNumber(String name, int min, int max) {
        Builder<Integer> builder = new Builder<>(name, Kind.WHOLE_NUMBER, min + "–" + max, Setting::wholeNumber);
        return builder.check(v -> v < min || v > max
                ? Optional.of("must be a whole number from " + min + " to " + max)
                : Optional.empty());
    }

    public static Builder<Double> decimal(String name, double min, double max) {
        Builder<Double> builder = new Builder<>(name, Kind.DECIMAL, number(min) + "–" + number(max), Setting::decimal);
        return builder.check(v -> v < min || v > max
                ? Optional.of("must be a number from " + number(min) + " to " + number(max))
                : Optional.empty());
    }

    public static Builder<Boolean> bool(String name) {
        return new Builder<>(name, Kind.BOOLEAN, "`true`, `false`", Setting::bool);
    }

    public static <E extends Enum<E> & ConfigEnum> Builder<E> choice(String name, Class<E> type) {
        String values = ConfigEnum.allowed(type);
        return new Builder<>(name, Kind.CHOICE, "one of " + values, e -> {
            if (!isText(e)) {
                return null;
            }
            for (E candidate : type.getEnumConstants()) {
                if (candidate.configValue().equals(e.getAsString().trim())) {
                    return candidate;
                }
            }
            return null;
        });
    }

    /** A YAML list of text, or one comma-separated text (as {@code pulumi config set} writes it). */
    public static Builder<List<String>> list(String name, String allowed) {
        return new Builder<>(name, Kind.LIST, allowed, Setting::list);
    }

    /** A setting whose value the program reads itself (an object of the user's own keys, a secret). */
    public static Builder<String> declaredOnly(String name, Kind kind, String allowed) {
        return new Builder<>(name, kind, allowed, e -> null);
    }

    /**
     * Text, or a whole number (which converts exactly): {@code pulumi config set --path} stores all-digit values
     * as numbers. A fractional number is not text: YAML has already turned 16.10 into 16.1.
     */
    private static boolean isText(JsonElement e) {
        return e.isJsonPrimitive()
                && (e.getAsJsonPrimitive().isString()
                        || (e.getAsJsonPrimitive().isNumber() && e.getAsString().matches("^-?\\d+$")));
    }

    private static Integer wholeNumber(JsonElement e) {
        if (!e.isJsonPrimitive() || e.getAsJsonPrimitive().isBoolean()) {
            return null;
        }
        String text = e.getAsString().trim();
        return text.matches("^-?\\d{1,9}$") ? Integer.valueOf(text) : null;
    }

    private static Double decimal(JsonElement e) {
        if (!e.isJsonPrimitive() || e.getAsJsonPrimitive().isBoolean()) {
            return null;
        }
        String text = e.getAsString().trim();
        return text.matches("^-?\\d+(\\.\\d+)?$") ? Double.valueOf(text) : null;
    }

    private static Boolean bool(JsonElement e) {
        if (!e.isJsonPrimitive() || e.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        String text = e.getAsString().trim();
        return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false") ? Boolean.valueOf(text) : null;
    }

    private static List<String> list(JsonElement e) {
        List<String> items = new ArrayList<>();
        if (e.isJsonArray()) {
            for (JsonElement item : e.getAsJsonArray()) {
                if (!isText(item) || item.getAsString().isBlank()) {
                    return null;
                }
                items.add(item.getAsString().trim());
            }
        } else if (isText(e)) {
            for (String part : e.getAsString().split(",")) {
                if (!part.isBlank()) {
                    items.add(part.trim());
                }
            }
        } else {
            return null;
        }
        return List.copyOf(items);
    }

    /** A bound as people write it: 0.5, 256 (not 256.0). */
    public static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** A check on a parsed value: empty when it holds, else the message saying what is allowed. */
    record Rule<V>(Function<V, Optional<String>> check) {}

    /** Declares a setting; finished by one of its default methods. */
    public static final class Builder<V> {
        private final String name;
        private final Kind kind;
        private String allowed;
        private final Function<JsonElement, V> parser;
        private final List<Rule<V>> rules = new ArrayList<>();
        private String doc = "";
        private String devShown;
        private String prodShown;

        private Builder(String name, Kind kind, String allowed, Function<JsonElement, V> parser) {
            this.name = name;
            this.kind = kind;
            this.allowed = allowed;
            this.parser = parser;
        }

        /** Replaces the allowed-values text (what the README and messages state). */
        public Builder<V> allowed(String text) {
            this.allowed = text;
            return this;
        }

        /** A rule whose failure message is "must be" + the allowed text. */
        public Builder<V> rule(Predicate<V> holds) {
            rules.add(new Rule<>(v -> holds.test(v) ? Optional.empty() : Optional.of("must be " + allowed)));
            return this;
        }

        /** A rule with its own message. */
        public Builder<V> check(Function<V, Optional<String>> check) {
            rules.add(new Rule<>(check));
            return this;
        }

        public Builder<V> doc(String text) {
            this.doc = text;
            return this;
        }

        /** How the README shows the defaults when the value alone does not say it (e.g. "derived"). */
        public Builder<V> shown(String dev, String prod) {
            this.devShown = dev;
            this.prodShown = prod;
            return this;
        }

        public Setting<V> defaultValue(V value) {
            return new Setting<>(this, env -> value, false, false);
        }

        public Setting<V> byEnvironment(V dev, V prod) {
            return new Setting<>(this, env -> env.pick(dev, prod), false, false);
        }

        public Setting<Optional<V>> optional() {
            return new Setting<>(this, env -> Optional.empty(), false, true);
        }

        public Setting<Optional<V>> required() {
            return new Setting<>(this, env -> Optional.empty(), true, true);
        }

        private Object parse(JsonElement element) {
            return parser.apply(element);
        }

        private String typeProblem(JsonElement element) {
            boolean number =
                    element.isJsonPrimitive() && element.getAsJsonPrimitive().isNumber();
            return switch (kind) {
                case TEXT, CHOICE ->
                    number
                                    || (element.isJsonPrimitive()
                                            && element.getAsJsonPrimitive().isBoolean())
                            ? "must be text in quotes (YAML reads an unquoted " + element.getAsString() + " as a "
                                    + (number ? "number, so 16.10 would become 16.1" : "boolean")
                                    + "; from the CLI use "
                                    + "pulumi config set --path --type string): " + allowed
                            : (kind == Kind.CHOICE ? "must be " : "must be a single text value: ") + allowed;
                case WHOLE_NUMBER -> "must be a single whole number: " + allowed;
                case DECIMAL -> "must be a single number: " + allowed;
                case BOOLEAN -> "must be true or false";
                case LIST -> "must be a list of text values (quote numbers): " + allowed;
                default -> "must be " + allowed;
            };
        }
    }
}
