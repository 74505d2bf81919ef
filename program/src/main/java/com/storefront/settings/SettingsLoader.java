package com.storefront.settings;

import com.storefront.api.ApiConfig;
import com.storefront.config.AccountGuard;
import com.storefront.config.ApiSettings;
import com.storefront.config.CacheSettings;
import com.storefront.config.ConfigProblems;
import com.storefront.config.ConfigSection;
import com.storefront.config.DatabaseSettings;
import com.storefront.config.EdgeSettings;
import com.storefront.config.Environment;
import com.storefront.config.NetworkSettings;
import com.storefront.config.SettingValues;
import com.storefront.config.StackSettings;
import com.storefront.config.TaskSettings;
import com.storefront.config.Teardown;
import com.storefront.config.TlsSettings;
import com.storefront.data.CacheConfig;
import com.storefront.data.DatabaseConfig;
import com.storefront.dr.DrConfig;
import com.storefront.edge.EdgeConfig;
import com.storefront.network.NetworkConfig;
import com.storefront.observability.AlertsConfig;
import com.storefront.security.EdgeSecretsConfig;
import com.storefront.service.DeploymentConfig;
import com.storefront.service.LoadBalancerConfig;
import com.storefront.service.ScalingConfig;
import com.storefront.service.TaskConfig;
import com.storefront.service.TlsConfig;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parses the {@code storefront:} namespace (plus {@code aws:region}) into {@link StackSettings}.
 * All problems are collected and thrown together, before the program registers anything.
 */
public final class SettingsLoader {

    public static final String NAMESPACE = GeneralConfig.NAMESPACE;
    /** Namespaces whose keys this program or Pulumi itself reads. */
    private static final Set<String> NAMESPACES = Set.of(NAMESPACE, "aws", "pulumi");

    private SettingsLoader() {}

    /** Loads from the whole stack config as the engine passes it: {@code namespace:key} to raw value. */
    public static StackSettings load(Map<String, String> config) {
        return load(
                key -> Optional.ofNullable(config.get(NAMESPACE + ":" + key)),
                key -> Optional.ofNullable(config.get("aws:" + key)),
                Optional.of(config.keySet()),
                new ConfigProblems());
    }

    /**
     * @param storefront raw values of the {@code storefront:} namespace, by key without the namespace
     * @param aws        raw values of the {@code aws:} namespace
     * @param keys       every key the stack sets ({@code namespace:key}), when known: then misspelled top-level
     *                   keys, unread {@code aws:} keys and unknown namespaces are reported too
     */
    public static StackSettings load(
            Function<String, Optional<String>> storefront,
            Function<String, Optional<String>> aws,
            Optional<Set<String>> keys) {
        return load(storefront, aws, keys, message -> {});
    }

    /** As above, passing each warning (keys of other namespaces, which this program ignores) to {@code warn}. */
    public static StackSettings load(
            Function<String, Optional<String>> storefront,
            Function<String, Optional<String>> aws,
            Optional<Set<String>> keys,
            java.util.function.Consumer<String> warn) {
        ConfigProblems problems = new ConfigProblems();
        try {
            return load(storefront, aws, keys, problems);
        } finally {
            problems.warnings().forEach(warn);
        }
    }

    /** As above, collecting into {@code problems} (which also records the keys read). */
    static StackSettings load(
            Function<String, Optional<String>> storefront,
            Function<String, Optional<String>> aws,
            Optional<Set<String>> keys,
            ConfigProblems problems) {
        ConfigSection root = ConfigSection.namespace(
                NAMESPACE, storefront, keys.map(k -> inNamespace(k, NAMESPACE)).orElse(null), problems);
        ConfigSection awsSection = ConfigSection.namespace(
                "aws", aws, keys.map(k -> inNamespace(k, "aws")).orElse(null), problems);

        Environment environment = GeneralConfig.ENVIRONMENT.read(root, Environment.DEV);
        SettingValues awsValues = new SettingValues(awsSection, environment);
        String region = awsValues.read(GeneralConfig.REGION).orElse("");
        Optional<String> profile = awsValues.read(GeneralConfig.PROFILE);
        rejectUnreadAwsKeys(awsSection, keys);

        SettingValues values = new SettingValues(root, environment);
        values.put(GeneralConfig.ENVIRONMENT.name(), environment);
        root.declare(GeneralConfig.ENVIRONMENT.name());
        values.put("region", region);
        values.put("account", new AccountGuard(profile, values.read(GeneralConfig.ALLOWED_ACCOUNT_IDS)))
                .drop(GeneralConfig.ALLOWED_ACCOUNT_IDS);
        values.put("suffix", values.read(GeneralConfig.ENVIRONMENT_SUFFIX).orElse("invalid"))
                .drop(GeneralConfig.ENVIRONMENT_SUFFIX);
        String project = values.read(GeneralConfig.PROJECT);
        String owner = values.read(GeneralConfig.OWNER).orElse("invalid");
        root.declare(GeneralConfig.TAGS.name());
        values.drop(GeneralConfig.PROJECT)
                .drop(GeneralConfig.OWNER)
                .put("tags", TagsConfig.read(root, environment, project, owner));
        boolean protect = values.read(GeneralConfig.PROTECT);
        Teardown teardown = values.read(GeneralConfig.TEARDOWN);
        if (protect && teardown == Teardown.FORCE_DELETE) {
            problems.add(
                    root.key("teardown"),
                    teardown.configValue(),
                    "must be decommission while " + root.key("protect")
                            + " is true: a protected stack is never force-deleted (set protect: false first, deliberately)");
        }
        values.read(GeneralConfig.LOG_RETENTION_DAYS);

        NetworkSettings network = NetworkConfig.read(root.section("network"), environment, region);
        DatabaseSettings database = DatabaseConfig.read(root.section("database"), environment);
        root.declare(CacheConfig.AUTH_TOKEN_KEY);
        CacheSettings cache = CacheConfig.read(root.section("cache"), root, storefront, environment);
        TaskSettings task = TaskConfig.read(root.section("service"), environment, region, network);
        TlsSettings tls = TlsConfig.read(root.section("tls"), environment, region);
        root.declare(EdgeSecretsConfig.ORIGIN_VERIFY_SECRET.name());
        values.put("originVerifySecret", EdgeSecretsConfig.originSecret(root, storefront));
        EdgeSettings edge = EdgeConfig.read(root.section("edge"), environment);
        ApiSettings api = ApiConfig.read(root.section("api"), environment);
        if (edge.domainName().isPresent() && edge.domainName().equals(tls.domainName())) {
            problems.add(
                    root.key("edge") + ".domainName",
                    edge.domainName().get(),
                    "must differ from " + root.key("tls")
                            + ".domainName: viewers reach CloudFront by one name, CloudFront the ALB by another");
        }
        if (teardown == Teardown.FORCE_DELETE && api.enabled() && api.manageAccountLogging()) {
            problems.add(
                    root.key("api") + ".manageAccountLogging",
                    true,
                    "must be false with teardown forceDelete: the "
                            + "region's API Gateway logging setting (and its role) outlive the stack, which a force delete must "
                            + "not leave behind; name the role already registered with api.cloudWatchRoleArn");
        }
        values.put("network", network)
                .put("database", database)
                .put("cache", cache)
                .put("task", task)
                .put("scaling", ScalingConfig.read(root.section("scaling"), environment))
                .put("loadBalancer", LoadBalancerConfig.read(root.section("loadBalancer"), environment))
                .put("tls", tls)
                .put("deployment", DeploymentConfig.read(root.section("deployment"), environment))
                .put("edge", edge)
                .put("api", api)
                .put("alerts", AlertsConfig.read(root.section("alerts"), environment))
                .put("dr", DrConfig.read(root.section("dr"), environment, region, network.vpcCidr(), database));
        root.rejectUnknownKeys();
        keys.ifPresent(k -> rejectUnknownNamespaces(k, problems));

        problems.throwIfAny();
        return values.build(StackSettings.class);
    }

    private static Set<String> inNamespace(Set<String> keys, String namespace) {
        return keys.stream()
                .filter(k -> k.startsWith(namespace + ":"))
                .map(k -> k.substring(namespace.length() + 1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Explicit providers read nothing from {@code aws:} themselves; the program passes on region and profile only. */
    private static void rejectUnreadAwsKeys(ConfigSection aws, Optional<Set<String>> keys) {
        if (keys.isEmpty()) {
            return;
        }
        for (String key : inNamespace(keys.get(), "aws")) {
            if (key.equals(GeneralConfig.REGION.name()) || key.equals(GeneralConfig.PROFILE.name())) {
                continue;
            }
            String instead = GeneralConfig.AWS_INSTEAD.getOrDefault(key, "remove it");
            aws.problems()
                    .addKey(
                            aws.key(key),
                            "is not read: this program's providers are explicit and "
                                    + "take only aws:region and aws:profile from the stack config; " + instead);
        }
    }

    private static void rejectUnknownNamespaces(Set<String> keys, ConfigProblems problems) {
        for (String key : new TreeSet<>(keys)) {
            int colon = key.indexOf(':');
            String namespace = colon < 0 ? key : key.substring(0, colon);
            if (NAMESPACES.contains(namespace)) {
                continue;
            }
            Optional<String> meant = ConfigSection.closest(namespace, Set.of(NAMESPACE, "aws"));
            if (meant.isPresent()) {
                problems.addKey(
                        key,
                        "is in a namespace nothing in this program reads; did you mean " + meant.get() + ":"
                                + key.substring(colon + 1)
                                + "? Settings live under storefront: (and aws:region, aws:profile)");
            } else {
                // Another tool's key (an imported ESC environment often carries some): not ours to refuse.
                problems.warn(key + " is ignored: nothing in this program reads the " + namespace + " namespace");
            }
        }
    }
}
