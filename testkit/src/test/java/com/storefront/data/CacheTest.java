package com.storefront.data;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.elasticache.SubnetGroup;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.storefront.plan.Json;
import com.storefront.plan.Registered;
import com.storefront.plan.StackConfig;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CACHE-1, CACHE-2 on what the program registers. */
class CacheTest {

    private static final String GROUP = Types.of(ReplicationGroup.class);
    private static final String TOKEN = StackConfig.SECRET_PLACEHOLDERS.get("storefront:redisAuthToken");

    private static Registered group(StackRun run) {
        return run.one(GROUP, "cache-redis");
    }

    @Test
    void clusterModeWithShardsReplicasFailoverAndMultiAz() {
        for (StackRun run : List.of(Stacks.dev(), Stacks.prod())) {
            Registered group = group(run);
            assertEquals("enabled", group.string("clusterMode"));
            assertEquals(2.0, group.number("numNodeGroups"));
            assertEquals(1.0, group.number("replicasPerNodeGroup"));
            assertTrue(group.input("numCacheClusters").isEmpty(), "conflicts with cluster mode");
            assertTrue(group.bool("automaticFailoverEnabled"));
            assertTrue(group.bool("multiAzEnabled"));
            assertEquals("redis", group.string("engine"));
            assertEquals("7.1", group.string("engineVersion"));
            assertEquals("default.redis7.cluster.on", group.string("parameterGroupName"));
            assertFalse(group.string("description").isBlank());
            assertTrue(group.string("replicationGroupId").length() <= 40);
        }
        assertEquals("cache.t4g.micro", group(Stacks.dev()).string("nodeType"));
        assertEquals("cache.r7g.large", group(Stacks.prod()).string("nodeType"));
    }

    @Test
    void valkeyUsesItsOwnClusterModeParameterGroup() {
        Registered group = group(Stacks.devProvisionedValkey());
        assertEquals("valkey", group.string("engine"));
        assertEquals("8.0", group.string("engineVersion"));
        assertEquals("default.valkey8.cluster.on", group.string("parameterGroupName"));
        assertEquals(3.0, group.number("numNodeGroups"));
        assertEquals(2.0, group.number("replicasPerNodeGroup"));
        assertTrue(group.bool("transitEncryptionEnabled"), "valkey needs the transit setting explicit");
    }

    @Test
    void encryptedInTransitAndAtRestWithAuth() {
        StackRun run = Stacks.prod();
        Registered group = group(run);
        assertTrue(group.bool("transitEncryptionEnabled"));
        assertTrue(group.bool("atRestEncryptionEnabled"));
        assertEquals(run.output("kmsKeyArn"), group.string("kmsKeyId"));
        assertEquals(TOKEN, group.string("authToken"));
        assertTrue(group.secretInputs().contains("authToken"), "the token travels as a Pulumi secret");
        assertEquals("ROTATE", group.string("authTokenUpdateStrategy"));
        assertEquals(
                "SET",
                group(StackRun.ofStackFile(
                                Stacks.PROD_FILE,
                                Map.of(
                                        "storefront:cache",
                                        "{\"authTokenUpdateStrategy\":\"SET\",\"finalSnapshotGeneration\":2}")))
                        .string("authTokenUpdateStrategy"),
                "the second step of a rotation retires the old token");
        assertEquals(
                "storefront-redis-final-g2-prod",
                group(StackRun.ofStackFile(
                                Stacks.PROD_FILE,
                                Map.of(
                                        "storefront:cache",
                                        "{\"authTokenUpdateStrategy\":\"SET\",\"finalSnapshotGeneration\":2}")))
                        .string("finalSnapshotIdentifier"));
    }

    @Test
    void slowLogGoesToAnEncryptedLogGroup() {
        StackRun run = Stacks.dev();
        Registered logs = run.one(Types.of(LogGroup.class), "cache-slow-log");
        assertEquals("/aws/elasticache/storefront-redis-dev/slow-log", logs.string("name"));
        assertEquals(14.0, logs.number("retentionInDays"));
        assertEquals(run.output("kmsKeyArn"), logs.string("kmsKeyId"));
        assertEquals(
                List.of(Map.of(
                        "destination",
                        logs.string("name"),
                        "destinationType",
                        "cloudwatch-logs",
                        "logFormat",
                        "json",
                        "logType",
                        "slow-log")),
                group(run).list("logDeliveryConfigurations"));
    }

    @Test
    void devHasNoSnapshotsAndIsDestroyable() {
        Registered group = group(Stacks.dev());
        assertEquals(0.0, group.number("snapshotRetentionLimit"));
        assertTrue(group.input("snapshotWindow").isEmpty());
        assertTrue(group.input("finalSnapshotIdentifier").isEmpty());
        assertTrue(group.bool("applyImmediately"));
        assertFalse(group.protect());
    }

    @Test
    void prodKeepsSnapshotsAndIsProtected() {
        Registered group = group(Stacks.prod());
        assertEquals(7.0, group.number("snapshotRetentionLimit"));
        assertEquals("02:00-03:00", group.string("snapshotWindow"));
        assertEquals("sun:06:00-sun:07:00", group.string("maintenanceWindow"));
        assertEquals("storefront-redis-final-g1-prod", group.string("finalSnapshotIdentifier"));
        assertFalse(group.bool("applyImmediately"));
        assertTrue(group.protect());
    }

    @Test
    void subnetGroupSpansTheDataSubnets() {
        StackRun run = Stacks.prod();
        Registered subnets = run.one(Types.of(SubnetGroup.class), "cache-subnets");
        assertEquals(run.output("dataSubnetIds"), subnets.list("subnetIds"));
        assertEquals(subnets.id(), group(run).string("subnetGroupName"));
    }

    @Test
    void onlyTheAppSecurityGroupReachesPort6379() {
        StackRun run = Stacks.prod();
        assertEquals(
                List.of(run.one(Types.of(SecurityGroup.class), "cache-sg-cache").id()),
                group(run).list("securityGroupIds"));
        DataStoreAssertions.onlyAppReaches(run, "cache", "cache", 6379);
    }

    @Test
    void connectionSecretHoldsWhatTheAppNeeds() {
        StackRun run = Stacks.prod();
        Registered secret = run.one(Types.of(Secret.class), "cache-connection-secret");
        assertEquals("storefront-redis-connection-prod", secret.string("name"));
        assertEquals(run.output("kmsKeyArn"), secret.string("kmsKeyId"));
        assertEquals(30.0, secret.number("recoveryWindowInDays"));
        assertEquals(run.output("redisSecretArn"), secret.id());

        Registered value = run.one(Types.of(SecretVersion.class), "cache-connection-secret-value");
        assertEquals(secret.id(), value.string("secretId"));
        assertTrue(value.secretInputs().contains("secretString"));
        Map<String, Object> json = Json.parse(value.string("secretString"));
        assertEquals(run.output("redisConfigurationEndpoint"), json.get("host"));
        assertEquals(6379.0, json.get("port"));
        assertEquals(true, json.get("tls"));
        assertEquals(true, json.get("clusterMode"));
        assertEquals(TOKEN, json.get("authToken"));
    }

    @Test
    void devSecretsAreDeletedWithoutARecoveryWindow() {
        StackRun run = Stacks.dev();
        for (Registered secret : run.ofType(Types.of(Secret.class))) {
            assertEquals(0.0, secret.number("recoveryWindowInDays"), secret + " would block re-creating the stack");
        }
    }

    /** CACHE-1: a stack without Redis has no ElastiCache and no Redis wiring anywhere. */
    @Test
    void aStackWithoutTheCacheHasNoElastiCacheAndNoRedisWiring() {
        StackRun run = com.storefront.testing.Stacks.devWithoutCache();
        assertTrue(run.where(
                        r -> r.type().startsWith("aws:elasticache/") || r.type().equals(Cache.TYPE))
                .isEmpty());
        assertTrue(run.ofType(Types.of(Secret.class)).stream()
                .noneMatch(s -> s.name().equals("cache-connection-secret")));
        @SuppressWarnings("unchecked")
        Map<String, Object> container = (Map<String, Object>) Json.parseList(
                        run.one(Types.of(TaskDefinition.class), "api-task").string("containerDefinitions"))
                .get(0);
        assertTrue(String.valueOf(container.get("environment")).contains("DB_HOST"));
        assertFalse(String.valueOf(container.get("environment")).contains("REDIS"), "no Redis endpoint to point at");
        assertFalse(String.valueOf(container.get("secrets")).contains("REDIS_AUTH_TOKEN"));
        assertTrue(run.ofType(Types.of(MetricAlarm.class)).stream()
                .noneMatch(a -> a.name().contains("redis")));
        assertFalse(run.one(Types.of(Dashboard.class), "monitoring-dashboard")
                .string("dashboardBody")
                .contains("Redis"));
        assertTrue(run.outputs().keySet().stream().noneMatch(k -> k.startsWith("redis")));
    }
}
