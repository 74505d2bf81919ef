package com.storefront.config;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Aurora PostgreSQL versions, from the dated table of released versions
 * ({@link AwsTables#auroraVersions()}): which were released, which support Serverless v2, and which
 * can scale to 0 ACU (auto-pause). A version newer than the table (one RDS reports running) is judged
 * by the first minor of its major that supports each.
 */
public final class AuroraVersions {

    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)$");

    public record Version(int major, int minor) {
        /** The cluster parameter group family, which must match the engine's major version. */
        public String parameterGroupFamily() {
            return "aurora-postgresql" + major;
        }

        public boolean supportsServerlessV2() {
            return supports("serverlessV2");
        }

        public boolean supportsAutoPause() {
            return supports("autoPause");
        }

        /** Whether AWS released this version (it is in the table). */
        public boolean released() {
            return AwsTables.auroraVersions().has(toString());
        }

        private boolean supports(String column) {
            if (released()) {
                return "true".equals(AwsTables.auroraVersions().value(toString(), column));
            }
            Integer first = firstMinors(column).get(major);
            return first != null && minor >= first;
        }

        /** Ordered by major, then minor. */
        public boolean atLeast(Version other) {
            return major != other.major ? major > other.major : minor >= other.minor;
        }

        @Override
        public String toString() {
            return major + "." + minor;
        }
    }

    private AuroraVersions() {}

    /** A major.minor of a major the table knows (released or not: {@link Version#released()} says). */
    public static Optional<Version> parse(String text) {
        return parseAny(text).filter(v -> majors().containsKey(v.major()));
    }

    /** Any major.minor, for what RDS reports (a major newer than the table included). */
    public static Optional<Version> parseAny(String text) {
        Matcher m = VERSION.matcher(text);
        return m.matches()
                ? Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    /** Released minors per major, for messages: "16: 16.1, 16.2, ...". */
    public static Map<Integer, String> majors() {
        return AwsTables.auroraVersions().rows().keySet().stream()
                .map(v -> parseAny(v).orElseThrow())
                .collect(Collectors.groupingBy(
                        Version::major, TreeMap::new, Collectors.mapping(Version::toString, Collectors.joining(", "))));
    }

    public static String supportedMajors() {
        return majors().keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** The first minor per major whose row is true in {@code column}. */
    private static Map<Integer, Integer> firstMinors(String column) {
        Map<Integer, Integer> first = new TreeMap<>();
        AwsTables.auroraVersions().rows().forEach((text, row) -> {
            if ("true".equals(row.get(column))) {
                Version v = parseAny(text).orElseThrow();
                first.merge(v.major(), v.minor(), Math::min);
            }
        });
        return first;
    }

    private static String minimums(String column) {
        return firstMinors(column).entrySet().stream()
                .map(e -> e.getKey() + "." + e.getValue())
                .collect(Collectors.joining(", "));
    }

    public static String autoPauseMinimums() {
        return minimums("autoPause");
    }

    public static String serverlessMinimums() {
        return minimums("serverlessV2");
    }
}
