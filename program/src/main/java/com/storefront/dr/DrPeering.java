package com.storefront.dr;

import com.pulumi.aws.ec2.PeeringConnectionOptions;
import com.pulumi.aws.ec2.PeeringConnectionOptionsArgs;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2.VpcPeeringConnection;
import com.pulumi.aws.ec2.VpcPeeringConnectionAccepter;
import com.pulumi.aws.ec2.VpcPeeringConnectionAccepterArgs;
import com.pulumi.aws.ec2.VpcPeeringConnectionArgs;
import com.pulumi.aws.ec2.inputs.PeeringConnectionOptionsAccepterArgs;
import com.pulumi.aws.ec2.inputs.PeeringConnectionOptionsRequesterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.core.ChildNames;
import com.storefront.naming.Naming;
import com.storefront.network.Network;

/**
 * The peering between the primary VPC and the DR region's standby network (DR-4): requested from the primary,
 * accepted in the DR region, with routes both ways and DNS resolution across it.
 */
final class DrPeering {

    private DrPeering() {}

    /** Peers the standby network with the primary VPC; returns the peering connection id. */
    static Output<String> create(
            DisasterRecoveryArgs args, Network standby, CustomResourceOptions primary, CustomResourceOptions dr) {
        Naming naming = args.naming();
        String region = args.settings().region();
        String cidr = standby.vpcCidr();
        // Cross-region peering cannot be auto-accepted by the requester; the DR side accepts it.
        VpcPeeringConnection peering = new VpcPeeringConnection(
                ChildNames.of(dr, "dr-peering"),
                VpcPeeringConnectionArgs.builder()
                        .vpcId(args.primaryVpcId())
                        .peerVpcId(standby.vpcId())
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
                            .destinationCidrBlock(cidr)
                            .vpcPeeringConnectionId(peering.id())
                            .build(),
                    primaryAfterAccept);
        }
        new Route(
                ChildNames.of(dr, "route-dr-to-primary"),
                RouteArgs.builder()
                        .routeTableId(standby.privateRouteTableIds().get(0))
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
        return peering.id();
    }
}
