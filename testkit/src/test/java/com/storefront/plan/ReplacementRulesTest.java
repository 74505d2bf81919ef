package com.storefront.plan;

import com.pulumi.aws.backup.Vault;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterInstance;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.secretsmanager.Secret;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table of replacement-forcing inputs covers the program and names real inputs. */
class ReplacementRulesTest {

    private static final ReplacementRules RULES = ReplacementRules.load();

    @Test
    void everyTypeTheProgramRegistersIsInTheTable() {
        Set<String> registered = new TreeSet<>();
        Stacks.all()
                .values()
                .forEach(run -> run.resources().stream()
                        .map(Registered::type)
                        .filter(t -> t.startsWith("aws:"))
                        .forEach(registered::add));
        Set<String> missing = new TreeSet<>(registered);
        missing.removeAll(RULES.types());
        assertTrue(
                missing.isEmpty(),
                "add these types to plan/replacement-inputs.tsv, from the provider source: " + missing);
        assertTrue(registered.size() > 80, "the configurations register " + registered.size() + " types");
    }

    @Test
    void everyRowNamesAnInputOfItsTypeAndCitesItsSource() throws Exception {
        for (String type : RULES.types()) {
            Class<?> args =
                    Registered.argsClass(type).orElseThrow(() -> new AssertionError(type + " has no args class"));
            Set<String> inputs = Arrays.stream(args.getMethods())
                    .map(java.lang.reflect.Method::getName)
                    .collect(Collectors.toSet());
            for (ReplacementRules.Rule rule : RULES.rules(type)) {
                String top = rule.path().split("\\.")[0];
                assertTrue(inputs.contains(top), type + ": " + top + " is not an input of " + args.getSimpleName());
                assertTrue(
                        rule.source().contains("terraform-provider-aws")
                                && rule.source().contains(".go"),
                        type + " " + rule.path() + ": " + rule.source());
            }
        }
    }

    @Test
    void whatMattersMostIsThere() {
        // The inputs whose change would silently lose data if the table missed them.
        Map<String, List<String>> critical = Map.of(
                Types.of(Cluster.class),
                        List.of(
                                "masterUsername",
                                "clusterIdentifier",
                                "databaseName",
                                "kmsKeyId",
                                "storageEncrypted",
                                "availabilityZones",
                                "engine"),
                Types.of(ClusterInstance.class), List.of("identifier", "clusterIdentifier", "engine"),
                Types.of(ReplicationGroup.class),
                        List.of("replicationGroupId", "atRestEncryptionEnabled", "kmsKeyId", "subnetGroupName"),
                Types.of(BucketV2.class), List.of("bucket"),
                Types.of(Key.class), List.of("customerMasterKeySpec", "keyUsage"),
                Types.of(Vault.class), List.of("name", "kmsKeyArn"),
                Types.of(Repository.class), List.of("name"),
                Types.of(Secret.class), List.of("name"));
        critical.forEach((type, inputs) -> {
            Set<String> paths =
                    RULES.rules(type).stream().map(ReplacementRules.Rule::path).collect(Collectors.toSet());
            assertTrue(paths.containsAll(inputs), type + " lacks " + inputs + " in " + paths);
        });
        // And what is known to update in place.
        assertFalse(RULES.rules(Types.of(ListenerRule.class)).stream()
                .anyMatch(r -> r.path().equals("priority")));
        assertFalse(RULES.rules(Types.of(Cluster.class)).stream()
                .anyMatch(r -> r.path().equals("engineVersion")));
    }

    @Test
    void conditionsFollowTheProvidersCustomDiffs() {
        ReplacementRules.Condition fromRedis = new ReplacementRules.Condition("unless engine redis->valkey");
        assertFalse(fromRedis.holds(Map.of("engine", "redis"), Map.of("engine", "valkey")));
        assertTrue(fromRedis.holds(Map.of("engine", "valkey"), Map.of("engine", "redis")));
        ReplacementRules.Condition downgrade = new ReplacementRules.Condition("when engineVersion decreases");
        assertTrue(downgrade.holds(Map.of("engineVersion", "7.1"), Map.of("engineVersion", "7.0")));
        assertFalse(downgrade.holds(Map.of("engineVersion", "7.0"), Map.of("engineVersion", "7.1")));
        assertTrue(new ReplacementRules.Condition("when engineVersion below 7.0.5")
                .holds(Map.of(), Map.of("engineVersion", "6.2")));
        assertFalse(new ReplacementRules.Condition("unless engine starts aurora")
                .holds(Map.of(), Map.of("engine", "aurora-postgresql")));
        assertTrue(new ReplacementRules.Condition("when cidrIpv4 toggles")
                .holds(Map.of("cidrIpv4", "0.0.0.0/0"), Map.of()));
        assertTrue(new ReplacementRules.Condition("when capacityProviderStrategies toggles")
                .holds(
                        Map.of("capacityProviderStrategies", List.of()),
                        Map.of("capacityProviderStrategies", List.of(Map.of("weight", 1)))));
        assertFalse(new ReplacementRules.Condition("when capacityProviderStrategies toggles")
                .holds(
                        Map.of("capacityProviderStrategies", List.of(Map.of("weight", 3))),
                        Map.of("capacityProviderStrategies", List.of(Map.of("weight", 1)))));
        assertThrows(IllegalArgumentException.class, () -> ReplacementRules.parse(List.of("t\tp\tsometimes\tsrc.go")));
        assertEquals(
                1, ReplacementRules.parse(List.of("t\tp\t-\tsrc.go")).rules("t").size());
    }
}
