package com.storefront.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Provisioned Aurora PostgreSQL instance classes per engine version, from the dated table
 * {@link AwsTables#auroraInstanceClasses()}: {@code minMajor}/{@code maxMajor} bound the majors a
 * class is offered for, and a note {@code optimizedReads>=14.9,15.4,16.1} gives the first minor per
 * major of the Optimized Reads ({@code *d}) classes, {@code from 13.3,14.3} that of other classes, and
 * {@code not on 13.9/14.6} versions whose orderable options lack the class.
 */
public final class InstanceClasses {

    /** The first minor per major a class is offered from: {@code from 13.3,14.3,15.2} or {@code optimizedReads>=14.9,...}. */
    private static final Pattern FIRST_MINORS =
            Pattern.compile("(optimizedReads>=|from )([0-9]+\\.[0-9]+(?:,[0-9]+\\.[0-9]+)*)");
    /** Versions a class is missing from although offered before and after: {@code not on 13.9/14.6}. */
    private static final Pattern EXCLUDED = Pattern.compile("not on ([0-9./]+)");

    private InstanceClasses() {}

    /** Why {@code instanceClass} cannot run {@code version}, or empty when it can. */
    public static Optional<String> problem(String instanceClass, AuroraVersions.Version version) {
        TsvTable table = AwsTables.auroraInstanceClasses();
        if (!table.has(instanceClass)) {
            return Optional.of("must be db.serverless or a class Aurora PostgreSQL offers, of the families "
                    + families(table) + " " + table.citation());
        }
        int min = Integer.parseInt(table.value(instanceClass, "minMajor"));
        int max = Integer.parseInt(table.value(instanceClass, "maxMajor"));
        // Classes no source showed for 17 yet are not refused for it: AWS offers most families for every major.
        boolean unverified = table.value(instanceClass, "note").contains((max + 1) + " unverified");
        if (version.major() < min || (version.major() > max && !(unverified && version.major() == max + 1))) {
            return Optional.of("is not offered for Aurora PostgreSQL " + version.major() + " (only " + min
                    + (min == max ? "" : "–" + max) + ") " + table.citation());
        }
        String note = table.value(instanceClass, "note");
        Matcher excluded = EXCLUDED.matcher(note);
        if (excluded.find() && Arrays.asList(excluded.group(1).split("/")).contains(version.toString())) {
            return Optional.of("is not offered for Aurora PostgreSQL " + version + " " + table.citation());
        }
        Matcher m = FIRST_MINORS.matcher(note);
        if (m.find()) {
            List<AuroraVersions.Version> firsts = Arrays.stream(m.group(2).split(","))
                    .map(AuroraVersions::parseAny)
                    .flatMap(Optional::stream)
                    .toList();
            Optional<AuroraVersions.Version> first =
                    firsts.stream().filter(v -> v.major() == version.major()).findFirst();
            // "16.1 and all higher versions": a major above every listed one has it from its first minor.
            boolean later = firsts.stream().allMatch(v -> v.major() < version.major());
            if (first.isEmpty() ? !later : !version.atLeast(first.get())) {
                String kind =
                        m.group(1).startsWith("optimizedReads") ? "is an Optimized Reads class, offered" : "is offered";
                return Optional.of(kind + " from Aurora PostgreSQL "
                        + m.group(2).replace(",", ", ") + "; engineVersion is " + version + " " + table.citation());
            }
        }
        return Optional.empty();
    }

    private static String families(TsvTable table) {
        return table.rows().keySet().stream()
                .map(c -> c.substring(0, c.lastIndexOf('.')))
                .collect(Collectors.toCollection(TreeSet::new))
                .toString();
    }
}
