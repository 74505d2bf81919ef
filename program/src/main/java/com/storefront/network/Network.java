package com.storefront.network;

import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroupArgs;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
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
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.config.NatStrategy;
import com.storefront.config.NetworkLayout;
import com.storefront.config.NetworkSettings;
import com.storefront.config.SubnetTier;
import com.storefront.core.AvailabilityZones;
import com.storefront.core.StackComponent;
import com.storefront.iam.KeyUse;
import com.storefront.naming.Naming;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The VPC (NET-1..NET-8): per AZ a public, a private-app and a private-data subnet; internet
 * gateway; NAT per strategy; data subnets without any internet route; S3 gateway endpoint;
 * optional interface endpoints; flow logs; the default security group emptied.
 */
public final class Network extends StackComponent {

    public static final String TYPE = "storefront:network:Network";

    /** The flow-log group encrypts with the stack key. */
    public static final List<KeyUse> KEY_USES = List.of(KeyUse.cloudWatchLogs());

    static final String ANYWHERE = "0.0.0.0/0";

    private final Output<String> vpcId;
    private final String vpcCidr;
    private final Output<List<String>> availabilityZones;
    private final Output<List<String>> availabilityZoneIds;
    private final Map<SubnetTier, Output<List<String>>> subnetIds = new EnumMap<>(SubnetTier.class);
    private final Output<String> publicRouteTableId;
    private final Output<List<String>> appRouteTableIds;
    private final Output<String> dataRouteTableId;
    private final SubnetTier dataTier;
    private final List<Output<String>> privateRouteTableIds;
    private final Output<List<String>> natGatewayIds;
    private final SecurityGroups securityGroups;
    private final Output<String> flowLogGroupName;
    private final Optional<NetworkArgs.MovedFrom> movedFrom;

    public Network(String name, NetworkArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.movedFrom = args.movedFrom();
        boolean primary = args.role() == NetworkRole.PRIMARY;
        NetworkSettings settings = args.settings();
        Naming naming = args.naming();
        int azCount = settings.azCount();

        Vpc vpc = new Vpc(
                name("vpc"),
                VpcArgs.builder()
                        .cidrBlock(settings.vpcCidr())
                        // Both are required for interface endpoints with private DNS and for Cloud Map names.
                        .enableDnsSupport(true)
                        .enableDnsHostnames(true)
                        .tags(naming.nameTag("vpc"))
                        .build(),
                child());
        this.vpcId = vpc.id();
        this.vpcCidr = settings.vpcCidr();
        this.dataTier = settings.dataTier();

        Output<List<AvailabilityZones.Zone>> zones = AvailabilityZones.zones(invokeOptions());
        List<Output<String>> azNames = new ArrayList<>();
        List<Output<String>> azIds = new ArrayList<>();
        for (int az = 0; az < azCount; az++) {
            int index = az;
            // The zones the team named, or the region's first ones in name order.
            Output<AvailabilityZones.Zone> zone = zones.applyValue(all -> settings.availabilityZones()
                    .map(names -> named(all, names.get(index)))
                    .orElseGet(() -> zoneAt(all, index, azCount)));
            azNames.add(zone.applyValue(AvailabilityZones.Zone::name));
            azIds.add(zone.applyValue(AvailabilityZones.Zone::id));
        }
        this.availabilityZones = Output.all(azNames);
        this.availabilityZoneIds = Output.all(azIds);

        Map<SubnetTier, List<Subnet>> subnets = new EnumMap<>(SubnetTier.class);
        List<SubnetTier> tiers = primary ? settings.tiers() : List.of(SubnetTier.APP);
        for (SubnetTier tier : tiers) {
            List<Subnet> tierSubnets = new ArrayList<>();
            for (int az = 0; az < azCount; az++) {
                String what = label(tier, primary) + "-" + (az + 1);
                tierSubnets.add(new Subnet(
                        name("subnet-" + what),
                        SubnetArgs.builder()
                                .vpcId(vpc.id())
                                .cidrBlock(settings.subnetCidrs(tier).get(az))
                                .availabilityZone(azNames.get(az))
                                // Nothing is launched with a public IP: the ALB and NAT gateways bring their own.
                                .mapPublicIpOnLaunch(false)
                                .tags(primary ? withTier(naming.nameTag(what), tier) : naming.nameTag(what))
                                .build(),
                        child()));
            }
            subnets.put(tier, tierSubnets);
            subnetIds.put(tier, Output.all(tierSubnets.stream().map(Subnet::id).toList()));
        }

        if (primary) {
            Internet internet = internetPaths(settings, vpc, subnets, naming, args);
            this.publicRouteTableId = internet.publicRouteTableId();
            this.natGatewayIds = internet.natGatewayIds();
            this.appRouteTableIds = internet.appRouteTableIds();
            this.dataRouteTableId = internet.dataRouteTableId();
            this.privateRouteTableIds = internet.privateRouteTableIds();
        } else {
            // Standby: one table, no default route; the DR component adds the peering route to it.
            RouteTable privateRt = routeTable("private", vpc, naming);
            associate("private", subnets.get(SubnetTier.APP), i -> privateRt);
            this.publicRouteTableId = null;
            this.natGatewayIds = Output.of(List.of());
            this.appRouteTableIds = Output.all(List.of(privateRt.id()));
            this.dataRouteTableId = null;
            this.privateRouteTableIds = List.of(privateRt.id());
        }

        this.securityGroups = primary ? new SecurityGroups(this, vpc, naming, settings.interfaceEndpoints()) : null;
        Optional.ofNullable(securityGroups).flatMap(SecurityGroups::endpoints).ifPresent(endpointSg -> {
            for (String service : InterfaceEndpoints.SERVICES) {
                String slug = InterfaceEndpoints.slug(service);
                new VpcEndpoint(
                        name("endpoint-" + slug),
                        VpcEndpointArgs.builder()
                                .vpcId(vpc.id())
                                .serviceName(InterfaceEndpoints.serviceName(
                                        args.aws().region(), service))
                                .vpcEndpointType("Interface")
                                .privateDnsEnabled(true)
                                .subnetIds(subnetIds.get(SubnetTier.APP))
                                .securityGroupIds(Output.all(List.of(endpointSg.id())))
                                .tags(naming.nameTag(slug + "-endpoint"))
                                .build(),
                        child());
            }
        });

        // Managing the default SG with no rules revokes AWS's allow-all defaults (NET-7).
        new DefaultSecurityGroup(
                name("default-sg"),
                DefaultSecurityGroupArgs.builder()
                        .vpcId(vpc.id())
                        .tags(naming.nameTag("default-sg-unused"))
                        .build(),
                child());

        this.flowLogGroupName = FlowLogs.create(this, vpc, args);

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("vpcId", vpcId);
        outputs.put("vpcCidr", Output.of(vpcCidr));
        outputs.put("availabilityZones", availabilityZones);
        if (primary) {
            outputs.put("publicSubnetIds", publicSubnetIds());
        }
        outputs.put("appSubnetIds", appSubnetIds());
        outputs.put("dataSubnetIds", dataSubnetIds());
        if (primary) {
            outputs.put("publicRouteTableId", publicRouteTableId);
        }
        outputs.put("appRouteTableIds", appRouteTableIds);
        if (dataRouteTableId != null) {
            outputs.put("dataRouteTableId", dataRouteTableId);
        }
        outputs.put("natGatewayIds", natGatewayIds);
        if (primary) {
            outputs.put("appSecurityGroupId", appSecurityGroupId());
        }
        endpointSecurityGroupId().ifPresent(id -> outputs.put("endpointSecurityGroupId", id));
        outputs.put("flowLogGroupName", flowLogGroupName);
        registerOutputs(outputs);
    }

    /** The route tables a primary network builds, and its NAT gateways. */
    private record Internet(
            Output<String> publicRouteTableId,
            Output<List<String>> natGatewayIds,
            Output<List<String>> appRouteTableIds,
            Output<String> dataRouteTableId,
            List<Output<String>> privateRouteTableIds) {}

    /**
     * The primary network's ways out: the internet gateway and the public route table, NAT per strategy with
     * the app tier's per-AZ tables, the data tier's table without any internet route, and the S3 endpoint.
     */
    private Internet internetPaths(
            NetworkSettings settings, Vpc vpc, Map<SubnetTier, List<Subnet>> subnets, Naming naming, NetworkArgs args) {
        int azCount = settings.azCount();
        InternetGateway igw = new InternetGateway(
                name("igw"),
                InternetGatewayArgs.builder()
                        .vpcId(vpc.id())
                        .tags(naming.nameTag("igw"))
                        .build(),
                child());

        RouteTable publicRt = routeTable("public", vpc, naming);
        new Route(
                name("route-public-internet"),
                RouteArgs.builder()
                        .routeTableId(publicRt.id())
                        .destinationCidrBlock(ANYWHERE)
                        .gatewayId(igw.id())
                        .build(),
                child());
        associate(SubnetTier.PUBLIC.configValue(), subnets.get(SubnetTier.PUBLIC), i -> publicRt);

        List<NatGateway> nats =
                natGateways(settings.natStrategy(), azCount, subnets.get(SubnetTier.PUBLIC), igw, naming);

        List<RouteTable> appRts = new ArrayList<>();
        for (int az = 0; az < azCount; az++) {
            RouteTable rt = routeTable("app-" + (az + 1), vpc, naming);
            if (!nats.isEmpty()) {
                // perAz: each AZ's own gateway, so one AZ failing does not cut the others' egress.
                NatGateway nat = nats.get(settings.natStrategy() == NatStrategy.PER_AZ ? az : 0);
                new Route(
                        name("route-app-" + (az + 1) + "-nat"),
                        RouteArgs.builder()
                                .routeTableId(rt.id())
                                .destinationCidrBlock(ANYWHERE)
                                .natGatewayId(nat.id())
                                .build(),
                        child());
            }
            appRts.add(rt);
        }
        associate(SubnetTier.APP.configValue(), subnets.get(SubnetTier.APP), appRts::get);

        List<Output<String>> privateRouteTables =
                new ArrayList<>(appRts.stream().map(RouteTable::id).toList());
        Output<String> dataRouteTableId = null;
        if (settings.layout() == NetworkLayout.THREE_TIER) {
            // The data tier gets no route beyond the VPC (and the S3 gateway endpoint below).
            RouteTable dataRt = routeTable("data", vpc, naming);
            associate(SubnetTier.DATA.configValue(), subnets.get(SubnetTier.DATA), i -> dataRt);
            dataRouteTableId = dataRt.id();
            privateRouteTables.add(dataRt.id());
        }
        // Two tiers: the data stores share the app subnets and their route tables; there is no data table.
        new VpcEndpoint(
                name("endpoint-s3"),
                VpcEndpointArgs.builder()
                        .vpcId(vpc.id())
                        .serviceName(InterfaceEndpoints.serviceName(args.aws().region(), "s3"))
                        .vpcEndpointType("Gateway")
                        .routeTableIds(Output.all(privateRouteTables))
                        .tags(naming.nameTag("s3-endpoint"))
                        .build(),
                child());
        return new Internet(
                publicRt.id(),
                Output.all(nats.stream().map(NatGateway::id).toList()),
                Output.all(appRts.stream().map(RouteTable::id).toList()),
                dataRouteTableId,
                List.copyOf(privateRouteTables));
    }

    /** A standby network's only tier reads as what it is: private. */
    private static String label(SubnetTier tier, boolean primary) {
        return primary ? tier.configValue() : "private";
    }

    @Override
    protected Optional<Alias> movedFrom(String what) {
        return movedFrom.map(
                from -> from.parent().formerChildAlias(from.namePrefix() + what, pulumiResourceName() + "-" + what));
    }

    private static AvailabilityZones.Zone named(List<AvailabilityZones.Zone> available, String name) {
        return available.stream()
                .filter(z -> z.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("storefront:network.availabilityZones names " + name
                        + ", which is not an " + "available standard zone of this region: "
                        + available.stream().map(AvailabilityZones.Zone::name).toList()));
    }

    private static AvailabilityZones.Zone zoneAt(List<AvailabilityZones.Zone> sorted, int index, int azCount) {
        if (sorted.size() < azCount) {
            throw new IllegalStateException("storefront:network.azCount is " + azCount + " but the region offers only "
                    + sorted.size() + " standard availability zones: " + sorted);
        }
        return sorted.get(index);
    }

    private static Map<String, String> withTier(Map<String, String> tags, SubnetTier tier) {
        Map<String, String> all = new LinkedHashMap<>(tags);
        all.put("Tier", tier.configValue());
        return all;
    }

    private RouteTable routeTable(String what, Vpc vpc, Naming naming) {
        return new RouteTable(
                name("rt-" + what),
                RouteTableArgs.builder()
                        .vpcId(vpc.id())
                        .tags(naming.nameTag(what + "-rt"))
                        .build(),
                child());
    }

    private void associate(String label, List<Subnet> subnets, IntFunction<RouteTable> tableForAz) {
        for (int az = 0; az < subnets.size(); az++) {
            new RouteTableAssociation(
                    name("rta-" + label + "-" + (az + 1)),
                    RouteTableAssociationArgs.builder()
                            .subnetId(subnets.get(az).id())
                            .routeTableId(tableForAz.apply(az).id())
                            .build(),
                    child());
        }
    }

    private List<NatGateway> natGateways(
            NatStrategy strategy, int azCount, List<Subnet> publicSubnets, InternetGateway igw, Naming naming) {
        List<NatGateway> nats = new ArrayList<>();
        for (int az = 0; az < strategy.gatewayCount(azCount); az++) {
            String what = "nat-" + (az + 1);
            // An EIP and NAT gateway need the IGW attached first; no input of theirs references it.
            CustomResourceOptions afterIgw =
                    CustomResourceOptions.builder().parent(this).dependsOn(igw).build();
            Eip eip = new Eip(
                    name("eip-" + what),
                    EipArgs.builder()
                            .domain("vpc")
                            .tags(naming.nameTag(what + "-eip"))
                            .build(),
                    afterIgw);
            nats.add(new NatGateway(
                    name(what),
                    NatGatewayArgs.builder()
                            .allocationId(eip.allocationId())
                            .subnetId(publicSubnets.get(az).id())
                            .connectivityType("public")
                            .tags(naming.nameTag(what))
                            .build(),
                    afterIgw));
        }
        return nats;
    }

    public Output<String> vpcId() {
        return vpcId;
    }

    public String vpcCidr() {
        return vpcCidr;
    }

    public Output<List<String>> availabilityZones() {
        return availabilityZones;
    }

    /** The zone ids of {@link #availabilityZones()}, in the same order (one subnet of each tier per zone). */
    public Output<List<String>> availabilityZoneIds() {
        return availabilityZoneIds;
    }

    public Output<List<String>> subnetIds(SubnetTier tier) {
        return subnetIds.get(tier);
    }

    public Output<List<String>> publicSubnetIds() {
        return subnetIds.get(SubnetTier.PUBLIC);
    }

    public Output<List<String>> appSubnetIds() {
        return subnetIds.get(SubnetTier.APP);
    }

    /** Where the data stores live: the data subnets, or the app subnets of a two-tier VPC. */
    public Output<List<String>> dataSubnetIds() {
        return subnetIds.get(dataTier);
    }

    public Output<String> publicRouteTableId() {
        return publicRouteTableId;
    }

    public Output<List<String>> appRouteTableIds() {
        return appRouteTableIds;
    }

    /** The data tier's route table; absent in a two-tier VPC. */
    public java.util.Optional<Output<String>> dataRouteTableId() {
        return java.util.Optional.ofNullable(dataRouteTableId);
    }

    /** The app route tables (one per AZ) and the data route table: every table a peered network routes through. */
    public List<Output<String>> privateRouteTableIds() {
        return privateRouteTableIds;
    }

    public Output<List<String>> natGatewayIds() {
        return natGatewayIds;
    }

    /** The SG of the application tasks; the data tier admits it and the service tier attaches it. */
    public Output<String> appSecurityGroupId() {
        if (securityGroups == null) {
            throw new IllegalStateException("a standby network has no app security group");
        }
        return securityGroups.app().id();
    }

    public Optional<Output<String>> endpointSecurityGroupId() {
        return Optional.ofNullable(securityGroups)
                .flatMap(SecurityGroups::endpoints)
                .map(sg -> sg.id());
    }

    public Output<String> flowLogGroupName() {
        return flowLogGroupName;
    }
}
