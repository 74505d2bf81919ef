package com.storefront.config;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aurora PostgreSQL versions: which support Serverless v2 at all, and which can scale to 0 ACU
 * (auto-pause). Below these minor versions AWS rejects db.serverless instances or a minimum of 0.
 */
public final class AuroraVersions {

    /** major version → {first minor with Serverless v2, first minor with auto-pause}. */
    private static final Map<Integer, int[]> SUPPORT = Map.of(
            13, new int[] {6, 15},
            14, new int[] {3, 12},
            15, new int[] {2, 7},
            16, new int[] {1, 3},
            17, new int[] {4, 4});
    private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)$");

    public record Version(int major, int minor) {
        /** The cluster parameter group family, which must match the engine's major version. */
        public String parameterGroupFamily() {
            return "aurora-postgresql" + major;
        }

        public boolean supportsServerlessV2() {
            int[] support = SUPPORT.get(major);
            return support != null && minor >= support[0];
        }

        public boolean supportsAutoPause() {
            int[] support = SUPPORT.get(major);
            return support != null && minor >= support[1];
        }

        @Override
        public String toString() {
            return major + "." + minor;
        }
    }

    private AuroraVersions() {
    }

    public static Optional<Version> parse(String text) {
        Matcher m = VERSION.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int major = Integer.parseInt(m.group(1));
        return SUPPORT.containsKey(major)
                ? Optional.of(new Version(major, Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    /** Any major.minor, for what RDS reports (a major newer than this table included). */
    static Optional<Version> parseAny(String text) {
        Matcher m = VERSION.matcher(text);
        return m.matches() ? Optional.of(new Version(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))))
                : Optional.empty();
    }

    static String supportedMajors() {
        return "13, 14, 15, 16, 17";
    }

    static String autoPauseMinimums() {
        return "13.15, 14.12, 15.7, 16.3, 17.4";
    }

    static String serverlessMinimums() {
        return "13.6, 14.3, 15.2, 16.1, 17.4";
    }
}
