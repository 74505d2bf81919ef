package com.storefront.stack;

import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.kms.Key;
import com.storefront.plan.Registered;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole program for the real Pulumi.prod.yaml. */
class ProdStackTest {

    private final StackRun run = Stacks.prod();

    @Test
    void threeAzsNineSubnetsThreeNatsFourInterfaceEndpoints() {
        assertEquals(List.of("us-east-2a", "us-east-2b", "us-east-2c"), run.output("availabilityZones"));
        assertEquals(9, run.ofTypeInComponent("network", Types.of(Subnet.class)).size());
        assertEquals(3, run.ofType(Types.of(NatGateway.class)).size());
        assertEquals(3, ((List<?>) run.output("natGatewayIds")).size());
        assertEquals(
                4,
                run.where(r -> r.type().equals(Types.of(VpcEndpoint.class))
                                && r.string("vpcEndpointType").equals("Interface"))
                        .size());
    }

    @Test
    void primaryResourcesRunInUsEast2() {
        assertEquals("us-east-2", run.one("pulumi:providers:aws", "aws-primary").string("region"));
        for (Registered r :
                run.where(r -> r.custom() && r.isAws() && r.providerName().equals("aws-primary"))) {
            assertEquals("us-east-2", run.regionOf(r), r + " is in the primary region");
        }
        assertEquals(
                "us-west-2", run.one("pulumi:providers:aws", "aws-dr-us-west-2").string("region"));
        for (Registered r :
                run.where(r -> r.custom() && r.isAws() && r.providerName().equals("aws-dr-us-west-2"))) {
            assertTrue(
                    run.isWithin(r, "storefront:dr:DisasterRecovery")
                            || run.componentOf(r).name().equals("encryption-dr"),
                    r + " is a DR resource");
        }
        assertEquals(EdgeExpectations.US_EAST_1_WITHOUT_DOMAIN, EdgeExpectations.usEast1Resources(run));
    }

    @Test
    void providersCarryTheAccountGuardFromConfig() {
        StackRun guarded = StackRun.ofStackFile(
                Stacks.PROD_FILE,
                java.util.Map.of(
                        "storefront:allowedAccountIds", "[\"123456789012\"]", "aws:profile", "storefront-prod"));
        for (Registered provider : guarded.ofType("pulumi:providers:aws")) {
            assertEquals("storefront-prod", provider.string("profile"));
            assertTrue(provider.string("allowedAccountIds").contains("123456789012"), provider.toString());
        }
        assertTrue(run.ofType("pulumi:providers:aws").stream()
                .allMatch(p -> p.input("allowedAccountIds").isEmpty()));
    }

    @Test
    void statefulResourcesAreProtected() {
        assertTrue(run.one(Types.of(Key.class), "encryption-key").protect());
    }
}
