package com.storefront.stack;

import com.pulumi.aws.apigateway.RestApi;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.codedeploy.DeploymentGroup;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterInstance;
import com.storefront.plan.Registered;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SPEC's per-environment defaults, from configs the tests own (only what a new user must set): the committed
 * stack files spell most values out, so they cannot show that the defaults themselves are right.
 */
class OwnedDefaultsTest {

    private static StackRun dev;
    private static StackRun prod;

    @BeforeAll
    static void run() {
        dev = Stacks.ownedDevDefaults();
        prod = Stacks.ownedProdDefaults();
    }

    @Test
    void devDefaultsAreCheap() {
        assertEquals(6, dev.ofTypeInComponent("network", Types.of(Subnet.class)).size(), "2 AZs x 3 tiers");
        assertEquals(1, dev.ofType(Types.of(NatGateway.class)).size(), "one shared NAT");
        assertEquals(1, dev.ofType(Types.of(VpcEndpoint.class)).size(), "the free S3 gateway endpoint only");
        assertEquals(1, dev.ofType(Types.of(ClusterInstance.class)).size(), "a writer, no readers");
        Registered aurora = dev.one(Types.of(Cluster.class), "database-aurora");
        assertEquals(
                Map.of("minCapacity", 0.5, "maxCapacity", 1.0),
                Map.of(
                        "minCapacity", aurora.number("serverlessv2ScalingConfiguration.minCapacity"),
                        "maxCapacity", aurora.number("serverlessv2ScalingConfiguration.maxCapacity")));
        assertFalse(aurora.bool("deletionProtection"));
        Registered redis = dev.one(Types.of(ReplicationGroup.class), "cache-redis");
        assertEquals(2.0, redis.number("numNodeGroups"));
        assertEquals(1.0, redis.number("replicasPerNodeGroup"));
        assertTrue(dev.ofType(Types.of(DeploymentGroup.class)).isEmpty(), "rolling deployments");
        assertTrue(dev.ofType(Types.of(RestApi.class)).isEmpty(), "no API Gateway");
        assertEquals(false, dev.output("drEnabled"));
        assertTrue(dev.ofType(Types.of(LogGroup.class)).stream()
                .allMatch(g -> g.number("retentionInDays") == 14.0 || g.name().contains("waf")));
    }

    @Test
    void prodDefaultsBuyAvailability() {
        assertEquals(
                9, prod.ofTypeInComponent("network", Types.of(Subnet.class)).size(), "3 AZs x 3 tiers");
        assertEquals(3, prod.ofType(Types.of(NatGateway.class)).size(), "a NAT per AZ");
        assertEquals(
                5,
                prod.ofTypeInComponent("network", Types.of(VpcEndpoint.class)).size(),
                "S3 plus ECR api, ECR dkr, Logs, Secrets Manager");
        assertEquals(2, prod.ofType(Types.of(ClusterInstance.class)).size(), "a writer and one reader");
        assertTrue(prod.one(Types.of(Cluster.class), "database-aurora").bool("deletionProtection"));
        assertEquals(1, prod.ofType(Types.of(DeploymentGroup.class)).size(), "blue/green through CodeDeploy");
        assertEquals(1, prod.ofType(Types.of(RestApi.class)).size(), "the API front door");
        assertEquals(true, prod.output("drEnabled"));
    }
}
