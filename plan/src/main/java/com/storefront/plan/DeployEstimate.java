package com.storefront.plan;

import com.storefront.config.TsvTable;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PERF-1: how long a first {@code pulumi up} of a stack takes, from its deploy graph. The engine
 * creates a resource once everything it depends on exists, as many at a time as it can, so the
 * deploy takes as long as its longest chain of dependencies, each resource weighted by the minutes
 * its create waits ({@code plan/create-minutes.tsv}, each figure with its source).
 *
 * @param minutes       the longest chain's minutes
 * @param criticalPath  that chain, first resource first, as {@code type name (minutes)}
 */
public record DeployEstimate(double minutes, List<String> criticalPath) {

    /** Minutes of a resource type the table does not list: an API call and a short waiter. */
    static final double UNLISTED_MINUTES = 0.1;

    private static final String DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
    /** A distribution created without waiting for its global rollout returns in well under a minute. */
    private static final double DISTRIBUTION_NO_WAIT_MINUTES = 0.5;

    public static DeployEstimate of(PlanRun run) {
        Map<String, Double> table = table();
        Map<String, Registered> byUrn = new HashMap<>();
        run.resources().forEach(r -> byUrn.put(r.urn(), r));
        Map<String, Double> finish = new HashMap<>();
        Map<String, String> previous = new HashMap<>();
        // Registration order lists every dependency before its dependant (the engine needs their URNs first).
        for (Registered r : run.resources()) {
            double start = 0;
            String before = null;
            for (String dependency : r.dependencies()) {
                Double done = finish.get(dependency);
                if (done != null && done > start) {
                    start = done;
                    before = dependency;
                }
            }
            if (r.parentUrn() != null && finish.containsKey(r.parentUrn()) && finish.get(r.parentUrn()) > start) {
                start = finish.get(r.parentUrn());
                before = r.parentUrn();
            }
            finish.put(r.urn(), start + minutes(r, table));
            if (before != null) {
                previous.put(r.urn(), before);
            }
        }
        String last = finish.entrySet().stream()
                .max(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(null);
        List<String> path = new ArrayList<>();
        for (String urn = last; urn != null; urn = previous.get(urn)) {
            Registered r = byUrn.get(urn);
            double own = minutes(r, table);
            if (own > UNLISTED_MINUTES || urn.equals(last)) {
                path.add(r.type() + " " + r.name() + " (" + format(own) + " min)");
            }
        }
        Collections.reverse(path);
        return new DeployEstimate(last == null ? 0 : round(finish.get(last)), List.copyOf(path));
    }

    static double minutes(Registered r, Map<String, Double> table) {
        if (!r.custom()) {
            return 0;
        }
        if (r.type().equals(DISTRIBUTION)
                && Boolean.FALSE.equals(r.input("waitForDeployment").orElse(true))) {
            return DISTRIBUTION_NO_WAIT_MINUTES;
        }
        return table.getOrDefault(r.type(), UNLISTED_MINUTES);
    }

    /** The per-type minutes of {@code plan/create-minutes.tsv}. */
    static Map<String, Double> table() {
        Map<String, Double> table = new TreeMap<>();
        TsvTable.load("/plan/create-minutes.tsv")
                .rows()
                .forEach((type, row) -> table.put(type, Double.valueOf(row.get("minutes"))));
        return table;
    }

    private static double round(double minutes) {
        return Math.round(minutes * 10) / 10.0;
    }

    static String format(double minutes) {
        return minutes == Math.rint(minutes) ? String.valueOf((long) minutes) : String.valueOf(round(minutes));
    }
}
