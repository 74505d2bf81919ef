package com.storefront.data;

import com.storefront.config.AwsTables;
import com.storefront.config.CacheEngine;
import com.storefront.config.CacheSettings;
import com.storefront.config.ConfigProblems;
import com.storefront.config.ConfigSection;
import com.storefront.config.Environment;
import com.storefront.config.SecretValue;
import com.storefront.config.Setting;
import com.storefront.config.SettingGroup;
import com.storefront.config.SettingValues;
import com.storefront.config.TimeWindows;
import com.storefront.config.TokenUpdate;
import com.storefront.config.TsvTable;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** {@code storefront:cache}: declared settings of ElastiCache (CACHE-1, CACHE-2), and their reader. */
public final class CacheConfig {

    public static final String AUTH_TOKEN_KEY = "redisAuthToken";
    /** ElastiCache AUTH: 16-128 printable characters, of the punctuation only ! &amp; # $ ^ &lt; &gt; -. */
    static final Pattern AUTH_TOKEN = Pattern.compile("^[A-Za-z0-9!&#$^<>-]{16,128}$");
    /** ElastiCache's default quota of nodes per cluster (raised to 500 only on request). */
    static final int MAX_NODES = 90;
    /** ElastiCache: a snapshot window lasts at least 60 minutes, and so does a maintenance window. */
    static final int MIN_WINDOW_MINUTES = 60;
    /** Families ElastiCache's node-type page lists for Valkey only. */
    static final java.util.Set<String> VALKEY_ONLY_FAMILIES = java.util.Set.of("m8g", "r8g", "c8gn");

    static final Setting<Boolean> ENABLED = Setting.bool("enabled")
            .doc("`false`: no ElastiCache at all (no Redis endpoint, secret, alarms or panels; `redisAuthToken` not "
                    + "needed), and the first deploy no longer waits the ~12 minutes ElastiCache takes (see the deploy estimate). Switching it "
                    + "off on a running stack deletes the cache: see the runbook")
            .defaultValue(true);
    static final Setting<CacheEngine> ENGINE = Setting.choice("engine", CacheEngine.class)
            .doc("the cache engine, in cluster mode")
            .defaultValue(CacheEngine.REDIS);
    static final Setting<Optional<String>> ENGINE_VERSION = Setting.text(
                    "engineVersion",
                    "in quotes, for redis: " + String.join(", ", CacheEngine.REDIS.versions()) + "; for valkey: "
                            + String.join(", ", CacheEngine.VALKEY.versions()))
            .doc("the engine version")
            .shown(
                    "`" + CacheEngine.REDIS.defaultVersion() + "` (redis), `" + CacheEngine.VALKEY.defaultVersion()
                            + "` (valkey)",
                    "the same")
            .optional();
    static final Setting<String> NODE_TYPE = Setting.text(
                    "nodeType",
                    "a current-generation node type ElastiCache "
                            + "offers (table `elasticache-node-types.tsv`), not r6gd (data tiering is not configured)")
            .rule(CacheConfig::offered)
            .doc("the node type of every shard member")
            .byEnvironment("cache.t4g.micro", "cache.r7g.large");
    static final Setting<Integer> SHARDS = Setting.wholeNumber("shards", 1, 500)
            .doc("node groups; shards × (replicas + 1) ≤ " + MAX_NODES + " (ElastiCache's default node quota)")
            .defaultValue(2);
    static final Setting<Integer> REPLICAS_PER_SHARD = Setting.wholeNumber("replicasPerShard", 1, 5)
            .doc("replicas per shard (Multi-AZ failover needs one per shard)")
            .defaultValue(1);
    static final Setting<Integer> SNAPSHOT_RETENTION_DAYS = Setting.wholeNumber("snapshotRetentionDays", 0, 35)
            .doc("days of automatic snapshots; 0 turns them off")
            .byEnvironment(0, 7);
    static final Setting<String> SNAPSHOT_WINDOW = Setting.text(
                    "snapshotWindow",
                    "hh24:mi-hh24:mi in UTC, at least 60 minutes, not overlapping the maintenance window")
            .doc("the daily snapshot window")
            .defaultValue("02:00-03:00");
    static final Setting<String> MAINTENANCE_WINDOW = Setting.text(
                    "maintenanceWindow", TimeWindows.weeklyFormat(MIN_WINDOW_MINUTES))
            .doc("the weekly maintenance window")
            .defaultValue("sun:06:00-sun:07:00");
    static final Setting<Boolean> APPLY_IMMEDIATELY = Setting.bool("applyImmediately")
            .doc("apply modifications now (`true`) or in the maintenance window")
            .byEnvironment(true, false);
    static final Setting<TokenUpdate> AUTH_TOKEN_UPDATE_STRATEGY = Setting.choice(
                    "authTokenUpdateStrategy", TokenUpdate.class)
            .doc("`ROTATE`: old and new token both valid; `SET`: only the new one (see rotating the token)")
            .defaultValue(TokenUpdate.ROTATE);
    static final Setting<Integer> FINAL_SNAPSHOT_GENERATION = Setting.wholeNumber("finalSnapshotGeneration", 1, 999)
            .doc("part of the final snapshot's name; bump it before a second teardown")
            .defaultValue(1);

    public static final SettingGroup GROUP = new SettingGroup(
            "storefront:cache",
            "ElastiCache (Redis OSS or Valkey)",
            List.of(
                    ENABLED,
                    ENGINE,
                    ENGINE_VERSION,
                    NODE_TYPE,
                    SHARDS,
                    REPLICAS_PER_SHARD,
                    SNAPSHOT_RETENTION_DAYS,
                    SNAPSHOT_WINDOW,
                    MAINTENANCE_WINDOW,
                    APPLY_IMMEDIATELY,
                    AUTH_TOKEN_UPDATE_STRATEGY,
                    FINAL_SNAPSHOT_GENERATION));

    private CacheConfig() {}

    private static boolean offered(String nodeType) {
        TsvTable table = AwsTables.cacheNodeTypes();
        return table.has(nodeType)
                && "true".equals(table.value(nodeType, "current"))
                && !"r6gd".equals(table.value(nodeType, "family"));
    }

    public static CacheSettings read(
            ConfigSection section,
            ConfigSection root,
            Function<String, Optional<String>> raw,
            Environment environment) {
        SettingValues values = new SettingValues(section, environment);
        ConfigProblems problems = section.problems();
        // CACHE-1: optional. Without it the stack has no ElastiCache (its ~15 minutes leave the first deploy).
        boolean enabled = values.read(ENABLED);
        CacheEngine engine = values.read(ENGINE);
        String version = values.read(ENGINE_VERSION).orElse(engine.defaultVersion());
        if (!engine.versions().contains(version)) {
            problems.add(
                    values.key(ENGINE_VERSION),
                    version,
                    "must be one of " + String.join(", ", engine.versions()) + " for engine " + engine.configValue());
            version = engine.defaultVersion();
        }
        values.put(ENGINE_VERSION.name(), version);
        String nodeType = values.read(NODE_TYPE);
        String family = AwsTables.cacheNodeTypes().has(nodeType)
                ? AwsTables.cacheNodeTypes().value(nodeType, "family")
                : "";
        if (engine == CacheEngine.REDIS && VALKEY_ONLY_FAMILIES.contains(family)) {
            problems.add(
                    values.key(NODE_TYPE),
                    nodeType,
                    "is offered for valkey only (ElastiCache lists " + family
                            + " under Valkey, not Redis OSS); set engine: valkey or choose another type "
                            + AwsTables.cacheNodeTypes().citation());
        }
        int shards = values.read(SHARDS);
        int replicas = values.read(REPLICAS_PER_SHARD);
        if (shards * (replicas + 1) > MAX_NODES) {
            problems.add(
                    values.key(SHARDS),
                    shards,
                    "with " + replicas + " replicas per shard makes " + shards * (replicas + 1)
                            + " nodes; ElastiCache allows " + MAX_NODES + " per cluster by default");
        }
        int snapshots = values.read(SNAPSHOT_RETENTION_DAYS);
        String snapshotWindow = values.read(SNAPSHOT_WINDOW);
        String maintenanceWindow = values.read(MAINTENANCE_WINDOW);
        TimeWindows.validate(
                section,
                SNAPSHOT_WINDOW.name(),
                snapshotWindow,
                MAINTENANCE_WINDOW.name(),
                maintenanceWindow,
                snapshots > 0,
                MIN_WINDOW_MINUTES,
                MIN_WINDOW_MINUTES);
        values.read(APPLY_IMMEDIATELY);
        values.put("authTokenUpdate", values.read(AUTH_TOKEN_UPDATE_STRATEGY)).drop(AUTH_TOKEN_UPDATE_STRATEGY);
        values.read(FINAL_SNAPSHOT_GENERATION);
        values.put("authToken", enabled ? authToken(root, raw) : new SecretValue(""));
        section.rejectUnknownKeys();
        return values.build(CacheSettings.class);
    }

    public static final Setting<String> AUTH_TOKEN_SETTING = Setting.declaredOnly(
                    AUTH_TOKEN_KEY,
                    Setting.Kind.SECRET,
                    "16–128 characters: letters, digits and `! & # $ ^ < > -`; set with `--secret`")
            .doc("the Redis AUTH token, stored with the connection details in Secrets Manager for the app")
            .shown("(required with the cache)", "(required with the cache)")
            .defaultValue("");

    private static SecretValue authToken(ConfigSection root, Function<String, Optional<String>> raw) {
        return SecretValue.read(
                root,
                raw,
                AUTH_TOKEN_KEY,
                AUTH_TOKEN,
                "16-128 characters",
                "must be 16-128 characters of letters, digits and ! & # $ ^ < > - (ElastiCache AUTH rules)");
    }
}
