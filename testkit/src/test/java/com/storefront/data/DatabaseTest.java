package com.storefront.data;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterInstance;
import com.pulumi.aws.rds.ClusterParameterGroup;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.secretsmanager.SecretRotation;
import com.storefront.plan.Registered;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DB-1..DB-5 on what the program registers. */
class DatabaseTest {

    private static final String CLUSTER = Types.of(Cluster.class);
    private static final String INSTANCE = Types.of(ClusterInstance.class);

    private static Registered cluster(StackRun run) {
        return run.one(CLUSTER, "database-aurora");
    }

    @Test
    void serverlessV2OnTheProvisionedEngineMode() {
        for (StackRun run : List.of(Stacks.dev(), Stacks.prod())) {
            Registered cluster = cluster(run);
            assertEquals("aurora-postgresql", cluster.string("engine"));
            assertEquals("provisioned", cluster.string("engineMode"), "serverless would be the retired v1");
            assertEquals("16.6", cluster.string("engineVersion"));
            for (Registered instance : run.ofType(INSTANCE)) {
                assertEquals("db.serverless", instance.string("instanceClass"));
                assertEquals(cluster.string("engine"), instance.string("engine"));
                assertEquals(cluster.string("engineVersion"), instance.string("engineVersion"));
                assertEquals(cluster.string("clusterIdentifier"), instance.string("clusterIdentifier"));
                assertFalse(instance.bool("publiclyAccessible"));
                assertFalse(instance.bool("autoMinorVersionUpgrade"), "version drift would make Pulumi downgrade");
            }
        }
    }

    @Test
    void devAutoPausesAtZeroAcu() {
        Registered cluster = cluster(Stacks.dev());
        assertEquals(
                Map.of("minCapacity", 0.0, "maxCapacity", 2.0, "secondsUntilAutoPause", 600.0),
                cluster.map("serverlessv2ScalingConfiguration"));
    }

    @Test
    void prodScalesWithoutAutoPause() {
        assertEquals(
                Map.of("minCapacity", 0.5, "maxCapacity", 8.0),
                cluster(Stacks.prod()).map("serverlessv2ScalingConfiguration"));
    }

    @Test
    void provisionedClassHasNoServerlessScaling() {
        StackRun run = Stacks.devProvisionedValkey();
        assertTrue(cluster(run).input("serverlessv2ScalingConfiguration").isEmpty());
        assertEquals(3, run.ofType(INSTANCE).size());
        run.ofType(INSTANCE).forEach(i -> assertEquals("db.t4g.medium", i.string("instanceClass")));
    }

    @Test
    void devHasOneWriterProdHasAReaderInAnotherAz() {
        StackRun dev = Stacks.dev();
        assertEquals(
                List.of("database-aurora-writer"),
                dev.ofType(INSTANCE).stream().map(Registered::name).toList());

        StackRun prod = Stacks.prod();
        Registered writer = prod.one(INSTANCE, "database-aurora-writer");
        Registered reader = prod.one(INSTANCE, "database-aurora-reader-1");
        assertEquals("us-east-2a", writer.string("availabilityZone"));
        assertEquals("us-east-2b", reader.string("availabilityZone"));
        assertEquals(0.0, writer.number("promotionTier"));
        assertEquals(1.0, reader.number("promotionTier"));
    }

    @Test
    void readersWrapAroundTheAzs() {
        StackRun run = Stacks.devProvisionedValkey();
        assertEquals("us-west-2a", run.one(INSTANCE, "database-aurora-reader-2").string("availabilityZone"));
    }

    @Test
    void storageIsEncryptedWithTheCmkAndTlsIsEnforced() {
        for (StackRun run : List.of(Stacks.dev(), Stacks.prod())) {
            Registered cluster = cluster(run);
            assertTrue(cluster.bool("storageEncrypted"));
            assertEquals(run.output("kmsKeyArn"), cluster.string("kmsKeyId"));
            Registered parameters = run.one(Types.of(ClusterParameterGroup.class), "database-db-cluster-parameters");
            assertEquals("aurora-postgresql16", parameters.string("family"));
            assertEquals(
                    List.of(Map.of("name", "rds.force_ssl", "value", "1", "applyMethod", "immediate")),
                    parameters.list("parameters"));
            assertEquals(parameters.id(), cluster.string("dbClusterParameterGroupName"));
            assertTrue(parameters.string("namePrefix").startsWith("storefront-aurora-pg16-"));
        }
    }

    @Test
    void masterPasswordIsManagedByRdsWithTheCmkAndRotatedEvery30Days() {
        StackRun run = Stacks.prod();
        Registered cluster = cluster(run);
        assertTrue(cluster.bool("manageMasterUserPassword"));
        assertTrue(cluster.input("masterPassword").isEmpty(), "no password in code, config or state");
        assertEquals(run.output("kmsKeyArn"), cluster.string("masterUserSecretKmsKeyId"));

        Registered rotation = run.one(Types.of(SecretRotation.class), "database-db-master-rotation");
        assertTrue(rotation.string("secretId").contains(":secret:rds!cluster-"), "the RDS-managed secret");
        assertEquals(run.output("dbSecretArn"), rotation.string("secretId"));
        assertEquals(Map.of("automaticallyAfterDays", 30.0), rotation.map("rotationRules"));
        assertTrue(rotation.input("rotationLambdaArn").isEmpty(), "RDS rotates its managed secret itself");
        assertFalse(rotation.bool("rotateImmediately"));
        assertTrue(rotation.dependencies()
                .contains(run.one(INSTANCE, "database-aurora-writer").urn()));
        assertTrue(rotation.retainOnDelete(), "RDS deletes its secret with the cluster; no cancel call on destroy");
    }

    @Test
    void backupsLogsAndIamAuth() {
        StackRun run = Stacks.prod();
        Registered cluster = cluster(run);
        assertEquals(14.0, cluster.number("backupRetentionPeriod"));
        assertEquals("03:00-04:00", cluster.string("preferredBackupWindow"));
        assertEquals("sun:05:00-sun:06:00", cluster.string("preferredMaintenanceWindow"));
        assertTrue(cluster.bool("copyTagsToSnapshot"));
        assertTrue(cluster.bool("iamDatabaseAuthenticationEnabled"));
        assertEquals(List.of("postgresql"), cluster.list("enabledCloudwatchLogsExports"));
        assertEquals(7.0, cluster(Stacks.dev()).number("backupRetentionPeriod"));

        Registered logs = run.one(Types.of(LogGroup.class), "database-db-postgresql-logs");
        assertEquals("/aws/rds/cluster/storefront-aurora-prod/postgresql", logs.string("name"));
        assertEquals(30.0, logs.number("retentionInDays"));
        assertEquals(run.output("kmsKeyArn"), logs.string("kmsKeyId"));
        assertTrue(cluster.dependencies().contains(logs.urn()), "the log group exists before RDS would create it");
    }

    @Test
    void performanceInsightsInProdOnly() {
        for (Registered instance : Stacks.prod().ofType(INSTANCE)) {
            assertTrue(instance.bool("performanceInsightsEnabled"));
            assertEquals(Stacks.prod().output("kmsKeyArn"), instance.string("performanceInsightsKmsKeyId"));
            assertEquals(7.0, instance.number("performanceInsightsRetentionPeriod"));
        }
        for (Registered instance : Stacks.dev().ofType(INSTANCE)) {
            assertFalse(instance.bool("performanceInsightsEnabled"));
        }
    }

    @Test
    void devIsDestroyable() {
        StackRun run = Stacks.dev();
        Registered cluster = cluster(run);
        assertTrue(cluster.bool("skipFinalSnapshot"));
        assertFalse(cluster.bool("deletionProtection"));
        assertTrue(cluster.input("finalSnapshotIdentifier").isEmpty());
        assertTrue(cluster.bool("applyImmediately"));
        assertFalse(cluster.protect());
    }

    @Test
    void prodKeepsItsData() {
        StackRun run = Stacks.prod();
        Registered cluster = cluster(run);
        assertFalse(cluster.bool("skipFinalSnapshot"));
        assertTrue(cluster.bool("deletionProtection"));
        assertEquals("storefront-aurora-final-g1-prod", cluster.string("finalSnapshotIdentifier"));
        assertEquals(
                "storefront-aurora-final-g2-prod",
                cluster(StackRun.ofStackFile(
                                Stacks.PROD_FILE, Map.of("storefront:database", "{\"finalSnapshotGeneration\":2}")))
                        .string("finalSnapshotIdentifier"),
                "a second teardown needs a new snapshot name");
        assertTrue(cluster.protect());
        run.ofType(INSTANCE).forEach(i -> assertTrue(i.protect(), i + " is protected"));
    }

    @Test
    void subnetGroupSpansTheDataSubnets() {
        StackRun run = Stacks.prod();
        Registered subnets = run.one(Types.of(SubnetGroup.class), "database-db-subnets");
        assertEquals(run.output("dataSubnetIds"), subnets.list("subnetIds"));
        assertEquals(subnets.id(), cluster(run).string("dbSubnetGroupName"));
    }

    @Test
    void onlyTheAppSecurityGroupReachesPort5432() {
        StackRun run = Stacks.dev();
        Registered sg = run.one(Types.of(SecurityGroup.class), "database-sg-db");
        assertEquals(List.of(sg.id()), cluster(run).list("vpcSecurityGroupIds"));
        DataStoreAssertions.onlyAppReaches(run, "database", "db", 5432);
    }

    /** Day 2: major upgrades are possible in place; extended support is chosen once, at creation. */
    @Test
    void upgradesAndTheSupportLifecycle() {
        Registered cluster = com.storefront.testing.Stacks.prod().one(Types.of(Cluster.class), "database-aurora");
        assertTrue(cluster.bool("allowMajorVersionUpgrade"), "AWS refuses a major engineVersion change without it");
        assertEquals("open-source-rds-extended-support-disabled", cluster.string("engineLifecycleSupport"));
        assertTrue(
                cluster.ignoreChanges().contains("engineLifecycleSupport"),
                "the provider never sends it on an update: a change would diff on every up");
    }
}
