package com.storefront.network;

import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.Subnet;
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

/** The network component on its own, from settings this test owns: what it builds needs nothing else. */
class NetworkAloneTest {

    private static final StackSettings THREE_BY_THREE = ComponentRun.settings(Map.of(
            "storefront:network",
            "{\"azCount\":3,\"layout\":\"twoTier\",\"natStrategy\":\"perAz\",\"interfaceEndpoints\":true,"
                    + "\"subnetCidrs\":{\"public\":[\"10.0.1.0/24\",\"10.0.2.0/24\",\"10.0.3.0/24\"],"
                    + "\"app\":[\"10.0.11.0/24\",\"10.0.12.0/24\",\"10.0.13.0/24\"]}}"));

    private static StackRun run;

    /** Not in a static initializer: the engine calls back into this class's lambda from its own threads. */
    @BeforeAll
    static void buildTheNetworkAlone() {
        run = ComponentRun.of(
                THREE_BY_THREE,
                (context, options) ->
                        new Network("network", new NetworkArgs(context, THREE_BY_THREE.network()), options));
    }

    @Test
    void aThreeZoneTwoTierNetworkHasThreePublicAndThreePrivateSubnetsWithTheirOwnNat() {
        Map<String, String> subnets = run.ofType(Types.of(Subnet.class)).stream()
                .collect(Collectors.toMap(Registered::name, s -> s.string("cidrBlock")));
        assertEquals(
                Map.of(
                        "network-subnet-public-1", "10.0.1.0/24",
                        "network-subnet-public-2", "10.0.2.0/24",
                        "network-subnet-public-3", "10.0.3.0/24",
                        "network-subnet-app-1", "10.0.11.0/24",
                        "network-subnet-app-2", "10.0.12.0/24",
                        "network-subnet-app-3", "10.0.13.0/24"),
                subnets);
        List<Registered> nats = run.ofType(Types.of(NatGateway.class));
        assertEquals(3, nats.size(), "perAz: one NAT gateway per zone");
        assertTrue(
                run.ofType(Types.of(RouteTable.class)).stream()
                        .noneMatch(t -> t.name().contains("data")),
                "two tiers: no data route table");
    }

    @Test
    void everythingItRegistersBelongsToIt() {
        Set<String> components = run.where(r -> r.type().startsWith("storefront:")).stream()
                .map(Registered::type)
                .collect(Collectors.toSet());
        assertEquals(Set.of(Network.TYPE), components);
        for (Registered resource : run.where(Registered::custom)) {
            if (!resource.type().startsWith("pulumi:providers:")) {
                assertEquals(Network.TYPE, run.componentOf(resource).type(), resource.toString());
            }
        }
    }
}
