package com.storefront.config;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and validates {@code storefront:network}, resolving every subnet CIDR. */
final class NetworkSettingsReader {

    /** Enough room for 3 AZs x 3 tiers plus spare blocks; /28 is the smallest subnet AWS allows. */
    private static final int SUBNET_NEW_BITS = 4;
    private static final int MIN_VPC_PREFIX = 16;
    private static final int MAX_VPC_PREFIX = 24;
    private static final int MIN_SUBNET_PREFIX = 16;
    private static final int MAX_SUBNET_PREFIX = 28;

    private NetworkSettingsReader() {
    }

    /** A zone name of the region: the region and a letter, e.g. us-east-1a. */
    private static final java.util.regex.Pattern ZONE = java.util.regex.Pattern.compile("^[a-z]{2}(-[a-z]+)+-\\d[a-z]$");

    static NetworkSettings read(ConfigSection section, Environment environment, String region) {
        ConfigProblems problems = section.problems();
        String vpcText = section.string("vpcCidr", "10.0.0.0/16");
        Optional<Cidr> vpc = Cidr.parse(vpcText).filter(c -> c.prefix() >= MIN_VPC_PREFIX && c.prefix() <= MAX_VPC_PREFIX);
        if (vpc.isEmpty()) {
            problems.add(section.key("vpcCidr"), vpcText, "must be an IPv4 CIDR block from /" + MIN_VPC_PREFIX
                    + " to /" + MAX_VPC_PREFIX + " with no host bits set, e.g. 10.0.0.0/16");
        }
        int azCount = section.integer("azCount", environment.pick(2, 3), 2, 3);
        NatStrategy nat = section.choice("natStrategy", NatStrategy.class,
                environment.pick(NatStrategy.SINGLE, NatStrategy.PER_AZ));
        boolean endpoints = section.bool("interfaceEndpoints", environment.pick(false, true));
        NetworkLayout layout = section.choice("layout", NetworkLayout.class, NetworkLayout.THREE_TIER);
        Optional<List<String>> zones = section.stringList("availabilityZones");
        zones.ifPresent(given -> {
            String key = section.key("availabilityZones");
            if (given.size() != azCount) {
                problems.add(key, String.join(",", given), "must list exactly azCount (" + azCount + ") zones");
            }
            if (given.stream().distinct().count() != given.size()) {
                problems.add(key, String.join(",", given), "must name each zone once (one subnet per tier per zone)");
            }
            given.stream().filter(z -> !ZONE.matcher(z).matches() || !z.startsWith(region) || z.length() != region.length() + 1)
                    .forEach(z -> problems.add(key, z, "must be zone names of " + region + ", e.g. " + region + "a"));
        });

        ConfigSection explicit = section.section("subnetCidrs");
        Map<SubnetTier, List<String>> cidrs = new EnumMap<>(SubnetTier.class);
        List<Cidr> all = new ArrayList<>();
        List<String> allKeys = new ArrayList<>();
        for (SubnetTier tier : SubnetTier.values()) {
            String key = explicit.key(tier.configValue());
            Optional<List<String>> given = explicit.stringList(tier.configValue());
            if (tier == SubnetTier.DATA && layout == NetworkLayout.TWO_TIER) {
                given.ifPresent(g -> problems.add(key, String.join(",", g), "must be unset with layout twoTier: "
                        + "the data stores use the app subnets"));
                cidrs.put(tier, List.of());
                continue;
            }
            List<String> tierCidrs = new ArrayList<>();
            if (given.isPresent()) {
                if (given.get().size() != azCount) {
                    problems.add(key, String.join(",", given.get()),
                            "must list exactly azCount (" + azCount + ") CIDR blocks, one per AZ");
                }
                for (String text : given.get()) {
                    Optional<Cidr> cidr = Cidr.parse(text)
                            .filter(c -> c.prefix() >= MIN_SUBNET_PREFIX && c.prefix() <= MAX_SUBNET_PREFIX);
                    if (cidr.isEmpty()) {
                        problems.add(key, text, "must be IPv4 CIDR blocks from /" + MIN_SUBNET_PREFIX + " to /"
                                + MAX_SUBNET_PREFIX + " with no host bits set, e.g. 10.0.1.0/24");
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
                    problems.add(allKeys.get(j), all.get(j),
                            "overlaps " + all.get(i) + " of " + allKeys.get(i) + "; subnet blocks must not overlap");
                }
            }
        }
        if (nat == NatStrategy.NONE && !endpoints) {
            problems.add(section.key("natStrategy"), nat.configValue(),
                    "with natStrategy none, set " + section.key("interfaceEndpoints")
                            + " to true: tasks in app subnets need a path to ECR, CloudWatch Logs and Secrets Manager");
        }
        section.rejectUnknownKeys();
        return new NetworkSettings(vpc.map(Cidr::toString).orElse(vpcText), azCount, nat, cidrs, endpoints, layout,
                zones.map(List::copyOf));
    }

}
