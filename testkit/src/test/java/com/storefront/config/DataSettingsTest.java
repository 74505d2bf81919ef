package com.storefront.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static com.storefront.config.ConfigFixtures.load;
import static com.storefront.config.ConfigFixtures.minimal;
import static com.storefront.config.ConfigFixtures.onlyProblem;
import static com.storefront.config.ConfigFixtures.prodMinimal;
import static com.storefront.config.ConfigFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Defaults and one test per validation rule for {@code storefront:database}, {@code storefront:cache} and the AUTH token. */
class DataSettingsTest {

    private static Map<String, String> database(String json) {
        return with(minimal(), "storefront:database", json);
    }

    private static Map<String, String> cache(String json) {
        return with(minimal(), "storefront:cache", json);
    }

    @Test
    void databaseDefaults() {
        DatabaseSettings dev = load(minimal()).database();
        assertEquals("16.6", dev.engineVersion().toString());
        assertTrue(dev.serverless());
        assertEquals(0.5, dev.minAcu());
        assertEquals(1.0, dev.maxAcu());
        assertFalse(dev.autoPause());
        assertEquals(0, dev.readers());
        assertEquals(7, dev.backupRetentionDays());
        assertEquals(30, dev.rotationDays());
        assertFalse(dev.performanceInsights());
        assertTrue(dev.applyImmediately());

        DatabaseSettings prod = load(prodMinimal()).database();
        assertEquals(1, prod.readers());
        assertEquals(14, prod.backupRetentionDays());
        assertTrue(prod.performanceInsights());
        assertFalse(prod.applyImmediately());
    }

    @Test
    void zeroMinimumTurnsOnAutoPause() {
        assertTrue(load(database("{\"minAcu\":0}")).database().autoPause());
    }

    @Test
    void minAcuMustNotExceedMaxAcu() {
        onlyProblem(database("{\"minAcu\":4,\"maxAcu\":2}"), "storefront:database.minAcu", "must not exceed");
    }

    @Test
    void acuComesInHalfSteps() {
        onlyProblem(database("{\"maxAcu\":2.25}"), "storefront:database.maxAcu", "multiple of 0.5");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5", "300", "-1"})
    void maxAcuIsOneTo256(String value) {
        onlyProblem(database("{\"maxAcu\":" + value + "}"), "storefront:database.maxAcu", "from 1 to 256");
    }

    @Test
    void autoPauseNeedsARecentEngineVersion() {
        onlyProblem(database("{\"engineVersion\":\"16.2\",\"minAcu\":0}"), "storefront:database.minAcu", "16.3");
        assertTrue(load(database("{\"engineVersion\":\"16.2\",\"minAcu\":0.5}"))
                .database()
                .serverless());
    }

    @Test
    void serverlessNeedsASupportingEngineVersion() {
        onlyProblem(
                database("{\"engineVersion\":\"13.4\"}"),
                "storefront:database.engineVersion",
                "does not support Serverless v2");
        assertEquals(
                "13.4",
                load(database("{\"engineVersion\":\"13.4\",\"instanceClass\":\"db.r6g.large\"}"))
                        .database()
                        .engineVersion()
                        .toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12.9", "16", "latest", "16.6.1"})
    void engineVersionMustBeASupportedMajorMinor(String version) {
        onlyProblem(
                database("{\"engineVersion\":\"" + version + "\"}"),
                "storefront:database.engineVersion",
                "major.minor");
    }

    @Test
    void parameterGroupFamilyFollowsTheMajorVersion() {
        assertEquals(
                "aurora-postgresql15",
                load(database("{\"engineVersion\":\"15.8\"}"))
                        .database()
                        .engineVersion()
                        .parameterGroupFamily());
    }

    @ParameterizedTest
    @ValueSource(strings = {"t4g.medium", "db.t4g", "DB.T4G.MEDIUM", "db.t3.micro", "db.t4g.small", "db.m1.small"})
    void instanceClassSyntax(String value) {
        onlyProblem(
                database("{\"instanceClass\":\"" + value + "\"}"),
                "storefront:database.instanceClass",
                "db.serverless");
    }

    @Test
    void secondsUntilAutoPauseIs300To86400() {
        onlyProblem(
                database("{\"minAcu\":0,\"secondsUntilAutoPause\":60}"),
                "storefront:database.secondsUntilAutoPause",
                "from 300 to 86400");
    }

    @Test
    void readersZeroToFifteen() {
        onlyProblem(database("{\"readers\":16}"), "storefront:database.readers", "from 0 to 15");
    }

    @Test
    void backupRetentionOneTo35() {
        onlyProblem(database("{\"backupRetentionDays\":0}"), "storefront:database.backupRetentionDays", "from 1 to 35");
    }

    @Test
    void rotationDaysOneTo365() {
        onlyProblem(database("{\"rotationDays\":400}"), "storefront:database.rotationDays", "from 1 to 365");
    }

    @ParameterizedTest
    @ValueSource(strings = {"3:00-4:00", "03:00-03:15", "03:00"})
    void backupWindowFormatAndLength(String window) {
        onlyProblem(
                database("{\"backupWindow\":\"" + window + "\"}"),
                "storefront:database.backupWindow",
                "hh24:mi-hh24:mi");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sun:05:00-Sun:06:00", "sun:05:00-sun:05:10", "sunday 05:00"})
    void maintenanceWindowFormatAndLength(String window) {
        onlyProblem(
                database("{\"maintenanceWindow\":\"" + window + "\"}"),
                "storefront:database.maintenanceWindow",
                "ddd:hh24:mi-ddd:hh24:mi");
    }

    @Test
    void backupWindowMustNotOverlapMaintenance() {
        onlyProblem(
                database("{\"backupWindow\":\"05:30-06:30\"}"), "storefront:database.backupWindow", "must not overlap");
        onlyProblem(
                database("{\"backupWindow\":\"23:30-00:30\",\"maintenanceWindow\":\"mon:00:00-mon:01:00\"}"),
                "storefront:database.backupWindow",
                "must not overlap");
    }

    @Test
    void identifiersFollowPostgresRules() {
        onlyProblem(
                database("{\"databaseName\":\"store-front\"}"),
                "storefront:database.databaseName",
                "a letter, then letters");
        onlyProblem(database("{\"masterUsername\":\"rdsadmin\"}"), "storefront:database.masterUsername", "reserved");
    }

    @Test
    void cacheDefaults() {
        CacheSettings dev = load(minimal()).cache();
        assertEquals(CacheEngine.REDIS, dev.engine());
        assertEquals("7.1", dev.engineVersion());
        assertEquals("cache.t4g.micro", dev.nodeType());
        assertEquals(2, dev.shards());
        assertEquals(1, dev.replicasPerShard());
        assertEquals(0, dev.snapshotRetentionDays());
        assertEquals("default.redis7.cluster.on", dev.parameterGroupName());

        CacheSettings prod = load(prodMinimal()).cache();
        assertEquals("cache.r7g.large", prod.nodeType());
        assertEquals(7, prod.snapshotRetentionDays());
    }

    @Test
    void cacheEngineAndVersion() {
        onlyProblem(cache("{\"engine\":\"memcached\"}"), "storefront:cache.engine", "redis, valkey");
        onlyProblem(
                cache("{\"engine\":\"valkey\",\"engineVersion\":\"7.1\"}"),
                "storefront:cache.engineVersion",
                "7.2, 8.0, 8.1");
        assertEquals(
                "default.valkey7.cluster.on",
                load(cache("{\"engine\":\"valkey\",\"engineVersion\":\"7.2\"}"))
                        .cache()
                        .parameterGroupName());
    }

    @Test
    void cacheMaintenanceWindowsLastAnHour() {
        onlyProblem(
                cache("{\"maintenanceWindow\":\"sun:06:00-sun:06:30\"}"),
                "storefront:cache.maintenanceWindow",
                "60 minutes");
    }

    @Test
    void cacheNodeCountStaysWithinTheDefaultQuota() {
        onlyProblem(cache("{\"shards\":46,\"replicasPerShard\":1}"), "storefront:cache.shards", "90 per cluster");
        assertEquals(
                45,
                load(cache("{\"shards\":45,\"replicasPerShard\":1}")).cache().shards());
    }

    @Test
    void tokenUpdateStrategy() {
        assertEquals(TokenUpdate.ROTATE, load(minimal()).cache().authTokenUpdate());
        onlyProblem(
                cache("{\"authTokenUpdateStrategy\":\"DELETE\"}"),
                "storefront:cache.authTokenUpdateStrategy",
                "ROTATE, SET");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cache.t2.micro", "t4g.micro", "cache.m3.medium", "cache.r6gd.xlarge"})
    void nodeTypeMustBeCurrentGeneration(String nodeType) {
        onlyProblem(cache("{\"nodeType\":\"" + nodeType + "\"}"), "storefront:cache.nodeType", "current-generation");
    }

    @Test
    void shardsAndReplicas() {
        onlyProblem(cache("{\"shards\":0}"), "storefront:cache.shards", "from 1 to 500");
        onlyProblem(cache("{\"replicasPerShard\":0}"), "storefront:cache.replicasPerShard", "from 1 to 5");
        onlyProblem(cache("{\"replicasPerShard\":6}"), "storefront:cache.replicasPerShard", "from 1 to 5");
    }

    @Test
    void snapshotRetentionAndWindow() {
        onlyProblem(cache("{\"snapshotRetentionDays\":36}"), "storefront:cache.snapshotRetentionDays", "from 0 to 35");
        onlyProblem(
                cache("{\"snapshotRetentionDays\":1,\"snapshotWindow\":\"06:00-07:00\","
                        + "\"maintenanceWindow\":\"sun:06:30-sun:07:30\"}"),
                "storefront:cache.snapshotWindow",
                "must not overlap");
    }

    @Test
    void authTokenIsRequired() {
        onlyProblem(
                with(minimal(), "storefront:redisAuthToken", null),
                "storefront:redisAuthToken",
                "pulumi config set --secret");
    }

    @Test
    void authTokenFollowsElastiCacheRulesWithoutEchoingIt() {
        String bad = "has spaces and @ signs in it";
        ConfigProblems.Problem problem = onlyProblem(
                with(minimal(), "storefront:redisAuthToken", bad), "storefront:redisAuthToken", "! & # $ ^ < > -");
        assertEquals("(secret, 28 characters)", problem.value());
        ConfigValidationException e = assertThrows(
                ConfigValidationException.class, () -> load(with(minimal(), "storefront:redisAuthToken", "short")));
        assertFalse(e.getMessage().contains("short"), "the secret never appears in the message");
    }

    @Test
    void secretValueNeverPrintsItself() {
        assertEquals("[secret]", load(minimal()).cache().authToken().toString());
    }

    /** A minor upgrade AWS forced is declared, not reverted; a configured upgrade still applies; a major jump is an error. */
    @Test
    void theRunningMinorVersionWinsOverAnOlderConfiguredOne() {
        assertEquals(
                "16.8",
                load(database("{\"engineVersion\":\"16.6\",\"runningEngineVersion\":\"16.8\"}"))
                        .database()
                        .engineVersion()
                        .toString());
        assertEquals(
                "16.9",
                load(database("{\"engineVersion\":\"16.9\",\"runningEngineVersion\":\"16.8\"}"))
                        .database()
                        .engineVersion()
                        .toString(),
                "the configured upgrade");
        assertEquals(
                "17.4",
                load(database("{\"engineVersion\":\"17.4\",\"runningEngineVersion\":\"16.8\"}"))
                        .database()
                        .engineVersion()
                        .toString(),
                "a configured major upgrade");
        onlyProblem(
                database("{\"engineVersion\":\"16.6\",\"runningEngineVersion\":\"17.5\"}"),
                "storefront:database.engineVersion",
                "AWS upgraded it");
        onlyProblem(
                database("{\"engineVersion\":\"16.6\",\"runningEngineVersion\":\"sixteen\"}"),
                "storefront:database.runningEngineVersion",
                "major.minor");
    }

    @Test
    void extendedSupportIsOffUnlessAsked() {
        assertEquals(false, load(minimal()).database().extendedSupport());
        assertEquals(
                true, load(database("{\"extendedSupport\":true}")).database().extendedSupport());
    }

    /** CACHE-1: the cache is optional, and without it the Redis AUTH token is not asked for. */
    @Test
    void theCacheIsOptionalAndItsTokenOnlyNeededWithIt() {
        assertTrue(load(minimal()).cache().enabled());
        Map<String, String> noToken = new java.util.LinkedHashMap<>(minimal());
        noToken.remove("storefront:redisAuthToken");
        assertFalse(load(with(noToken, "storefront:cache", "{\"enabled\":false}"))
                .cache()
                .enabled());
        onlyProblem(noToken, "storefront:redisAuthToken", "secret");
    }
}
