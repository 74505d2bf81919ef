package com.storefront.dr;

import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroupArgs;
import com.pulumi.aws.ec2.PeeringConnectionOptions;
import com.pulumi.aws.ec2.PeeringConnectionOptionsArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcPeeringConnection;
import com.pulumi.aws.ec2.VpcPeeringConnectionAccepter;
import com.pulumi.aws.ec2.VpcPeeringConnectionAccepterArgs;
import com.pulumi.aws.ec2.VpcPeeringConnectionArgs;
import com.pulumi.aws.ec2.inputs.PeeringConnectionOptionsAccepterArgs;
import com.pulumi.aws.ec2.inputs.PeeringConnectionOptionsRequesterArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.storefront.config.Cidr;
import com.storefront.core.AvailabilityZones;
import com.storefront.core.ChildNames;
import com.storefront.naming.Naming;
import com.storefront.network.FlowLogs;

import java.util.List;

/**
 * The DR VPC (DR-4): private subnets in two AZs of the DR region, peered with the primary VPC
 * (requested from the primary, accepted in the DR region), with routes both ways.
 */
final class DrNetwork {

    static final int AZS = 2;

    /** The DR VPC id, its private subnets and the peering connection id. */
    record Ids(Output<String> vpcId, Output<List<String>> subnetIds, Output<String> peeringId) {}

    private DrNetwork() {}

    static Ids create(
            DisasterRecoveryArgs args, Resource parent, CustomResourceOptions primary, CustomResourceOptions dr) {
        Naming naming = args.naming();
        String region = args.settings().region();
        Cidr cidr = Cidr.of(args.settings().vpcCidr());
        Vpc vpc = new Vpc(
                ChildNames.of(dr, "dr-vpc"),
                VpcArgs.builder()
                        .cidrBlock(cidr.toString())
                        .enableDnsSupport(true)
                        .enableDnsHostnames(true)
                        .tags(naming.nameTag("dr-vpc"))
                        .build(),
                dr);
        new DefaultSecurityGroup(
                ChildNames.of(dr, "dr-default-sg"),
                DefaultSecurityGroupArgs.builder()
                        .vpcId(vpc.id())
                        .tags(naming.nameTag("dr-default-sg-unused"))
                        .build(),
                dr);

        Output<List<String>> zones = AvailabilityZones.standard(InvokeOptions.builder()
                .parent(parent)
                .provider(args.drProvider())
                .build());
        // NET-6 holds in the DR VPC too (the DR key, the DR region).
        FlowLogs.create("dr", vpc.id(), naming, args.aws(), args.drKmsKeyArn(), args.logRetentionDays(), dr);
        List<Output<String>> subnetIds = new java.util.ArrayList<>();
        RouteTable routes = new RouteTable(
                ChildNames.of(dr, "dr-rt-private"),
                RouteTableArgs.builder()
                        .vpcId(vpc.id())
                        .tags(naming.nameTag("dr-private-rt"))
                        .build(),
                dr);
        for (int az = 0; az < AZS; az++) {
            int index = az;
            Subnet subnet = new Subnet(
                    ChildNames.of(dr, "dr-subnet-private-" + (az + 1)),
                    SubnetArgs.builder()
                            .vpcId(vpc.id())
                            // Same slicing as the primary network, so addresses read alike in both regions.
                            .cidrBlock(cidr.subnet(4, 4 + az).toString())
                            .availabilityZone(zones.applyValue(z -> z.get(index)))
                            .mapPublicIpOnLaunch(false)
                            .tags(naming.nameTag("dr-private-" + (az + 1)))
                            .build(),
                    dr);
            subnetIds.add(subnet.id());
            new RouteTableAssociation(
                    ChildNames.of(dr, "dr-rta-private-" + (az + 1)),
                    RouteTableAssociationArgs.builder()
                            .subnetId(subnet.id())
                            .routeTableId(routes.id())
                            .build(),
                    dr);
        }

        // Cross-region peering cannot be auto-accepted by the requester; the DR side accepts it.
        VpcPeeringConnection peering = new VpcPeeringConnection(
                ChildNames.of(dr, "dr-peering"),
                VpcPeeringConnectionArgs.builder()
                        .vpcId(args.primaryVpcId())
                        .peerVpcId(vpc.id())
                        .peerRegion(region)
                        .autoAccept(false)
                        .tags(naming.nameTag("dr-peering"))
                        .build(),
                primary);
        VpcPeeringConnectionAccepter accepter = new VpcPeeringConnectionAccepter(
                ChildNames.of(dr, "dr-peering-accepter"),
                VpcPeeringConnectionAccepterArgs.builder()
                        .vpcPeeringConnectionId(peering.id())
                        .autoAccept(true)
                        .tags(naming.nameTag("dr-peering"))
                        .build(),
                dr);
        // Routes and options need the connection active, which only the accepter's completion tells.
        CustomResourceOptions primaryAfterAccept = CustomResourceOptions.merge(
                primary, CustomResourceOptions.builder().dependsOn(accepter).build());
        CustomResourceOptions drAfterAccept = CustomResourceOptions.merge(
                dr, CustomResourceOptions.builder().dependsOn(accepter).build());
        for (int i = 0; i < args.primaryRouteTableIds().size(); i++) {
            new Route(
                    ChildNames.of(dr, "route-primary-" + (i + 1) + "-to-dr"),
                    RouteArgs.builder()
                            .routeTableId(args.primaryRouteTableIds().get(i))
                            .destinationCidrBlock(cidr.toString())
                            .vpcPeeringConnectionId(peering.id())
                            .build(),
                    primaryAfterAccept);
        }
        new Route(
                ChildNames.of(dr, "route-dr-to-primary"),
                RouteArgs.builder()
                        .routeTableId(routes.id())
                        .destinationCidrBlock(args.primaryVpcCidr())
                        .vpcPeeringConnectionId(peering.id())
                        .build(),
                drAfterAccept);
        new PeeringConnectionOptions(
                ChildNames.of(dr, "dr-peering-options-requester"),
                PeeringConnectionOptionsArgs.builder()
                        .vpcPeeringConnectionId(peering.id())
                        .requester(PeeringConnectionOptionsRequesterArgs.builder()
                                .allowRemoteVpcDnsResolution(true)
                                .build())
                        .build(),
                primaryAfterAccept);
        new PeeringConnectionOptions(
                ChildNames.of(dr, "dr-peering-options-accepter"),
                PeeringConnectionOptionsArgs.builder()
                        .vpcPeeringConnectionId(peering.id())
                        .accepter(PeeringConnectionOptionsAccepterArgs.builder()
                                .allowRemoteVpcDnsResolution(true)
                                .build())
                        .build(),
                drAfterAccept);
        return new Ids(vpc.id(), Output.all(subnetIds), peering.id());
    }
}
