package com.storefront.config;

/**
 * ElastiCache settings (CACHE-1, CACHE-2), validated. The AUTH token comes from the secret config
 * key {@code storefront:redisAuthToken}.
 *
 * @param snapshotRetentionDays   0 turns automatic snapshots off
 * @param finalSnapshotGeneration part of the final snapshot's name; bump it before destroying a protected
 *                                stack a second time (snapshot names must be unique)
 */
public record CacheSettings(
        CacheEngine engine,
        String engineVersion,
        String nodeType,
        int shards,
        int replicasPerShard,
        int snapshotRetentionDays,
        String snapshotWindow,
        String maintenanceWindow,
        boolean applyImmediately,
        SecretValue authToken,
        TokenUpdate authTokenUpdate,
        int finalSnapshotGeneration,
        boolean enabled) {

    public static final int PORT = 6379;

    public String parameterGroupName() {
        return engine.clusterModeParameterGroup(engineVersion);
    }
}
