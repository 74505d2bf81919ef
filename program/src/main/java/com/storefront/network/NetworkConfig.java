package com.storefront.network;

import com.storefront.config.Cidr;
import com.storefront.config.ConfigProblems;
import com.storefront.config.ConfigSection;
import com.storefront.config.Environment;
import com.storefront.config.NatStrategy;
import com.storefront.config.NetworkLayout;
import com.storefront.config.NetworkSettings;
import com.storefront.config.Setting;
import com.storefront.config.SettingGroup;
import com.storefront.config.SettingValues;
import com.storefront.config.SubnetTier;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code storefront:network}: declared settings of the VPC (NET-1..NET-5), and their reader. */
public final class NetworkConfig {

    /** Enough room for 3 AZs x 3 tiers plus spare blocks. */
    private static final int SUBNET_NEW_BITS = 4;
    /** The smallest subnet AWS allows (data tier). */
    private static final int MAX_SUBNET_PREFIX = 28;
    /** An ALB needs a /27 or larger in each of its subnets (at least 8 free addresses to scale). */
    static final int MAX_ALB_SUBNET_PREFIX = 27;

    private static final Pattern ZONE = Pattern.compile("^[a-z]{2}(-[a-z]+)+-\\d[a-z]$");

    static final Setting<String> VPC_CIDR = Setting.text(
                    "vpcCidr",
                    "an IPv4 CIDR block from /16 to /24 with no host "
                            + "bits set, e.g. 10.0.0.0/16; derived subnets need /23 or larger (a /24 VPC needs explicit "
                            + "public and app subnetCidrs, /27 or larger)")
            .rule(v -> Cidr.parse(v)
                    .filter(c -> c.prefix() >= 16 && c.prefix() <= 24)
                    .isPresent())
            .doc("the VPC's address block; derived subnets are a sixteenth of it each")
            .defaultValue("10.0.0.0/16");
    static final Setting<Integer> AZ_COUNT = Setting.wholeNumber("azCount", 2, 3)
            .doc("availability zones; one subnet per tier in each")
            .byEnvironment(2, 3);
    static final Setting<NatStrategy> NAT_STRATEGY = Setting.choice("natStrategy", NatStrategy.class)
            .doc("how app subnets reach the internet: `none` (needs `interfaceEndpoints` and an image in the "
                    + "stack's ECR), one NAT gateway, or one per AZ")
            .byEnvironment(NatStrategy.SINGLE, NatStrategy.PER_AZ);
    static final Setting<Boolean> INTERFACE_ENDPOINTS = Setting.bool("interfaceEndpoints")
            .doc("ECR api/dkr, CloudWatch Logs and Secrets Manager endpoints in the app subnets")
            .byEnvironment(false, true);
    static final Setting<NetworkLayout> LAYOUT = Setting.choice("layout", NetworkLayout.class)
            .doc("`threeTier`: public, app and data subnets per AZ (data without a route out); `twoTier`: public "
                    + "and private subnets, Aurora and ElastiCache in the private (app) ones. **Choose at creation**: "
                    + "a change moves the data stores' subnet groups, which RDS refuses while instances run there")
            .defaultValue(NetworkLayout.THREE_TIER);
    static final Setting<Optional<List<String>>> AVAILABILITY_ZONES = Setting.list(
                    "availabilityZones",
                    "exactly `azCount` distinct zone names of the stack region, e.g. `us-east-1a`, `us-east-1b`")
            .doc("the zones to use, each an available standard zone (checked in preview). **Choose at creation**: "
                    + "a change (even a reordering) replaces the subnets and with them the Aurora instances")
            .shown("the region's first `azCount` zones by name", "the same")
            .optional();
    static final Setting<String> SUBNET_CIDRS = Setting.declaredOnly(
                    "subnetCidrs", Setting.Kind.OBJECT, "an object with `public`, `app`, `data` lists")
            .doc("explicit subnet blocks per tier (below); unset tiers are derived")
            .shown("derived", "derived")
            .defaultValue("");

    public static final SettingGroup GROUP = new SettingGroup(
            "storefront:network",
            "the VPC",
            List.of(VPC_CIDR, AZ_COUNT, NAT_STRATEGY, INTERFACE_ENDPOINTS, LAYOUT, AVAILABILITY_ZONES, SUBNET_CIDRS));

    private static Setting<Optional<List<String>>> tierCidrs(SubnetTier tier, String doc) {
        int smallest = tier == SubnetTier.DATA ? MAX_SUBNET_PREFIX : MAX_ALB_SUBNET_PREFIX;
        return Setting.list(
                        tier.configValue(),
                        "exactly `azCount` IPv4 CIDR blocks from /16 to /" + smallest
                                + ", inside the VPC, not overlapping, e.g. 10.0.1.0/24, 10.0.2.0/24")
                .doc(doc)
                .shown("derived", "derived")
                .optional();
    }

    static final Setting<Optional<List<String>>> PUBLIC_CIDRS = tierCidrs(
            SubnetTier.PUBLIC,
            "public subnets (NAT gateways; the ALB with `tls.domainName`), /27 or larger as an ALB needs");
    static final Setting<Optional<List<String>>> APP_CIDRS = tierCidrs(
            SubnetTier.APP, "app subnets (tasks, endpoints; the internal ALB), /27 or larger as an ALB needs");
    static final Setting<Optional<List<String>>> DATA_CIDRS =
            tierCidrs(SubnetTier.DATA, "data subnets (Aurora, ElastiCache); not with `layout: twoTier`");
    public static final SettingGroup SUBNETS_GROUP = new SettingGroup(
            "storefront:network.subnetCidrs",
            "explicit subnet blocks, one per AZ in zone order; derived blocks: the VPC is cut into 16, public "
                    + "subnets take blocks 0–2, app 4–6, data 8–10",
            List.of(PUBLIC_CIDRS, APP_CIDRS, DATA_CIDRS));

    private NetworkConfig() {}

    public static NetworkSettings read(ConfigSection section, Environment environment, String region) {
        SettingValues values = new SettingValues(section, environment);
        ConfigProblems problems = section.problems();
        String vpcText = values.read(VPC_CIDR);
        Optional<Cidr> vpc = Cidr.parse(vpcText);
        int azCount = values.read(AZ_COUNT);
        NatStrategy nat = values.read(NAT_STRATEGY);
        boolean endpoints = values.read(INTERFACE_ENDPOINTS);
        NetworkLayout layout = values.read(LAYOUT);
        values.read(AVAILABILITY_ZONES).ifPresent(given -> {
            String key = values.key(AVAILABILITY_ZONES);
            if (given.size() != azCount) {
                problems.add(key, given, "must list exactly azCount (" + azCount + ") zones");
            }
            if (given.stream().distinct().count() != given.size()) {
                problems.add(key, given, "must name each zone once (one subnet per tier per zone)");
            }
            given.stream()
                    .filter(z ->
                            !ZONE.matcher(z).matches() || !z.startsWith(region) || z.length() != region.length() + 1)
                    .forEach(z -> problems.add(key, z, "must be zone names of " + region + ", e.g. " + region + "a"));
        });
        section.declare(SUBNET_CIDRS.name());
        values.drop(SUBNET_CIDRS);
        values.put("subnetCidrs", subnets(section.section(SUBNET_CIDRS.name()), environment, vpc, azCount, layout));
        if (nat == NatStrategy.NONE && !endpoints) {
            problems.add(
                    values.key(NAT_STRATEGY),
                    nat.configValue(),
                    "with natStrategy none, set "
                            + values.key(INTERFACE_ENDPOINTS) + " to true: tasks in app subnets need a path to ECR, "
                            + "CloudWatch Logs and Secrets Manager");
        }
        values.put(VPC_CIDR.name(), vpc.map(Cidr::toString).orElse(vpcText));
        section.rejectUnknownKeys();
        return values.build(NetworkSettings.class);
    }

    private static Map<SubnetTier, List<String>> subnets(
            ConfigSection explicit, Environment environment, Optional<Cidr> vpc, int azCount, NetworkLayout layout) {
        ConfigProblems problems = explicit.problems();
        Map<SubnetTier, Setting<Optional<List<String>>>> settings =
                Map.of(SubnetTier.PUBLIC, PUBLIC_CIDRS, SubnetTier.APP, APP_CIDRS, SubnetTier.DATA, DATA_CIDRS);
        Map<SubnetTier, List<String>> cidrs = new EnumMap<>(SubnetTier.class);
        List<Cidr> all = new ArrayList<>();
        List<String> allKeys = new ArrayList<>();
        boolean reportedDerived = false;
        for (SubnetTier tier : SubnetTier.values()) {
            Setting<Optional<List<String>>> setting = settings.get(tier);
            String key = explicit.key(setting.name());
            Optional<List<String>> given = setting.read(explicit, environment);
            int smallest = tier == SubnetTier.DATA ? MAX_SUBNET_PREFIX : MAX_ALB_SUBNET_PREFIX;
            if (tier == SubnetTier.DATA && layout == NetworkLayout.TWO_TIER) {
                given.ifPresent(g -> problems.add(
                        key, g, "must be unset with layout twoTier: " + "the data stores use the app subnets"));
                cidrs.put(tier, List.of());
                continue;
            }
            List<String> tierCidrs = new ArrayList<>();
            if (given.isPresent()) {
                if (given.get().size() != azCount) {
                    problems.add(
                            key, given.get(), "must list exactly azCount (" + azCount + ") CIDR blocks, one per AZ");
                }
                for (String text : given.get()) {
                    Optional<Cidr> cidr = Cidr.parse(text).filter(c -> c.prefix() >= 16 && c.prefix() <= smallest);
                    if (cidr.isEmpty()) {
                        problems.add(
                                key,
                                text,
                                "must be IPv4 CIDR blocks from /16 to /" + smallest
                                        + " with no host bits set, e.g. 10.0.1.0/24"
                                        + (smallest == MAX_ALB_SUBNET_PREFIX
                                                ? " (an ALB needs /27 or larger in its subnets)"
                                                : ""));
                        continue;
                    }
                    if (vpc.isPresent() && !vpc.get().contains(cidr.get())) {
                        problems.add(key, text, "must lie inside the VPC CIDR " + vpc.get());
                    }
                    all.add(cidr.get());
                    allKeys.add(key);
                    tierCidrs.add(cidr.get().toString());
                }
            } else if (vpc.isPresent()) {
                for (int az = 0; az < azCount; az++) {
                    // Tiers sit in separate quarters of the VPC so explicit and derived blocks rarely collide.
                    Cidr derived = vpc.get().subnet(SUBNET_NEW_BITS, tier.ordinal() * 4 + az);
                    if (az == 0 && derived.prefix() > smallest && !reportedDerived) {
                        reportedDerived = true;
                        problems.add(
                                NetworkConfig.GROUP.key(VPC_CIDR),
                                vpc.get(),
                                "derives /" + derived.prefix()
                                        + " " + tier.configValue() + " subnets, smaller than the /" + smallest
                                        + " an ALB needs; "
                                        + "use a /" + (smallest - SUBNET_NEW_BITS) + " or larger VPC, or set " + key);
                    }
                    all.add(derived);
                    allKeys.add(key + " (derived)");
                    tierCidrs.add(derived.toString());
                }
            }
            cidrs.put(tier, List.copyOf(tierCidrs));
        }
        explicit.rejectUnknownKeys();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (all.get(i).overlaps(all.get(j))) {
                    problems.add(
                            allKeys.get(j),
                            all.get(j),
                            "overlaps " + all.get(i) + " of " + allKeys.get(i) + "; subnet blocks must not overlap");
                }
            }
        }
        return cidrs;
    }
}
