package com.storefront.config;

import com.storefront.naming.Naming;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parses the {@code storefront:} namespace (plus {@code aws:region}) into {@link StackSettings}.
 * All problems are collected and thrown together, before the program registers anything.
 */
public final class SettingsLoader {

    public static final String NAMESPACE = "storefront";

    private static final Pattern SUFFIX = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d$");
    /** Characters AWS accepts in tag values. */
    private static final Pattern TAG_VALUE = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,256}$");
    /** Enough room for 3 AZs x 3 tiers plus spare blocks; /28 is the smallest subnet AWS allows. */
    private static final int SUBNET_NEW_BITS = 4;
    private static final int MIN_VPC_PREFIX = 16;
    private static final int MAX_VPC_PREFIX = 24;
    private static final int MIN_SUBNET_PREFIX = 16;
    private static final int MAX_SUBNET_PREFIX = 28;

    private SettingsLoader() {
    }

    /**
     * @param storefront raw values of the {@code storefront:} namespace, by key without the namespace
     * @param aws        raw values of the {@code aws:} namespace
     */
    public static StackSettings load(Function<String, Optional<String>> storefront,
                                     Function<String, Optional<String>> aws) {
        ConfigProblems problems = new ConfigProblems();
        ConfigSection root = ConfigSection.namespace(NAMESPACE, storefront, problems);

        String region = aws.apply("region").map(String::trim).orElse("");
        if (!REGION.matcher(region).matches()) {
            problems.add("aws:region", region.isEmpty() ? null : region,
                    "must be set to an AWS region code such as us-west-2 (pulumi config set aws:region us-west-2)");
        }

        Environment environment = root.choice("environment", Environment.class, Environment.DEV);
        String suffix = root.requiredString("environmentSuffix", suffixRule()).map(s -> {
            if (!SUFFIX.matcher(s).matches() || s.length() > Naming.MAX_SUFFIX_LENGTH) {
                problems.add(root.key("environmentSuffix"), s, suffixRule());
            }
            return s;
        }).orElse("invalid");

        TagSettings tags = new TagSettings(
                environment.configValue(),
                tagValue(root, "project", Optional.of("storefront")),
                tagValue(root, "owner", Optional.empty()));
        boolean protect = root.bool("protect", environment.pick(false, true));
        int logRetentionDays = LogRetention.read(root, "logRetentionDays", environment.pick(14, 30));
        NetworkSettings network = network(root.section("network"), environment);
        DrSettings dr = dr(root.section("dr"), environment, region);

        problems.throwIfAny();
        return new StackSettings(environment, suffix, region, protect, tags, logRetentionDays, network, dr);
    }

    private static String suffixRule() {
        return "lowercase letters, digits and single hyphens (not at the start or end), at most "
                + Naming.MAX_SUFFIX_LENGTH + " characters, so every derived name fits AWS limits";
    }

    private static String tagValue(ConfigSection root, String name, Optional<String> defaultValue) {
        Optional<String> value = defaultValue.isPresent()
                ? Optional.of(root.string(name, defaultValue.get()))
                : root.requiredString(name, "the team or person who owns this stack (used as the Owner tag)");
        if (value.isPresent() && !TAG_VALUE.matcher(value.get()).matches()) {
            root.problems().add(root.key(name), value.get(),
                    "must be 1-256 letters, digits, spaces or _ . : / = + - @ (AWS tag value rules)");
        }
        return value.orElse("invalid");
    }

    private static NetworkSettings network(ConfigSection section, Environment environment) {
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

        ConfigSection explicit = section.section("subnetCidrs");
        Map<SubnetTier, List<String>> cidrs = new EnumMap<>(SubnetTier.class);
        List<Cidr> all = new ArrayList<>();
        List<String> allKeys = new ArrayList<>();
        for (SubnetTier tier : SubnetTier.values()) {
            String key = explicit.key(tier.configValue());
            Optional<List<String>> given = explicit.stringList(tier.configValue());
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
        return new NetworkSettings(vpc.map(Cidr::toString).orElse(vpcText), azCount, nat, cidrs, endpoints);
    }

    private static DrSettings dr(ConfigSection section, Environment environment, String primaryRegion) {
        boolean enabled = section.bool("enabled", environment.pick(false, true));
        Optional<String> region = section.optionalString("region");
        if (enabled && region.isEmpty()) {
            section.problems().add(section.key("region"), null,
                    "is required when " + section.key("enabled") + " is true; an AWS region other than " + primaryRegion);
        }
        region.ifPresent(r -> {
            if (!REGION.matcher(r).matches()) {
                section.problems().add(section.key("region"), r, "must be an AWS region code such as us-west-2");
            } else if (r.equals(primaryRegion)) {
                section.problems().add(section.key("region"), r,
                        "must differ from the primary region aws:region (" + primaryRegion + ")");
            }
        });
        section.rejectUnknownKeys();
        return new DrSettings(enabled, region.orElse(""));
    }
}
