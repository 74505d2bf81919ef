package com.storefront.network;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.storefront.plan.Json;
import com.storefront.plan.Registered;
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

/** NET-1..NET-8 asserted on what the program registers for the real dev and prod stack files. */
class NetworkTest {

    private static final String SUBNET = Types.of(Subnet.class);
    private static final String ROUTE = Types.of(Route.class);
    private static final String ROUTE_TABLE = Types.of(RouteTable.class);
    private static final String ASSOCIATION = Types.of(RouteTableAssociation.class);
    private static final String NAT = Types.of(NatGateway.class);
    private static final String ENDPOINT = Types.of(VpcEndpoint.class);

    @Test
    void vpcHasDnsSupportAndHostnames() {
        for (StackRun run : List.of(Stacks.dev(), Stacks.prod())) {
            Registered vpc = run.one(Types.of(Vpc.class), "network-vpc");
            assertEquals("10.0.0.0/16", vpc.string("cidrBlock"));
            assertTrue(vpc.bool("enableDnsSupport"));
            assertTrue(vpc.bool("enableDnsHostnames"));
            assertEquals(Network.TYPE, run.componentOf(vpc).type());
        }
    }

    @Test
    void everyAzGetsOneSubnetPerTierInItsOwnZone() {
        assertSubnetLayout(Stacks.dev(), "us-west-2", 2);
        assertSubnetLayout(Stacks.prod(), "us-east-2", 3);
    }

    private static void assertSubnetLayout(StackRun run, String region, int azCount) {
        List<Registered> subnets = run.ofTypeInComponent("network", SUBNET);
        assertEquals(3 * azCount, subnets.size());
        for (String tier : List.of("public", "app", "data")) {
            for (int az = 1; az <= azCount; az++) {
                Registered subnet = run.one(SUBNET, "network-subnet-" + tier + "-" + az);
                assertEquals(region + (char) ('a' + az - 1), subnet.string("availabilityZone"));
                assertEquals(tier, subnet.string("tags.Tier"));
                assertFalse(subnet.bool("mapPublicIpOnLaunch"), "no subnet hands out public IPs");
            }
        }
        Set<String> cidrs = subnets.stream().map(s -> s.string("cidrBlock")).collect(Collectors.toSet());
        assertEquals(subnets.size(), cidrs.size(), "subnet CIDRs are distinct");
    }

    @Test
    void publicRouteTableRoutesToTheInternetGateway() {
        StackRun run = Stacks.prod();
        Registered route = run.one(ROUTE, "network-route-public-internet");
        assertEquals(Network.ANYWHERE, route.string("destinationCidrBlock"));
        assertTrue(route.string("gatewayId").startsWith("igw-"));
        String publicRt = route.string("routeTableId");
        for (int az = 1; az <= 3; az++) {
            assertEquals(
                    publicRt, run.one(ASSOCIATION, "network-rta-public-" + az).string("routeTableId"));
        }
    }

    @Test
    void perAzNatRoutesEachAppSubnetThroughItsOwnAzGateway() {
        StackRun run = Stacks.prod();
        List<Registered> nats = run.ofType(NAT);
        assertEquals(3, nats.size());
        for (int az = 1; az <= 3; az++) {
            Registered nat = run.one(NAT, "network-nat-" + az);
            String publicSubnetId = subnetId(run, "public", az);
            assertEquals(publicSubnetId, nat.string("subnetId"), "NAT " + az + " sits in public subnet " + az);
            Registered route = run.one(ROUTE, "network-route-app-" + az + "-nat");
            assertEquals(Network.ANYWHERE, route.string("destinationCidrBlock"));
            assertEquals(routeTableOfSubnet(run, "app", az), route.string("routeTableId"));
            assertEquals(natId(run, "network-nat-" + az), route.string("natGatewayId"));
        }
    }

    @Test
    void singleNatIsSharedByEveryAppSubnet() {
        StackRun run = Stacks.dev();
        assertEquals(1, run.ofType(NAT).size());
        for (int az = 1; az <= 2; az++) {
            assertEquals(
                    natId(run, "network-nat-1"),
                    run.one(ROUTE, "network-route-app-" + az + "-nat").string("natGatewayId"));
        }
    }

    @Test
    void natGatewaysWaitForTheInternetGatewayAndUseVpcEips() {
        StackRun run = Stacks.prod();
        String igwUrn = run.one(Types.of(InternetGateway.class), "network-igw").urn();
        for (Registered nat : run.ofType(NAT)) {
            assertTrue(nat.dependencies().contains(igwUrn), nat + " depends on the IGW");
        }
        for (Registered eip : run.ofType(Types.of(Eip.class))) {
            assertEquals("vpc", eip.string("domain"));
            assertTrue(eip.input("vpc").isEmpty(), "EipArgs.vpc is deprecated in 6.83");
            assertTrue(eip.dependencies().contains(igwUrn));
        }
    }

    @Test
    void withoutNatNoPrivateSubnetHasAnInternetRoute() {
        StackRun run = Stacks.devWithoutNat();
        assertEquals(0, run.ofType(NAT).size());
        assertEquals(
                List.of("network-route-public-internet"),
                run.ofTypeInComponent("network", ROUTE).stream()
                        .map(Registered::name)
                        .toList());
    }

    @Test
    void dataSubnetsHaveNoRouteOutOfTheVpc() {
        for (StackRun run : List.of(Stacks.dev(), Stacks.prod())) {
            Set<String> dataTables = run.ofType(ASSOCIATION).stream()
                    .filter(a -> a.name().startsWith("network-rta-data-"))
                    .map(a -> a.string("routeTableId"))
                    .collect(Collectors.toSet());
            assertEquals(1, dataTables.size(), "all data subnets share the data route table");
            List<Registered> dataRoutes = run.ofType(ROUTE).stream()
                    .filter(r -> dataTables.contains(r.string("routeTableId")))
                    .toList();
            assertTrue(
                    dataRoutes.stream()
                            .noneMatch(r -> r.input("gatewayId").isPresent()
                                    || r.input("natGatewayId").isPresent()
                                    || Network.ANYWHERE.equals(
                                            r.input("destinationCidrBlock").orElse(null))),
                    "no internet or NAT route on the data route table");
            assertTrue(
                    dataRoutes.stream()
                            .allMatch(r -> r.input("vpcPeeringConnectionId").isPresent()),
                    "only the peering route to the DR VPC (prod)");
        }
    }

    @Test
    void s3GatewayEndpointServesAppAndDataRouteTables() {
        StackRun run = Stacks.prod();
        Registered s3 = run.one(ENDPOINT, "network-endpoint-s3");
        assertEquals("Gateway", s3.string("vpcEndpointType"));
        assertEquals("com.amazonaws.us-east-2.s3", s3.string("serviceName"));
        Set<String> expected = run.ofTypeInComponent("network", ASSOCIATION).stream()
                .filter(a -> !a.name().startsWith("network-rta-public-"))
                .map(a -> a.string("routeTableId"))
                .collect(Collectors.toSet());
        assertEquals(expected, Set.copyOf(s3.list("routeTableIds")));
        assertEquals(4, expected.size(), "three app tables and one data table");
    }

    @Test
    void prodHasInterfaceEndpointsReachableOnlyFromTheAppTier() {
        StackRun run = Stacks.prod();
        List<Registered> interfaces = run.ofType(ENDPOINT).stream()
                .filter(e -> e.string("vpcEndpointType").equals("Interface"))
                .toList();
        assertEquals(
                Set.of(
                        "com.amazonaws.us-east-2.ecr.api",
                        "com.amazonaws.us-east-2.ecr.dkr",
                        "com.amazonaws.us-east-2.logs",
                        "com.amazonaws.us-east-2.secretsmanager"),
                interfaces.stream().map(e -> e.string("serviceName")).collect(Collectors.toSet()));
        String endpointSg =
                run.one(Types.of(SecurityGroup.class), "network-sg-endpoints").urn();
        String endpointSgId = securityGroupId(run, "network-sg-endpoints");
        List<String> appSubnets = List.of(subnetId(run, "app", 1), subnetId(run, "app", 2), subnetId(run, "app", 3));
        for (Registered endpoint : interfaces) {
            assertTrue(endpoint.bool("privateDnsEnabled"));
            assertEquals(appSubnets, endpoint.list("subnetIds"));
            assertEquals(List.of(endpointSgId), endpoint.list("securityGroupIds"));
            assertTrue(endpoint.dependencies().contains(endpointSg));
        }
        Registered ingress = run.one(Types.of(SecurityGroupIngressRule.class), "network-sg-endpoints-ingress-app");
        assertEquals(endpointSgId, ingress.string("securityGroupId"));
        assertEquals(securityGroupId(run, "network-sg-app"), ingress.string("referencedSecurityGroupId"));
        assertEquals(443.0, ingress.number("fromPort"));
        assertEquals(443.0, ingress.number("toPort"));
        assertTrue(ingress.input("cidrIpv4").isEmpty(), "the endpoint SG admits the app SG, not a CIDR");
    }

    @Test
    void devHasNoInterfaceEndpoints() {
        StackRun run = Stacks.dev();
        assertEquals(
                List.of("network-endpoint-s3"),
                run.ofType(ENDPOINT).stream().map(Registered::name).toList());
        assertTrue(run.ofType(Types.of(SecurityGroup.class)).stream()
                .noneMatch(sg -> sg.name().equals("network-sg-endpoints")));
    }

    @Test
    void appSecurityGroupStatesItsEgress() {
        StackRun run = Stacks.dev();
        Registered sg = run.one(Types.of(SecurityGroup.class), "network-sg-app");
        assertTrue(sg.input("egress").isEmpty() && sg.input("ingress").isEmpty(), "rules are separate resources");
        Registered egress = run.one(Types.of(SecurityGroupEgressRule.class), "network-sg-app-egress-https");
        assertEquals(securityGroupId(run, "network-sg-app"), egress.string("securityGroupId"));
        assertEquals("tcp", egress.string("ipProtocol"));
        assertEquals(443.0, egress.number("fromPort"));
    }

    @Test
    void flowLogsGoToAnEncryptedLogGroupWithRetention() {
        StackRun run = Stacks.prod();
        Registered group = run.one(Types.of(LogGroup.class), "network-flow-logs");
        assertEquals("storefront-vpc-flow-logs-prod", group.string("name"));
        assertEquals(30.0, group.number("retentionInDays"));
        assertEquals(run.output("kmsKeyArn"), group.string("kmsKeyId"));

        Registered flowLog = run.one(Types.of(FlowLog.class), "network-flow-log");
        assertEquals("ALL", flowLog.string("trafficType"));
        assertEquals("cloud-watch-logs", flowLog.string("logDestinationType"));
        assertEquals(
                "arn:aws:logs:us-east-2:123456789012:log-group:storefront-vpc-flow-logs-prod",
                flowLog.string("logDestination"));
        assertEquals(run.output("vpcId"), flowLog.string("vpcId"));

        Registered role = run.one(Types.of(Role.class), "network-flow-logs-role");
        assertEquals(flowLog.string("iamRoleArn"), "arn:aws:iam::123456789012:role/" + role.string("name"));
        Map<String, Object> trust = Json.parse(role.string("assumeRolePolicy"));
        Map<String, Object> statement = Json.statements(trust).get(0);
        assertEquals(Map.of("Service", FlowLogs.SERVICE_PRINCIPAL), statement.get("Principal"));
        assertEquals(Map.of("StringEquals", Map.of("aws:SourceAccount", "123456789012")), statement.get("Condition"));

        Registered write = run.one(Types.of(RolePolicy.class), "network-flow-logs-write");
        assertTrue(flowLog.dependencies().contains(write.urn()), "the role can write before the flow log starts");
        Map<String, Object> policy = Json.parse(write.string("policy"));
        assertEquals(
                List.of(flowLog.string("logDestination"), flowLog.string("logDestination") + ":*"),
                Json.statements(policy).get(0).get("Resource"));
    }

    @Test
    void defaultSecurityGroupIsManagedWithoutRules() {
        for (StackRun run : List.of(Stacks.dev(), Stacks.prod())) {
            Registered sg = run.one(Types.of(DefaultSecurityGroup.class), "network-default-sg");
            assertEquals(run.output("vpcId"), sg.string("vpcId"));
            assertTrue(sg.input("ingress").map(l -> ((List<?>) l).isEmpty()).orElse(true));
            assertTrue(sg.input("egress").map(l -> ((List<?>) l).isEmpty()).orElse(true));
        }
    }

    @Test
    void outputsListSubnetsPerTierOrderedByAz() {
        StackRun run = Stacks.prod();
        for (String tier : List.of("public", "app", "data")) {
            List<String> expected = List.of(subnetId(run, tier, 1), subnetId(run, tier, 2), subnetId(run, tier, 3));
            assertEquals(expected, run.output(tier + "SubnetIds"));
        }
        assertEquals(List.of("us-east-2a", "us-east-2b", "us-east-2c"), run.output("availabilityZones"));
    }

    private static String subnetId(StackRun run, String tier, int az) {
        return run.one(SUBNET, "network-subnet-" + tier + "-" + az).id();
    }

    private static String natId(StackRun run, String name) {
        return run.one(NAT, name).id();
    }

    private static String securityGroupId(StackRun run, String name) {
        return run.one(Types.of(SecurityGroup.class), name).id();
    }

    private static String routeTableOfSubnet(StackRun run, String tier, int az) {
        return run.one(ASSOCIATION, "network-rta-" + tier + "-" + az).string("routeTableId");
    }

    /** NET-2, a team's brief: exactly 2 public + 2 private subnets with given CIDRs in given zones, data in the private ones. */
    @Test
    void aTwoTierLayoutWithExactSubnetsAndZones() {
        StackRun run = StackRun.ofStackFile(
                Stacks.DEV_FILE,
                Map.of(
                        "aws:region",
                        "us-east-1",
                        "storefront:network",
                        "{\"vpcCidr\":\"10.0.0.0/16\",\"azCount\":2,\"natStrategy\":\"single\",\"layout\":\"twoTier\","
                                + "\"availabilityZones\":[\"us-east-1a\",\"us-east-1b\"],"
                                + "\"subnetCidrs\":{\"public\":[\"10.0.1.0/24\",\"10.0.2.0/24\"],\"app\":[\"10.0.3.0/24\",\"10.0.4.0/24\"]}}"));
        List<Registered> subnets = run.ofType(Types.of(Subnet.class));
        assertEquals(
                Map.of(
                        "network-subnet-public-1",
                        "10.0.1.0/24 us-east-1a",
                        "network-subnet-public-2",
                        "10.0.2.0/24 us-east-1b",
                        "network-subnet-app-1",
                        "10.0.3.0/24 us-east-1a",
                        "network-subnet-app-2",
                        "10.0.4.0/24 us-east-1b"),
                subnets.stream()
                        .collect(Collectors.toMap(
                                Registered::name, n -> n.string("cidrBlock") + " " + n.string("availabilityZone"))));
        assertEquals(
                run.output("appSubnetIds"), run.output("dataSubnetIds"), "the data stores use the private subnets");
        assertEquals(
                run.output("appSubnetIds"),
                run.one(Types.of(com.pulumi.aws.rds.SubnetGroup.class), "database-db-subnets")
                        .list("subnetIds"));
        assertEquals(
                run.output("appSubnetIds"),
                run.one(Types.of(com.pulumi.aws.elasticache.SubnetGroup.class), "cache-subnets")
                        .list("subnetIds"));
        assertTrue(run.ofType(Types.of(RouteTable.class)).stream()
                .noneMatch(r -> r.name().equals("network-rt-data")));
        assertEquals(List.of("us-east-1a", "us-east-1b"), run.output("availabilityZones"));
        assertEquals(List.of(), com.storefront.plan.PolicyRules.check(run.plan()));
    }

    @Test
    void threePublicAndThreePrivateSubnetsAcrossThreeZones() {
        StackRun run = StackRun.ofStackFile(
                Stacks.PROD_FILE,
                Map.of(
                        "storefront:network",
                        "{\"azCount\":3,\"natStrategy\":\"perAz\",\"interfaceEndpoints\":true,\"layout\":\"twoTier\"}"));
        Map<String, Long> perTier = run.ofTypeInComponent("network", Types.of(Subnet.class)).stream()
                .collect(Collectors.groupingBy(
                        s -> s.name().replaceAll("network-subnet-(\\w+)-\\d", "$1"), Collectors.counting()));
        assertEquals(Map.of("public", 3L, "app", 3L), perTier);
        assertEquals(
                run.output("appSubnetIds"),
                run.one(Types.of(com.pulumi.aws.rds.SubnetGroup.class), "database-db-subnets")
                        .list("subnetIds"));
    }
}
