package com.storefront;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.storefront.api.ApiGateway;
import com.storefront.api.ApiGatewayArgs;
import com.storefront.app.AppBinding;
import com.storefront.config.StackSettings;
import com.storefront.core.AwsContext;
import com.storefront.core.Providers;
import com.storefront.core.StackContext;
import com.storefront.data.Cache;
import com.storefront.data.CacheArgs;
import com.storefront.data.Database;
import com.storefront.data.DatabaseArgs;
import com.storefront.dr.DisasterRecovery;
import com.storefront.dr.DisasterRecoveryArgs;
import com.storefront.edge.Cdn;
import com.storefront.edge.CdnArgs;
import com.storefront.edge.LogBucket;
import com.storefront.edge.LogBucketArgs;
import com.storefront.edge.StaticAssets;
import com.storefront.edge.Waf;
import com.storefront.edge.WafArgs;
import com.storefront.iam.KeyUse;
import com.storefront.network.Network;
import com.storefront.network.NetworkArgs;
import com.storefront.observability.Alerts;
import com.storefront.observability.Monitoring;
import com.storefront.observability.MonitoringArgs;
import com.storefront.observability.Watches;
import com.storefront.security.AppSecrets;
import com.storefront.security.EdgeSecrets;
import com.storefront.security.Encryption;
import com.storefront.security.EncryptionArgs;
import com.storefront.service.ApiService;
import com.storefront.service.ApiServiceArgs;
import com.storefront.service.LoadBalancer;
import com.storefront.service.LoadBalancerArgs;
import com.storefront.service.Registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Wires the components together, tier by tier. Each tier takes the typed outputs of the ones it
 * consumes; nothing looks up another component's resources.
 */
final class StackComposition {

    private final StackSettings settings;
    private final Providers providers;
    /** The stack's context before its key exists. */
    private final StackContext base;

    private final ComponentResourceOptions primary;
    /** How the components use the stack's key; the stack key and the regional keys are built from it. */
    private final List<KeyUse> keyUses;

    StackComposition(StackSettings settings) {
        this.settings = settings;
        this.providers = Providers.create(settings);
        this.base = StackContext.of(settings, providers.primary());
        this.primary = ComponentResourceOptions.builder()
                .providers(providers.primary())
                .build();
        this.keyUses = declaredKeyUses();
    }

    StackOutputs.Components build() {
        // Aurora, Redis and the primary vault encrypt with this key: a decommission keeps it with their copies.
        Encryption encryption = new Encryption(
                "encryption",
                new EncryptionArgs(
                        base.naming(),
                        "alias/" + base.naming().stackName(),
                        base.aws(),
                        settings.protect(),
                        keyUses,
                        settings.teardown().keepsData()),
                primary);
        // Every component after the key shares the names, account, protection, teardown, retention and key.
        StackContext context = base.withKey(encryption.keyArn());
        Network network = new Network("network", new NetworkArgs(context, settings.network()), primary);
        Alerts alerts = new Alerts("alerts", context, settings.alerts().emails(), primary);

        AppSecrets appSecrets = new AppSecrets("app-secrets", context, primary);
        Database database = new Database(
                "database",
                new DatabaseArgs(
                        context,
                        settings.database(),
                        network.vpcId(),
                        network.dataSubnetIds(),
                        network.availabilityZones(),
                        network.appSecurityGroupId()),
                primary);
        Optional<Cache> cache = !settings.cache().enabled()
                ? Optional.empty()
                : Optional.of(new Cache(
                        "cache",
                        new CacheArgs(
                                context,
                                settings.cache(),
                                network.vpcId(),
                                network.dataSubnetIds(),
                                network.appSecurityGroupId()),
                        primary));

        LogBucket logBucket = new LogBucket(
                "log-bucket", new LogBucketArgs(context, settings.edge().logExpirationDays()), primary);
        Registry registry = new Registry("registry", context, settings.task().ecrKeepImages(), primary);
        LoadBalancer loadBalancer = new LoadBalancer(
                "load-balancer",
                LoadBalancerArgs.builder()
                        .context(context)
                        .settings(settings.loadBalancer())
                        .tls(settings.tls())
                        .containerPort(settings.task().containerPort())
                        .deployment(settings.deployment())
                        .vpcId(network.vpcId())
                        .publicSubnetIds(network.publicSubnetIds())
                        .privateSubnetIds(network.appSubnetIds())
                        .zoneIds(network.availabilityZoneIds())
                        .appSecurityGroupId(network.appSecurityGroupId())
                        .logBucketName(logBucket.deliveryBucketName())
                        .originSecret(settings.originVerifySecret())
                        .partnerApi(settings.api().enabled())
                        .build(),
                primary);
        ApiService api = new ApiService(
                "api",
                ApiServiceArgs.builder()
                        .context(context)
                        .settings(settings.task())
                        .scaling(settings.scaling())
                        .deployment(settings.deployment())
                        .vpcId(network.vpcId())
                        .appSubnetIds(network.appSubnetIds())
                        .appSecurityGroupId(network.appSecurityGroupId())
                        .repositoryArn(registry.repositoryArn())
                        .loadBalancer(loadBalancer)
                        .bindings(appBindings(database, cache, appSecrets))
                        // Planned: scaling on connections need not wait for Aurora.
                        .dbClusterIdentifier(Output.of(database.plannedClusterIdentifier()))
                        .alarmTopicArn(alerts.topicArn())
                        .build(),
                primary);

        Waf waf = waf(context, encryption, loadBalancer);
        StaticAssets assets = new StaticAssets(
                "static-assets",
                settings.edge(),
                base.naming(),
                base.aws(),
                settings.protect(),
                encryption.keyArn(),
                logBucket.deliveryBucketName(),
                primary);
        Cdn cdn = new Cdn(
                "cdn",
                CdnArgs.builder()
                        .context(context)
                        .settings(settings.edge())
                        .assets(assets)
                        .logBucketDomainName(logBucket.bucketDomainName())
                        .albOriginDomain(
                                loadBalancer.originDomain().map(Output::of).orElse(loadBalancer.dnsName()))
                        .albArn(loadBalancer.arn())
                        .albInternal(loadBalancer.internal())
                        .partnerApi(settings.api().enabled())
                        .originSecret(settings.originVerifySecret())
                        .webAclArn(waf.cloudFrontAclArn())
                        .usEast1(providers.usEast1())
                        .build(),
                primary);
        Optional<ApiGateway> apiGateway = apiGateway(context, loadBalancer, cdn, waf);

        Monitoring monitoring = monitoring(alerts, loadBalancer, api, database, cache, waf, apiGateway);
        Optional<DisasterRecovery> dr = disasterRecovery(context, encryption, network, database, assets, alerts);
        return new StackOutputs.Components(
                encryption,
                network,
                database,
                cache,
                appSecrets,
                logBucket,
                registry,
                loadBalancer,
                api,
                waf,
                assets,
                cdn,
                apiGateway,
                alerts,
                monitoring,
                dr);
    }

    private Waf waf(StackContext context, Encryption encryption, LoadBalancer loadBalancer) {
        // CloudFront-scope WAF logs live in us-east-1, and KMS keys are regional: a second key unless we are there.
        Output<String> usEast1Key = Providers.CLOUDFRONT_REGION.equals(settings.region())
                ? encryption.keyArn()
                : regionalKey(
                                "encryption-us-east-1",
                                "edge",
                                Providers.CLOUDFRONT_REGION,
                                providers.usEast1(),
                                false,
                                regionalKeyUses(List.of()))
                        .keyArn();
        return new Waf(
                "waf",
                new WafArgs(
                        context,
                        settings.edge(),
                        providers.usEast1(),
                        usEast1Key,
                        loadBalancer.arn(),
                        settings.originVerifySecret()),
                primary);
    }

    private Optional<ApiGateway> apiGateway(StackContext context, LoadBalancer loadBalancer, Cdn cdn, Waf waf) {
        if (!settings.api().enabled()) {
            return Optional.empty();
        }
        // Only CloudFront reaches the ALB (and its WAF sees every request), so the API goes through it too.
        Output<String> backend = cdn.domainName().applyValue(d -> "https://" + d);
        return Optional.of(new ApiGateway(
                "api-gateway",
                new ApiGatewayArgs(
                        context,
                        settings.api(),
                        backend,
                        waf.regionalAclArn(),
                        EdgeSecrets.gatewaySecret(settings.originVerifySecret())),
                primary));
    }

    private Monitoring monitoring(
            Alerts alerts,
            LoadBalancer alb,
            ApiService api,
            Database database,
            Optional<Cache> cache,
            Waf waf,
            Optional<ApiGateway> apiGateway) {
        // In dashboard order; each component watches its own metrics.
        List<Watches> watches = new ArrayList<>();
        watches.add(api.watches());
        watches.add(alb.watches());
        watches.add(database.watches());
        cache.ifPresent(c -> watches.add(c.watches()));
        apiGateway.ifPresent(g -> watches.add(g.watches()));
        watches.add(waf.watches());
        return new Monitoring(
                "monitoring",
                MonitoringArgs.builder()
                        .settings(settings.alerts())
                        .naming(base.naming())
                        .region(settings.region())
                        .topicArn(alerts.topicArn())
                        .watches(watches)
                        .rollbackAlarmName(api.rollbackAlarmName())
                        .build(),
                primary);
    }

    private Optional<DisasterRecovery> disasterRecovery(
            StackContext context,
            Encryption encryption,
            Network network,
            Database database,
            StaticAssets assets,
            Alerts alerts) {
        // The DR vault's copies are encrypted with the DR key: a decommission keeps it with them.
        return providers
                .dr()
                .map(drProvider -> new DisasterRecovery(
                        "dr",
                        DisasterRecoveryArgs.builder()
                                .context(context)
                                .settings(settings.dr())
                                .drProvider(drProvider)
                                .drKmsKeyArn(regionalKey(
                                                "encryption-dr",
                                                "dr",
                                                settings.dr().region(),
                                                drProvider,
                                                settings.teardown().keepsData(),
                                                regionalKeyUses(DisasterRecovery.KEY_USES))
                                        .keyArn())
                                .assetsVersionedBucketId(assets.versionedBucketId())
                                .assetsBucketArn(assets.bucketArn())
                                .assetsKmsEncrypted(assets.kmsEncrypted())
                                .dbClusterArn(database.clusterArn())
                                .primaryVpcId(network.vpcId())
                                .primaryVpcCidr(network.vpcCidr())
                                .primaryRouteTableIds(network.privateRouteTableIds())
                                .alarmTopicArn(alerts.topicArn())
                                .database(settings.database())
                                .build(),
                        primary));
    }

    /** A CMK in another region (KMS keys are regional), aliased {@code alias/storefront-<what>-<suffix>}. */
    /** What the API uses, in the order its roles list the secrets: the database, the cache, the API keys. */
    private static List<AppBinding> appBindings(Database database, Optional<Cache> cache, AppSecrets appSecrets) {
        List<AppBinding> bindings = new ArrayList<>();
        bindings.add(database.appBinding());
        cache.ifPresent(c -> bindings.add(c.appBinding()));
        bindings.add(appSecrets.appBinding());
        return bindings;
    }

    /**
     * How the stack's components use its key, each declared by the component itself; the key policy is built
     * from them. The key exists before them all, so these are known up front.
     */
    private List<KeyUse> declaredKeyUses() {
        List<KeyUse> uses = new ArrayList<>();
        uses.addAll(Network.KEY_USES);
        uses.addAll(Alerts.KEY_USES);
        uses.addAll(Database.KEY_USES);
        // Even without a cache: switching it off updates the key policy before ElastiCache deletes the group and
        // writes its final snapshot with the key, and restoring that snapshot later needs the use as well.
        uses.addAll(Cache.KEY_USES);
        uses.addAll(AppSecrets.KEY_USES);
        uses.addAll(StaticAssets.keyUses(settings.edge().originAccess(), base.naming()));
        uses.addAll(Registry.KEY_USES);
        uses.addAll(ApiService.KEY_USES);
        uses.addAll(Waf.KEY_USES);
        if (settings.api().enabled()) {
            uses.addAll(ApiGateway.KEY_USES);
        }
        return List.copyOf(uses);
    }

    /**
     * A second region's key takes the stack's uses (a failover or restore builds the same kinds of resources
     * there) without the grants scoped to primary resources, plus {@code extra}.
     */
    private List<KeyUse> regionalKeyUses(List<KeyUse> extra) {
        List<KeyUse> uses = new ArrayList<>(keyUses.stream()
                .filter(use -> !(use instanceof KeyUse.ResourceGrant))
                .toList());
        uses.addAll(extra);
        return uses;
    }

    private Encryption regionalKey(
            String name,
            String what,
            String region,
            com.pulumi.aws.Provider provider,
            boolean keptAfterDestroy,
            List<KeyUse> uses) {
        return new Encryption(
                name,
                new EncryptionArgs(
                        base.naming(),
                        "alias/" + base.naming().name(what),
                        AwsContext.lookup(region, provider),
                        settings.protect(),
                        uses,
                        keptAfterDestroy),
                ComponentResourceOptions.builder().providers(provider).build());
    }
}
