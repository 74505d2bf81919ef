package com.storefront.data;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.core.Output;
import com.storefront.config.StackSettings;
import com.storefront.plan.Registered;
import com.storefront.testing.ComponentRun;
import com.storefront.testing.StackRun;
import com.storefront.testing.Types;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cache on its own, from settings this test owns: a Valkey cluster sized by its settings, on the stack key. */
class CacheAloneTest {

    private static final StackSettings VALKEY = ComponentRun.settings(Map.of(
            "storefront:cache",
            "{\"engine\":\"valkey\",\"engineVersion\":\"8.0\",\"shards\":3,\"replicasPerShard\":2}"));
    private static StackRun run;

    @BeforeAll
    static void buildTheCacheAlone() {
        run = ComponentRun.of(
                VALKEY,
                (context, options) -> new Cache(
                        "cache",
                        new CacheArgs(
                                context,
                                VALKEY.cache(),
                                Output.of("vpc-0123456789abcdef0"),
                                Output.of(List.of("subnet-0a", "subnet-0b")),
                                Output.of("sg-0app")),
                        options));
    }

    @Test
    void theReplicationGroupIsSizedAndEncryptedAsConfigured() {
        Registered group = run.ofType(Types.of(ReplicationGroup.class)).get(0);
        assertEquals("valkey", group.string("engine"));
        assertEquals(3.0, group.number("numNodeGroups"));
        assertEquals(2.0, group.number("replicasPerNodeGroup"));
        assertTrue(group.bool("transitEncryptionEnabled") && group.bool("atRestEncryptionEnabled"));
        assertTrue(
                group.string("kmsKeyId").startsWith("arn:aws:kms:us-west-2:123456789012:key/"),
                "the context's key encrypts it");
        assertTrue(group.string("replicationGroupId").endsWith("-t1"), "named from the context's suffix");
    }

    @Test
    void itKeepsItsConnectionDetailsInASecretAndAdmitsOnlyTheAppTier() {
        assertEquals(1, run.ofType(Types.of(Secret.class)).size(), "the connection secret");
        assertEquals(1, run.ofType(Types.of(SecurityGroup.class)).size(), "the cache's own group");
    }
}
