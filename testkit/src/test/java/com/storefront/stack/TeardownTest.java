package com.storefront.stack;

import com.pulumi.aws.backup.Vault;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.secretsmanager.SecretRotation;
import com.storefront.plan.ChangeImpact;
import com.storefront.plan.PolicyRules;
import com.storefront.plan.Registered;
import com.storefront.plan.ReplacementRules;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CFG-5: the two ways a stack is removed, and the day-2 step from a protected prod stack to its removal. */
class TeardownTest {

    /** Prod, unprotected for its removal: the default teardown is decommission. */
    private static StackRun decommission() {
        return StackRun.ofStackFile(Stacks.PROD_FILE, Map.of("storefront:protect", "false"));
    }

    /** Prod-shaped (DR on), force-deleted: what a full test stack does. */
    private static StackRun forceDelete() {
        return StackRun.ofStackFile(
                Stacks.PROD_FILE,
                Map.of(
                        "storefront:protect",
                        "false",
                        "storefront:teardown",
                        "forceDelete",
                        "storefront:api",
                        "{\"cloudWatchRoleArn\":\"arn:aws:iam::123456789012:role/api-gateway-logs\"}"));
    }

    @Test
    void aDecommissionKeepsFinalSnapshotsTheVaultsAndTheirKeys() {
        StackRun run = decommission();
        Registered aurora = run.one(Types.of(Cluster.class), "database-aurora");
        assertFalse(aurora.bool("deletionProtection"), "unprotected, so destroy can delete the cluster");
        assertFalse(aurora.bool("skipFinalSnapshot"));
        assertEquals("storefront-aurora-final-g1-prod", aurora.string("finalSnapshotIdentifier"));
        assertEquals(
                "storefront-redis-final-g1-prod",
                run.one(Types.of(ReplicationGroup.class), "cache-redis").string("finalSnapshotIdentifier"));
        for (String vault : List.of("dr-primary-backup-vault", "dr-backup-vault")) {
            Registered v = run.one(Types.of(Vault.class), vault);
            assertFalse(v.bool("forceDestroy"), vault + " keeps its recovery points (the DR copies included)");
            assertTrue(v.retainOnDelete(), vault + " stays when the stack goes");
        }
        // The keys of everything kept stay; the us-east-1 key only encrypted WAF logs.
        assertTrue(run.one(Types.of(Key.class), "encryption-key").retainOnDelete(), "Aurora, Redis, primary vault");
        assertTrue(run.one(Types.of(Key.class), "encryption-dr-key").retainOnDelete(), "the DR copies");
        assertFalse(run.one(Types.of(Key.class), "encryption-us-east-1-key").retainOnDelete());
        assertTrue(run.resources().stream().noneMatch(Registered::protect), "nothing stops pulumi destroy");
        assertEquals(List.of(), PolicyRules.Rule.PROTECTION.violations(run.plan()));
    }

    @Test
    void aForceDeleteLeavesNothingBehind() {
        for (StackRun run : List.of(forceDelete(), Stacks.dev())) {
            Registered aurora = run.one(Types.of(Cluster.class), "database-aurora");
            assertTrue(aurora.bool("skipFinalSnapshot"));
            assertTrue(aurora.input("finalSnapshotIdentifier").isEmpty());
            assertTrue(run.one(Types.of(ReplicationGroup.class), "cache-redis")
                    .input("finalSnapshotIdentifier")
                    .isEmpty());
            run.ofType(Types.of(Vault.class)).forEach(v -> assertTrue(v.bool("forceDestroy"), v.name()));
            run.ofType(Types.of(BucketV2.class)).forEach(b -> assertTrue(b.bool("forceDestroy"), b.name()));
            run.ofType(Types.of(Key.class)).forEach(k -> assertEquals(7.0, k.number("deletionWindowInDays"), k.name()));
            // Only what is gone with its parent anyway (the rotation of the RDS-owned secret) is retained.
            Set<String> retained = run.resources().stream()
                    .filter(Registered::retainOnDelete)
                    .map(Registered::type)
                    .collect(Collectors.toSet());
            assertTrue(Set.of(Types.of(SecretRotation.class)).containsAll(retained), retained.toString());
            assertTrue(run.resources().stream().noneMatch(Registered::protect));
            assertEquals(List.of(), PolicyRules.Rule.PROTECTION.violations(run.plan()));
        }
        assertFalse(forceDelete().ofType(Types.of(Vault.class)).isEmpty(), "the DR vaults are exercised");
    }

    /** Day 2: unprotecting prod for its removal changes protection only; the data it keeps stays kept. */
    @Test
    void unprotectingProdKeepsEverythingItWillKeep() {
        ChangeImpact impact =
                ChangeImpact.between(Stacks.prod().plan(), decommission().plan(), ReplacementRules.load());
        assertTrue(
                impact.changes().stream().noneMatch(c -> c.action() != ChangeImpact.Action.UPDATE),
                impact.changes().toString());
        Set<String> changed = impact.changes().stream()
                .flatMap(c -> c.inputs().stream().map(i -> c.type() + " " + c.name() + " " + i.name()))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertTrue(changed.contains("aws:rds/cluster:Cluster database-aurora deletionProtection"), changed.toString());
        assertTrue(
                changed.stream()
                        .noneMatch(c -> c.endsWith("skipFinalSnapshot")
                                || c.endsWith("finalSnapshotIdentifier")
                                || c.endsWith("forceDestroy") && c.contains("backup/vault")),
                changed.toString());
    }
}
