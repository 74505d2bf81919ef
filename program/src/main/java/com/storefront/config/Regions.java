package com.storefront.config;

import java.util.Optional;

/** AWS regions of the commercial partition, from the dated table {@link AwsTables#regions()}. */
public final class Regions {

    private Regions() {}

    /** Why {@code region} is not a region this stack can use, or empty. */
    public static Optional<String> problem(String region) {
        TsvTable table = AwsTables.regions();
        if (table.has(region)) {
            return Optional.empty();
        }
        String hint = ConfigSection.closest(region, table.rows().keySet())
                .map(r -> "did you mean " + r + "? ")
                .orElse("");
        return Optional.of("is not an AWS region of the commercial partition; " + hint + "regions are "
                + String.join(", ", new java.util.TreeSet<>(table.rows().keySet())) + " " + table.citation());
    }
}
