package com.storefront.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS Backup schedule expressions: {@code cron(minutes hours day-of-month month day-of-week year)} in
 * UTC, as EventBridge defines them. One of day-of-month and day-of-week is {@code ?}. AWS Backup runs
 * a rule at most once an hour, so minutes are one value. {@link #starts()} gives the start times in a
 * week (minutes since Monday 00:00) for checking them against the Aurora windows.
 */
public final class BackupCron {

    private static final Pattern CRON = Pattern.compile("^cron\\((\\S+) (\\S+) (\\S+) (\\S+) (\\S+) (\\S+)\\)$");
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    /** EventBridge numbers days of the week 1 (SUN) to 7 (SAT). */
    private static final List<String> WEEKDAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final int minute;
    private final Set<Integer> hours;
    /** Days of the week it runs on, 0 = Monday; all seven when the expression is by day of month. */
    private final Set<Integer> weekdays;

    private BackupCron(int minute, Set<Integer> hours, Set<Integer> weekdays) {
        this.minute = minute;
        this.hours = hours;
        this.weekdays = weekdays;
    }

    public static String rule() {
        return "an AWS cron expression cron(minutes hours day-of-month month day-of-week year) in UTC with one "
                + "minute value, hours 0-23, day-of-month 1-31, month 1-12 or JAN-DEC, day-of-week 1-7 or SUN-SAT, "
                + "one of the two days ?, e.g. cron(0 7 * * ? *) for 07:00 daily";
    }

    /** The parsed schedule, or why it is not one AWS Backup accepts. */
    public static Result parse(String text) {
        Matcher m = CRON.matcher(text.trim());
        if (!m.matches()) {
            return Result.problem("must be " + rule());
        }
        Optional<Integer> minute = number(m.group(1), 0, 59);
        if (minute.isEmpty()) {
            return Result.problem("has minutes '" + m.group(1) + "': AWS Backup runs at most hourly, so minutes are "
                    + "one value 0-59; " + rule());
        }
        Optional<Set<Integer>> hours = values(m.group(2), 0, 23, List.of());
        if (hours.isEmpty()) {
            return Result.problem("has hours '" + m.group(2) + "' (0-23); " + rule());
        }
        String dom = m.group(3);
        String dow = m.group(5).toUpperCase(Locale.ROOT);
        if (dom.equals("?") == dow.equals("?")) {
            return Result.problem("must have ? in exactly one of day-of-month and day-of-week; " + rule());
        }
        if (!dom.equals("?")
                && !dom.matches("^(L|\\d{1,2}W|LW)$")
                && values(dom, 1, 31, List.of()).isEmpty()) {
            return Result.problem("has day-of-month '" + dom + "' (1-31, L, W); " + rule());
        }
        if (values(m.group(4).toUpperCase(Locale.ROOT), 1, 12, MONTHS).isEmpty()) {
            return Result.problem("has month '" + m.group(4) + "' (1-12 or JAN-DEC); " + rule());
        }
        Set<Integer> weekdays = new TreeSet<>(List.of(0, 1, 2, 3, 4, 5, 6));
        if (!dow.equals("?")) {
            // A bare L is the week's last day (7, SAT); 5L is a month's last Thursday; 6#3 its third Friday.
            String plain = dow.equals("L") ? "7" : dow.replaceAll("#[1-5]$", "").replaceAll("L$", "");
            Optional<Set<Integer>> days = values(plain, 1, 7, WEEKDAYS);
            if (days.isEmpty()) {
                return Result.problem("has day-of-week '" + m.group(5) + "' (1-7 or SUN-SAT); " + rule());
            }
            weekdays = new TreeSet<>();
            for (int day : days.get()) {
                weekdays.add((day + 5) % 7); // 1 = SUN -> 6, 2 = MON -> 0
            }
        }
        String year = m.group(6);
        if (!year.equals("*") && values(year, 1970, 2199, List.of()).isEmpty()) {
            return Result.problem("has year '" + year + "' (* or 1970-2199); " + rule());
        }
        return new Result(Optional.of(new BackupCron(minute.get(), hours.get(), weekdays)), Optional.empty());
    }

    /** Start times in a week, in minutes since Monday 00:00 UTC. */
    public List<Integer> starts() {
        List<Integer> starts = new ArrayList<>();
        for (int day : weekdays) {
            for (int hour : hours) {
                starts.add(day * 24 * 60 + hour * 60 + minute);
            }
        }
        return starts;
    }

    public record Result(Optional<BackupCron> cron, Optional<String> problem) {
        static Result problem(String text) {
            return new Result(Optional.empty(), Optional.of(text));
        }
    }

    private static Optional<Integer> number(String text, int min, int max) {
        if (!text.matches("^\\d{1,4}$")) {
            return Optional.empty();
        }
        int value = Integer.parseInt(text);
        return value >= min && value <= max ? Optional.of(value) : Optional.empty();
    }

    /** {@code *}, or a comma list of values, ranges a-b and steps x/n, with names allowed for values. */
    private static Optional<Set<Integer>> values(String text, int min, int max, List<String> names) {
        Set<Integer> result = new TreeSet<>();
        for (String part : text.split(",", -1)) {
            String[] step = part.split("/", -1);
            if (step.length > 2) {
                return Optional.empty();
            }
            int by = 1;
            if (step.length == 2) {
                Optional<Integer> n = number(step[1], 1, max);
                if (n.isEmpty()) {
                    return Optional.empty();
                }
                by = n.get();
            }
            int from;
            int to;
            if (step[0].equals("*")) {
                from = min;
                to = max;
            } else {
                String[] range = step[0].split("-", -1);
                if (range.length > 2) {
                    return Optional.empty();
                }
                Optional<Integer> a = value(range[0], min, max, names);
                Optional<Integer> b = range.length == 2 ? value(range[1], min, max, names) : a;
                if (a.isEmpty() || b.isEmpty() || b.get() < a.get()) {
                    return Optional.empty();
                }
                from = a.get();
                to = step.length == 2 && range.length == 1 ? max : b.get();
            }
            for (int v = from; v <= to; v += by) {
                result.add(v);
            }
        }
        return Optional.of(result);
    }

    private static Optional<Integer> value(String text, int min, int max, List<String> names) {
        int named = names.indexOf(text);
        return named >= 0 ? Optional.of(named + min) : number(text, min, max);
    }
}
