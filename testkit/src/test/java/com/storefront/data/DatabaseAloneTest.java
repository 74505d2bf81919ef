package com.storefront.data;

import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterInstance;
import com.pulumi.aws.rds.ClusterParameterGroup;
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
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Aurora on its own, provisioned on an Optimized Reads class: the version, family and instances follow the settings. */
class DatabaseAloneTest {

    private static final StackSettings PROVISIONED = ComponentRun.settings(Map.of(
            "storefront:database",
            "{\"engineVersion\":\"16.8\",\"instanceClass\":\"db.r6gd.xlarge\",\"readers\":2}",
            "storefront:network",
            "{\"azCount\":3}"));
    private static StackRun run;

    @BeforeAll
    static void buildTheDatabaseAlone() {
        run = ComponentRun.of(
                PROVISIONED,
                (context, options) -> new Database(
                        "database",
                        new DatabaseArgs(
                                context,
                                PROVISIONED.database(),
                                Output.of("vpc-0123456789abcdef0"),
                                Output.of(List.of("subnet-0a", "subnet-0b", "subnet-0c")),
                                Output.of(List.of("us-west-2a", "us-west-2b", "us-west-2c")),
                                Output.of("sg-0app")),
                        options));
    }

    @Test
    void theClusterRunsTheConfiguredVersionOnItsFamilyWithAWriterAndTwoReaders() {
        Registered cluster = run.ofType(Types.of(Cluster.class)).get(0);
        assertEquals("16.8", cluster.string("engineVersion"));
        assertTrue(cluster.input("serverlessv2ScalingConfiguration").isEmpty(), "provisioned: no ACU range");
        assertEquals(
                "aurora-postgresql16",
                run.ofType(Types.of(ClusterParameterGroup.class)).get(0).string("family"));
        Set<String> classes = run.ofType(Types.of(ClusterInstance.class)).stream()
                .map(i -> i.string("instanceClass"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("db.r6gd.xlarge"), classes);
        assertEquals(3, run.ofType(Types.of(ClusterInstance.class)).size(), "the writer and two readers");
    }
}
