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
 * major of the Optimized Reads ({@code *d}) classes.
 */
public final class InstanceClasses {

    private static final Pattern OPTIMIZED_READS = Pattern.compile("optimizedReads>=([0-9.,]+)");

    private InstanceClasses() {
    }

    /** Why {@code instanceClass} cannot run {@code version}, or empty when it can. */
    public static Optional<String> problem(String instanceClass, AuroraVersions.Version version) {
        AwsTables.Table table = AwsTables.auroraInstanceClasses();
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
        Matcher m = OPTIMIZED_READS.matcher(table.value(instanceClass, "note"));
        if (m.find()) {
            List<AuroraVersions.Version> firsts = Arrays.stream(m.group(1).split(","))
                    .map(AuroraVersions::parseAny).flatMap(Optional::stream).toList();
            Optional<AuroraVersions.Version> first = firsts.stream().filter(v -> v.major() == version.major()).findFirst();
            // "16.1 and all higher versions": a major above every listed one has it from its first minor.
            boolean later = firsts.stream().allMatch(v -> v.major() < version.major());
            if (first.isEmpty() ? !later : !version.atLeast(first.get())) {
                return Optional.of("is an Optimized Reads class, offered from Aurora PostgreSQL " + m.group(1)
                        .replace(",", ", ") + "; engineVersion is " + version + " " + table.citation());
            }
        }
        return Optional.empty();
    }

    private static String families(AwsTables.Table table) {
        return table.rows().keySet().stream().map(c -> c.substring(0, c.lastIndexOf('.')))
                .collect(Collectors.toCollection(TreeSet::new)).toString();
    }
}
