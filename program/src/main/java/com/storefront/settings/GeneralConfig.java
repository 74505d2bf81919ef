package com.storefront.settings;

import com.storefront.api.ApiConfig;
import com.storefront.config.Environment;
import com.storefront.config.LogRetention;
import com.storefront.config.Regions;
import com.storefront.config.Setting;
import com.storefront.config.SettingGroup;
import com.storefront.config.Teardown;
import com.storefront.data.CacheConfig;
import com.storefront.data.DatabaseConfig;
import com.storefront.dr.DrConfig;
import com.storefront.edge.EdgeConfig;
import com.storefront.naming.Naming;
import com.storefront.network.NetworkConfig;
import com.storefront.observability.AlertsConfig;
import com.storefront.security.EdgeSecretsConfig;
import com.storefront.service.DeploymentConfig;
import com.storefront.service.LoadBalancerConfig;
import com.storefront.service.ScalingConfig;
import com.storefront.service.TaskConfig;
import com.storefront.service.TlsConfig;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The top level of {@code storefront:} and the {@code aws:} keys: declared settings, the sections
 * beside them, and what the explicit providers would not read.
 */
public final class GeneralConfig {

    public static final String NAMESPACE = "storefront";

    // ---- aws: ---------------------------------------------------------------------------------------
    static final Setting<Optional<String>> REGION = Setting.text(
                    "region",
                    "a commercial-partition AWS region (table "
                            + "`regions.tsv`); an opt-in region must be enabled in the account first")
            .check(Regions::problem)
            .doc("the stack's region (`pulumi config set aws:region us-west-2`)")
            .shown("(required; `us-west-2` in `Pulumi.dev.yaml`)", "(required; `us-east-2` in `Pulumi.prod.yaml`)")
            .required();
    static final Setting<Optional<String>> PROFILE = Setting.text("profile", "a profile of the AWS shared config")
            .doc("passed to every provider (explicit providers do not read `aws:` config themselves)")
            .optional();
    public static final SettingGroup AWS_GROUP = new SettingGroup("aws", "the AWS providers", List.of(REGION, PROFILE));

    /**
     * {@code aws:} keys a default AWS provider would read but this program's explicit providers never
     * see, with what to do instead. Any other {@code aws:} key is refused too.
     */
    static final Map<String, String> AWS_INSTEAD = Map.of(
            "allowedAccountIds", "set storefront:allowedAccountIds (passed to every provider)",
            "forbiddenAccountIds", "list the accounts this stack may use in storefront:allowedAccountIds",
            "defaultTags", "set storefront:tags (passed to every provider as default tags)",
            "assumeRole",
                    "deploy with credentials of that role (a profile with role_arn in aws:profile, or OIDC in CI)",
            "assumeRoles",
                    "deploy with credentials of that role (a profile with role_arn in aws:profile, or OIDC in CI)",
            "accessKey", "use aws:profile or environment credentials; never keys in a stack file",
            "secretKey", "use aws:profile or environment credentials; never keys in a stack file");

    // ---- storefront: --------------------------------------------------------------------------------
    static final Setting<Environment> ENVIRONMENT = Setting.choice("environment", Environment.class)
            .doc("picks the defaults of every other setting (cheap and destroyable, or available and protected)")
            .shown("`dev`", "`prod` (set it)")
            .defaultValue(Environment.DEV);
    static final Setting<Optional<String>> ENVIRONMENT_SUFFIX = Setting.text(
                    "environmentSuffix",
                    "lowercase letters, digits and single hyphens (not at the start or end), at most "
                            + Naming.MAX_SUFFIX_LENGTH + " characters, so every derived name fits AWS limits")
            .check(GeneralConfig::suffixProblem)
            .doc("part of every physical name: `storefront-<what>-<suffix>`")
            .required();
    static final Setting<Optional<String>> OWNER = Setting.text(
                    "owner",
                    TagsConfig.VALUE,
                    "the team or person who owns this stack: 1-256 letters, digits, spaces or _ . : / = + - @")
            .doc("the `Owner` tag")
            .required();
    static final Setting<String> PROJECT = Setting.text(
                    "project",
                    TagsConfig.VALUE,
                    "1-256 letters, digits, spaces or _ . : / = + - @ (AWS tag value rules)")
            .doc("the `Project` tag")
            .defaultValue("storefront");
    static final Setting<String> TAGS = Setting.declaredOnly(
                    "tags",
                    Setting.Kind.OBJECT,
                    "an object of tag keys and " + "values by AWS's tag rules, at most " + TagsConfig.MAX_EXTRA_TAGS
                            + " extra")
            .doc("tags for every resource, through every provider's default tags: `Environment` sets that tag's value "
                    + "(e.g. `production`; default: the `environment` setting), other keys are extra tags (e.g. "
                    + "`CostCenter`); `Project` and `Owner` come from their own keys; `ManagedBy`, `Name`, `Tier` and "
                    + "`aws:` keys are reserved")
            .shown("—", "—")
            .defaultValue("");
    static final Setting<List<String>> ALLOWED_ACCOUNT_IDS = Setting.list(
                    "allowedAccountIds", "12-digit AWS account " + "ids, quoted")
            .rule(l -> l.stream().allMatch(a -> a.matches("^\\d{12}$")))
            .doc("every provider refuses credentials of other accounts (recommended for prod)")
            .shown("—", "—")
            .defaultValue(List.of());
    static final Setting<Boolean> PROTECT = Setting.bool("protect")
            .doc("Pulumi `protect`, deletion protection, final snapshots, 30-day KMS window")
            .byEnvironment(false, true);
    static final Setting<Teardown> TEARDOWN = Setting.choice("teardown", Teardown.class)
            .doc("what `pulumi destroy` means: `decommission` keeps final Aurora and Redis snapshots, both backup "
                    + "vaults with their recovery points, and the keys that decrypt them; `forceDelete` removes "
                    + "everything and needs `protect: false`. See [Removing a stack](#removing-a-stack)")
            .byEnvironment(Teardown.FORCE_DELETE, Teardown.DECOMMISSION);
    static final Setting<Integer> LOG_RETENTION_DAYS = Setting.wholeNumber("logRetentionDays", 1, 3653)
            .allowed("a value CloudWatch Logs accepts: "
                    + LogRetention.ALLOWED_DAYS.toString().replaceAll("[\\[\\]]", ""))
            .rule(LogRetention.ALLOWED_DAYS::contains)
            .doc("retention of every log group")
            .byEnvironment(14, 30);

    /** The sections, in README order: each is an object whose keys its own group declares. */
    public static final List<SettingGroup> SECTIONS = List.of(
            NetworkConfig.GROUP,
            NetworkConfig.SUBNETS_GROUP,
            DatabaseConfig.GROUP,
            CacheConfig.GROUP,
            TaskConfig.GROUP,
            ScalingConfig.GROUP,
            LoadBalancerConfig.GROUP,
            TlsConfig.GROUP,
            DeploymentConfig.GROUP,
            EdgeConfig.GROUP,
            ApiConfig.GROUP,
            AlertsConfig.GROUP,
            DrConfig.GROUP);

    public static final SettingGroup GROUP = new SettingGroup(
            NAMESPACE,
            "the stack as a whole",
            List.of(
                    ENVIRONMENT,
                    ENVIRONMENT_SUFFIX,
                    OWNER,
                    PROJECT,
                    TAGS,
                    ALLOWED_ACCOUNT_IDS,
                    PROTECT,
                    TEARDOWN,
                    LOG_RETENTION_DAYS,
                    CacheConfig.AUTH_TOKEN_SETTING,
                    EdgeSecretsConfig.ORIGIN_VERIFY_SECRET));

    /** Every group, in the order the README's configuration table lists them. */
    public static List<SettingGroup> catalogue() {
        List<SettingGroup> all = new java.util.ArrayList<>(List.of(AWS_GROUP, GROUP));
        all.addAll(SECTIONS);
        return List.copyOf(all);
    }

    private GeneralConfig() {}

    /** Says which of the suffix's rules failed. */
    static Optional<String> suffixProblem(String suffix) {
        if (suffix.length() > Naming.MAX_SUFFIX_LENGTH) {
            return Optional.of("is " + suffix.length() + " characters; at most " + Naming.MAX_SUFFIX_LENGTH
                    + " keep every derived name within AWS limits (ALB and target group names: 32)");
        }
        if (!suffix.equals(suffix.toLowerCase(java.util.Locale.ROOT))) {
            return Optional.of("must be lowercase (S3 bucket and ElastiCache names are), e.g. "
                    + suffix.toLowerCase(java.util.Locale.ROOT));
        }
        String others = suffix.replaceAll("[a-z0-9-]", "");
        if (!others.isEmpty()) {
            return Optional.of("contains '" + others.substring(0, 1) + "'; only lowercase letters, digits and hyphens "
                    + "are allowed");
        }
        if (suffix.startsWith("-") || suffix.endsWith("-") || suffix.contains("--")) {
            return Optional.of("must not start or end with a hyphen or have two in a row (S3 and ALB names forbid it)");
        }
        return Optional.empty();
    }
}
