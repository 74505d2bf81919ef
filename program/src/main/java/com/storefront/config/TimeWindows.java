package com.storefront.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The daily ({@code hh24:mi-hh24:mi}) and weekly ({@code ddd:hh24:mi-ddd:hh24:mi}) UTC windows RDS
 * and ElastiCache take; both must last at least 30 minutes, and a backup window must not overlap
 * the maintenance window.
 */
public final class TimeWindows {

    /** A range in minutes since Monday 00:00 UTC (end exclusive; may wrap past the week's end). */
    public record Range(int start, int end) {
        int length() {
            return end - start;
        }
    }

    static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final int DAY = 24 * 60;
    private static final int WEEK = 7 * DAY;
    private static final int MIN_MINUTES = 30;
    private static final Pattern DAILY = Pattern.compile("^([01]\\d|2[0-3]):([0-5]\\d)-([01]\\d|2[0-3]):([0-5]\\d)$");
    private static final Pattern WEEKLY = Pattern.compile(
            "^(mon|tue|wed|thu|fri|sat|sun):([01]\\d|2[0-3]):([0-5]\\d)-(mon|tue|wed|thu|fri|sat|sun):([01]\\d|2[0-3]):([0-5]\\d)$");

    private TimeWindows() {}

    public static Optional<Range> daily(String text) {
        Matcher m = DAILY.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int start = minutes(m.group(1), m.group(2));
        int end = minutes(m.group(3), m.group(4));
        if (end <= start) {
            end += DAY;
        }
        return Optional.of(new Range(start, end)).filter(r -> r.length() >= MIN_MINUTES);
    }

    /** Weekly windows are lowercase: AWS returns them that way, so uppercase would show a diff on every run. */
    public static Optional<Range> weekly(String text) {
        Matcher m = WEEKLY.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        int start = DAYS.indexOf(m.group(1)) * DAY + minutes(m.group(2), m.group(3));
        int end = DAYS.indexOf(m.group(4)) * DAY + minutes(m.group(5), m.group(6));
        if (end <= start) {
            end += WEEK;
        }
        return Optional.of(new Range(start, end)).filter(r -> r.length() >= MIN_MINUTES && r.length() <= DAY);
    }

    /** Whether a daily window overlaps a weekly one on any day. */
    public static boolean overlaps(Range daily, Range weekly) {
        for (int day = -1; day <= 7; day++) {
            int start = day * DAY + daily.start();
            int end = day * DAY + daily.end();
            for (int shift : new int[] {0, WEEK}) {
                if (start < weekly.end() + shift && weekly.start() + shift < end) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether two weekly ranges overlap (either may wrap past the week's end). */
    public static boolean overlapsWeekly(Range a, Range b) {
        for (int shift : new int[] {-WEEK, 0, WEEK}) {
            if (a.start() < b.end() + shift && b.start() + shift < a.end()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reports a malformed daily or weekly window, and (when {@code checkOverlap}) a daily window that
     * overlaps the weekly one, under the given keys of {@code section}.
     */
    public static void validate(
            ConfigSection section,
            String dailyKey,
            String daily,
            String weeklyKey,
            String weekly,
            boolean checkOverlap,
            int minWeeklyMinutes) {
        validate(section, dailyKey, daily, weeklyKey, weekly, checkOverlap, minWeeklyMinutes, MIN_MINUTES);
    }

    /** As above, with a daily window of at least {@code minDailyMinutes} (ElastiCache snapshots: 60). */
    public static void validate(
            ConfigSection section,
            String dailyKey,
            String daily,
            String weeklyKey,
            String weekly,
            boolean checkOverlap,
            int minWeeklyMinutes,
            int minDailyMinutes) {
        Optional<Range> dailyRange = daily(daily).filter(r -> r.length() >= minDailyMinutes);
        Optional<Range> weeklyRange = weekly(weekly).filter(r -> r.length() >= minWeeklyMinutes);
        if (dailyRange.isEmpty()) {
            section.problems().add(section.key(dailyKey), daily, dailyRule(minDailyMinutes));
        }
        if (weeklyRange.isEmpty()) {
            section.problems().add(section.key(weeklyKey), weekly, weeklyRule(minWeeklyMinutes));
        }
        if (checkOverlap
                && dailyRange.isPresent()
                && weeklyRange.isPresent()
                && overlaps(dailyRange.get(), weeklyRange.get())) {
            section.problems()
                    .add(
                            section.key(dailyKey),
                            daily,
                            "must not overlap " + section.key(weeklyKey) + " (" + weekly + ")");
        }
    }

    public static String dailyRule(int minMinutes) {
        return "must be " + dailyFormat(minMinutes);
    }

    /** What a daily window looks like (the allowed text of a setting that takes one). */
    public static String dailyFormat(int minMinutes) {
        return "hh24:mi-hh24:mi in UTC, at least " + minMinutes + " minutes, e.g. 03:00-04:00";
    }

    public static String weeklyRule(int minMinutes) {
        return "must be " + weeklyFormat(minMinutes);
    }

    /** What a weekly window looks like (the allowed text of a setting that takes one). */
    public static String weeklyFormat(int minMinutes) {
        return "ddd:hh24:mi-ddd:hh24:mi in UTC with lowercase days (mon..sun), " + minMinutes
                + " minutes to 24 hours, e.g. sun:05:00-sun:06:00";
    }

    private static int minutes(String hours, String minutes) {
        return Integer.parseInt(hours) * 60 + Integer.parseInt(minutes);
    }
}
