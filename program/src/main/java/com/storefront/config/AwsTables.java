package com.storefront.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tables of real AWS values the config is checked against, each a {@link TsvTable} under
 * {@code config/tables/} that names its sources and the day they were read. AWS adds values over time: when a new one is refused, add its row with the
 * source that shows it.
 */
public final class AwsTables {

    private static final Map<String, TsvTable> TABLES = new LinkedHashMap<>();

    private AwsTables() {}

    /** Commercial AWS regions: {@code region, name, optIn}. */
    public static TsvTable regions() {
        return table("regions");
    }

    /** ElastiCache node types for Redis OSS and Valkey: {@code nodeType, family, current}. */
    public static TsvTable cacheNodeTypes() {
        return table("elasticache-node-types");
    }

    /** Released Aurora PostgreSQL versions: {@code version, serverlessV2, autoPause}. */
    public static TsvTable auroraVersions() {
        return table("aurora-postgresql-versions");
    }

    /** Provisioned instance classes of Aurora PostgreSQL: {@code instanceClass, minMajor, maxMajor, note}. */
    public static TsvTable auroraInstanceClasses() {
        return table("aurora-instance-classes");
    }

    public static List<TsvTable> all() {
        return List.of(regions(), cacheNodeTypes(), auroraVersions(), auroraInstanceClasses());
    }

    private static synchronized TsvTable table(String name) {
        return TABLES.computeIfAbsent(name, n -> TsvTable.load("/config/tables/" + n + ".tsv"));
    }
}
