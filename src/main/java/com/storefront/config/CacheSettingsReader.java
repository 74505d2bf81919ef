package com.storefront.config;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads and validates {@code storefront:cache} and the secret {@code storefront:redisAuthToken}. */
final class CacheSettingsReader {

    static final String AUTH_TOKEN_KEY = "redisAuthToken";
    /** ElastiCache AUTH: 16-128 printable characters, of the punctuation only ! &amp; # $ ^ &lt; &gt; -. */
    private static final Pattern AUTH_TOKEN = Pattern.compile("^[A-Za-z0-9!&#$^<>-]{16,128}$");
    /**
     * Current families; t1/t2/m1-m3 lack features this stack uses (snapshots, TLS on some sizes), and
     * r6gd needs data tiering, which this stack does not configure.
     */
    private static final Pattern NODE_TYPE = Pattern.compile("^cache\\.(t3|t4g|m5|m6g|m7g|r5|r6g|r7g|c7gn)\\.[a-z0-9]+$");
    /** ElastiCache's default quota of nodes per cluster (raised to 500 only on request). */
    static final int MAX_NODES = 90;

    private CacheSettingsReader() {
    }

    static CacheSettings read(ConfigSection section, ConfigSection root, Function<String, Optional<String>> raw,
                              Environment environment) {
        ConfigProblems problems = section.problems();
        // CACHE-1: optional. Without it the stack has no ElastiCache (its ~15 minutes leave the first deploy).
        boolean enabled = section.bool("enabled", true);
        CacheEngine engine = section.choice("engine", CacheEngine.class, CacheEngine.REDIS);
        String version = section.string("engineVersion", engine.defaultVersion());
        if (!engine.versions().contains(version)) {
            problems.add(section.key("engineVersion"), version,
                    "must be one of " + engine.versions() + " for engine " + engine.configValue());
            version = engine.defaultVersion();
        }
        String nodeType = section.string("nodeType", environment.pick("cache.t4g.micro", "cache.r7g.large"));
        if (!NODE_TYPE.matcher(nodeType).matches()) {
            problems.add(section.key("nodeType"), nodeType, "must be a current-generation node type such as "
                    + "cache.t4g.micro, cache.t4g.small, cache.m7g.large or cache.r7g.large");
        }
        int shards = section.integer("shards", 2, 1, 500);
        // Multi-AZ with automatic failover needs a replica in another AZ for every shard.
        int replicas = section.integer("replicasPerShard", 1, 1, 5);
        if (shards * (replicas + 1) > MAX_NODES) {
            problems.add(section.key("shards"), shards, "with " + replicas + " replicas per shard makes "
                    + shards * (replicas + 1) + " nodes; ElastiCache allows " + MAX_NODES + " per cluster by default");
        }
        int snapshots = section.integer("snapshotRetentionDays", environment.pick(0, 7), 0, 35);
        String snapshotWindow = section.string("snapshotWindow", "02:00-03:00");
        String maintenanceWindow = section.string("maintenanceWindow", "sun:06:00-sun:07:00");
        // Without snapshots the snapshot window is unused, so only its syntax matters.
        // ElastiCache maintenance windows last at least an hour (RDS: 30 minutes).
        TimeWindows.validate(section, "snapshotWindow", snapshotWindow, "maintenanceWindow", maintenanceWindow,
                snapshots > 0, 60);
        boolean applyImmediately = section.bool("applyImmediately", environment.pick(true, false));
        TokenUpdate tokenUpdate = section.choice("authTokenUpdateStrategy", TokenUpdate.class, TokenUpdate.ROTATE);
        int generation = section.integer("finalSnapshotGeneration", 1, 1, 999);
        section.rejectUnknownKeys();

        return new CacheSettings(engine, version, nodeType, shards, replicas, snapshots, snapshotWindow,
                maintenanceWindow, applyImmediately, enabled ? authToken(root, raw) : new SecretValue(""), tokenUpdate,
                generation, enabled);
    }

    private static SecretValue authToken(ConfigSection root, Function<String, Optional<String>> raw) {
        return SecretValue.read(root, raw, AUTH_TOKEN_KEY, AUTH_TOKEN, "16-128 characters",
                "must be 16-128 characters of letters, digits and ! & # $ ^ < > - (ElastiCache AUTH rules)");
    }
}
