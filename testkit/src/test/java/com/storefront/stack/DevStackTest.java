package com.storefront.stack;

import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.secretsmanager.SecretRotation;
import com.storefront.plan.Registered;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole program for the real Pulumi.dev.yaml. */
class DevStackTest {

    private final StackRun run = Stacks.dev();

    @Test
    void twoAzsSixSubnetsOneNat() {
        assertEquals(List.of("us-west-2a", "us-west-2b"), run.output("availabilityZones"));
        assertEquals(6, run.ofType(Types.of(Subnet.class)).size(), "and no DR subnets");
        assertEquals(1, run.ofType(Types.of(NatGateway.class)).size());
        assertEquals(
                0,
                run.where(r -> r.type().equals(Types.of(VpcEndpoint.class))
                                && r.string("vpcEndpointType").equals("Interface"))
                        .size());
    }

    @Test
    void providersRunInTheStackRegionAndUsEast1() {
        assertEquals("us-west-2", run.one("pulumi:providers:aws", "aws-primary").string("region"));
        assertEquals(
                "us-east-1", run.one("pulumi:providers:aws", "aws-us-east-1").string("region"));
        for (Registered r :
                run.where(r -> r.custom() && r.isAws() && !r.providerName().equals("aws-us-east-1"))) {
            assertEquals("us-west-2", run.regionOf(r), r + " is in the primary region");
        }
        assertEquals(EdgeExpectations.US_EAST_1_WITHOUT_DOMAIN, EdgeExpectations.usEast1Resources(run));
    }

    @Test
    void nothingIsProtectedSoDestroyNeedsNoManualSteps() {
        assertTrue(run.resources().stream().noneMatch(Registered::protect));
        assertEquals(
                List.of(Types.of(SecretRotation.class)),
                run.resources().stream()
                        .filter(Registered::retainOnDelete)
                        .map(Registered::type)
                        .toList(),
                "only the rotation of the RDS-owned secret, which goes with the cluster");
    }

    @Test
    void exportsTheNetworkAndKey() {
        assertEquals("dev", run.output("environment"));
        assertEquals("us-west-2", run.output("region"));
        assertEquals("10.0.0.0/16", run.output("vpcCidr"));
        assertTrue(String.valueOf(run.output("vpcId")).startsWith("vpc-"));
        assertEquals("alias/storefront-dev", run.output("kmsKeyAlias"));
        assertFalse(((List<?>) run.output("appSubnetIds")).isEmpty());
    }
}
