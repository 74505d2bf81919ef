package com.storefront.config;

import com.storefront.naming.Naming;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parses the {@code storefront:} namespace (plus {@code aws:region}) into {@link StackSettings}.
 * All problems are collected and thrown together, before the program registers anything.
 */
public final class SettingsLoader {

    public static final String NAMESPACE = "storefront";

    private static final Pattern SUFFIX = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    /** Commercial-partition regions: service principals and ARNs here assume the aws partition. */
    static final Pattern REGION = Pattern.compile("^(us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\\d$");
    /** Characters AWS accepts in tag values. */
    private static final Pattern TAG_VALUE = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,256}$");

    private SettingsLoader() {
    }

    /**
     * @param storefront raw values of the {@code storefront:} namespace, by key without the namespace
     * @param aws        raw values of the {@code aws:} namespace
     */
    public static StackSettings load(Function<String, Optional<String>> storefront,
                                     Function<String, Optional<String>> aws) {
        return load(storefront, aws, new ConfigProblems());
    }

    /** As {@link #load(Function, Function)}, collecting into {@code problems} (which also records the keys read). */
    static StackSettings load(Function<String, Optional<String>> storefront, Function<String, Optional<String>> aws,
                              ConfigProblems problems) {
        ConfigSection root = ConfigSection.namespace(NAMESPACE, storefront, problems);

        problems.read("aws:region");
        problems.read("aws:profile");
        String region = aws.apply("region").map(String::trim).orElse("");
        if (!REGION.matcher(region).matches()) {
            problems.add("aws:region", region.isEmpty() ? null : region,
                    "must be set to an AWS region code such as us-west-2 (pulumi config set aws:region us-west-2)");
        }

        Environment environment = root.choice("environment", Environment.class, Environment.DEV);
        List<String> accounts = root.stringList("allowedAccountIds").orElse(List.of());
        accounts.stream().filter(a -> !a.matches("^\\d{12}$")).forEach(a -> problems.add(root.key("allowedAccountIds"), a,
                "must be 12-digit AWS account ids"));
        AccountGuard account = new AccountGuard(aws.apply("profile").map(String::trim).filter(p -> !p.isEmpty()),
                accounts);
        String suffix = root.requiredString("environmentSuffix", suffixRule()).map(s -> {
            if (!SUFFIX.matcher(s).matches() || s.length() > Naming.MAX_SUFFIX_LENGTH) {
                problems.add(root.key("environmentSuffix"), s, suffixRule());
            }
            return s;
        }).orElse("invalid");

        TagSettings tags = tags(root, environment);
        boolean protect = root.bool("protect", environment.pick(false, true));
        Teardown teardown = root.choice("teardown", Teardown.class, environment.pick(Teardown.FORCE_DELETE, Teardown.DECOMMISSION));
        if (protect && teardown == Teardown.FORCE_DELETE) {
            problems.add(root.key("teardown"), teardown.configValue(), "must be decommission while " + root.key("protect")
                    + " is true: a protected stack is never force-deleted (set protect: false first, deliberately)");
        }
        int logRetentionDays = LogRetention.read(root, "logRetentionDays", environment.pick(14, 30));
        NetworkSettings network = NetworkSettingsReader.read(root.section("network"), environment, region);
        DatabaseSettings database = DatabaseSettingsReader.read(root.section("database"), environment);
        CacheSettings cache = CacheSettingsReader.read(root.section("cache"), root, storefront, environment);
        ServiceSettings service = ServiceSettingsReader.read(root.section("service"), environment, region, network);
        SecretValue originSecret = ServiceSettingsReader.originSecret(root, storefront);
        DeploymentSettings deployment = ServiceSettingsReader.deployment(root.section("deployment"), environment);
        EdgeSettings edge = EdgeSettingsReader.read(root.section("edge"), environment);
        ApiSettings api = EdgeSettingsReader.api(root.section("api"), environment);
        if (edge.domainName().isPresent() && edge.domainName().equals(service.tls().domainName())) {
            problems.add(root.key("edge") + ".domainName", edge.domainName().get(), "must differ from "
                    + root.key("service") + ".domainName: viewers reach CloudFront by one name, CloudFront the ALB by another");
        }
        if (teardown == Teardown.FORCE_DELETE && api.enabled() && api.manageAccountLogging()) {
            problems.add(root.key("api") + ".manageAccountLogging", true, "must be false with teardown forceDelete: the "
                    + "region's API Gateway logging setting (and its role) outlive the stack, which a force delete must "
                    + "not leave behind; name the role already registered with api.cloudWatchRoleArn");
        }
        AlertSettings alerts = AlertSettingsReader.read(root.section("alerts"));
        DrSettings dr = DrSettingsReader.read(root.section("dr"), environment, region, network.vpcCidr());

        problems.throwIfAny();
        return new StackSettings(environment, suffix, region, account, protect, teardown, tags, logRetentionDays, network, database,
                cache, service, deployment, edge, api, originSecret, alerts, dr);
    }

    private static String suffixRule() {
        return "lowercase letters, digits and single hyphens (not at the start or end), at most "
                + Naming.MAX_SUFFIX_LENGTH + " characters, so every derived name fits AWS limits";
    }

    /** AWS tag rules: keys 1-128, values 0-256 characters of letters, digits, spaces and _ . : / = + - @. */
    private static final java.util.regex.Pattern TAG_KEY = java.util.regex.Pattern.compile("^[\\p{L}\\p{N} _.:/=+\\-@]{1,128}$");
    /** AWS allows 50 tags per resource; the stack's own Name and Tier tags and the four required ones need room. */
    static final int MAX_EXTRA_TAGS = 40;

    /**
     * CFG-4: Environment, Project, Owner and ManagedBy on everything, with the team's own values, plus extra
     * tags from {@code storefront:tags} (its {@code Environment} overrides the tag's value, e.g. production).
     */
    private static TagSettings tags(ConfigSection root, Environment environment) {
        ConfigSection section = root.section("tags");
        Map<String, String> extra = new java.util.TreeMap<>();
        String environmentTag = environment.configValue();
        // IAM compares tag keys ignoring case: two keys that differ only in case fail every role.
        Set<String> seen = new java.util.HashSet<>();
        for (String key : section.presentKeys()) {
            String value = section.string(key, "");
            String folded = key.toLowerCase(java.util.Locale.ROOT);
            if (!seen.add(folded)) {
                root.problems().add(section.key(key), value, "repeats another tag key but for case; AWS treats keys "
                        + "case-insensitively in IAM");
            } else if (key.equals("Environment")) {
                environmentTag = value;
            } else if (Set.of("project", "owner").contains(folded)) {
                root.problems().add(section.key(key), value, "is set by " + root.key(folded) + "; set it there");
            } else if (Set.of("managedby", "name", "tier", "environment").contains(folded) || folded.startsWith("aws:")) {
                root.problems().add(section.key(key), value, "is reserved (ManagedBy is always pulumi, Name and Tier are "
                        + "the stack's own, Environment is spelt so; aws: tags are AWS's own)");
            } else if (!TAG_KEY.matcher(key).matches()) {
                root.problems().add(section.key(key), value, "must be a tag key of 1-128 letters, digits, spaces or _ . : / = + - @");
            } else {
                extra.put(key, value);
            }
            if (!TAG_VALUE.matcher(value).matches()) {
                root.problems().add(section.key(key), value,
                        "must be 1-256 letters, digits, spaces or _ . : / = + - @ (AWS tag value rules)");
            }
        }
        if (extra.size() > MAX_EXTRA_TAGS) {
            root.problems().add(root.key("tags"), extra.size() + " tags", "must be at most " + MAX_EXTRA_TAGS
                    + " extra tags: AWS allows 50 per resource, and the stack's own need the rest");
        }
        return new TagSettings(environmentTag,
                tagValue(root, "project", Optional.of("storefront")),
                tagValue(root, "owner", Optional.empty()), Map.copyOf(extra));
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
}
