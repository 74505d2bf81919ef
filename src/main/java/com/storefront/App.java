package com.storefront;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.storefront.config.SettingsLoader;
import com.storefront.config.StackSettings;
import com.storefront.core.AwsContext;
import com.storefront.core.Providers;
import com.storefront.data.Cache;
import com.storefront.data.CacheArgs;
import com.storefront.data.Database;
import com.storefront.data.DatabaseArgs;
import com.storefront.naming.Naming;
import com.storefront.api.ApiGateway;
import com.storefront.api.ApiGatewayArgs;
import com.storefront.dr.DisasterRecovery;
import com.storefront.dr.DisasterRecoveryArgs;
import com.storefront.edge.Cdn;
import com.storefront.edge.CdnArgs;
import com.storefront.edge.LogBucket;
import com.storefront.edge.StaticAssets;
import com.storefront.edge.Waf;
import com.storefront.edge.WafArgs;
import com.storefront.edge.LogBucketArgs;
import com.storefront.network.Network;
import com.storefront.network.NetworkArgs;
import com.storefront.observability.Alerts;
import com.storefront.plan.PlanCommand;
import com.storefront.observability.Monitoring;
import com.storefront.observability.MonitoringArgs;
import com.storefront.security.AppSecrets;
import com.storefront.service.ApiService;
import com.storefront.service.ApiServiceArgs;
import com.storefront.service.AppDependencies;
import com.storefront.service.LoadBalancer;
import com.storefront.service.LoadBalancerArgs;
import com.storefront.service.Registry;
import com.storefront.security.Encryption;
import com.storefront.security.EncryptionArgs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Entry point of the Storefront Pulumi program. */
public final class App {

    private App() {
    }

    /**
     * Pulumi starts the program with no arguments. {@code plan <stack>} runs the offline plan instead
     * (see README, "Try it without AWS").
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("plan")) {
            System.exit(PlanCommand.run(List.of(args).subList(1, args.length), System.out, System.err));
        }
        Pulumi.run(App::stack);
    }

    /** Builds the whole stack; tests run this against Pulumi's mock engine. */
    public static void stack(Context ctx) {
        // Validation happens here, before anything is registered: a bad config registers nothing.
        StackSettings settings = SettingsLoader.load(
                ctx.config(SettingsLoader.NAMESPACE)::get, ctx.config("aws")::get);
        Naming naming = new Naming(settings.suffix());
        Providers providers = Providers.create(settings);
        AwsContext aws = AwsContext.lookup(settings.region(), providers.primary());
        ComponentResourceOptions primary = ComponentResourceOptions.builder().providers(providers.primary()).build();

        Encryption encryption = new Encryption("encryption",
                new EncryptionArgs(naming, "alias/" + naming.stackName(), aws, settings.protect()), primary);
        Network network = new Network("network", new NetworkArgs(
                settings.network(), naming, aws, encryption.keyArn(), settings.logRetentionDays()), primary);

        Alerts alerts = new Alerts("alerts", naming, encryption.keyArn(), settings.alerts().emails(), primary);
        AppSecrets appSecrets = new AppSecrets("app-secrets", naming, encryption.keyArn(), settings.protect(), primary);
        Database database = new Database("database", new DatabaseArgs(settings.database(), naming,
                settings.protect(), settings.logRetentionDays(), encryption.keyArn(), network.vpcId(),
                network.dataSubnetIds(), network.availabilityZones(), network.appSecurityGroupId()), primary);
        Cache cache = new Cache("cache", new CacheArgs(settings.cache(), naming, settings.protect(),
                settings.logRetentionDays(), encryption.keyArn(), network.vpcId(), network.dataSubnetIds(),
                network.appSecurityGroupId()), primary);

        LogBucket logBucket = new LogBucket("log-bucket", new LogBucketArgs(naming, aws, settings.protect(),
                settings.edge().logExpirationDays()), primary);
        Registry registry = new Registry("registry", naming, encryption.keyArn(), settings.protect(),
                settings.service().ecrKeepImages(), primary);
        LoadBalancer loadBalancer = new LoadBalancer("load-balancer", new LoadBalancerArgs(settings.service(),
                settings.deployment().strategy(), naming, settings.protect(), network.vpcId(), network.publicSubnetIds(),
                network.appSecurityGroupId(), logBucket.deliveryBucketName(), settings.originVerifySecret()), primary);
        ApiService api = new ApiService("api", new ApiServiceArgs(settings.service(), settings.deployment(), naming, aws,
                settings.protect(), settings.logRetentionDays(), encryption.keyArn(), network.vpcId(),
                network.appSubnetIds(), network.appSecurityGroupId(), registry.repositoryArn(), loadBalancer,
                new AppDependencies(database.writerEndpoint(), database.readerEndpoint(), database.port(),
                        database.databaseName(), Output.of(database.plannedClusterIdentifier()), database.masterSecretArn(),
                        cache.configurationEndpoint(), cache.port(), cache.connectionSecretArn(),
                        appSecrets.apiKeysSecretArn()), alerts.topicArn()), primary);

        Edge edge = edge(settings, naming, providers, aws, encryption, logBucket, loadBalancer);
        Monitoring monitoring = monitoring(settings, naming, alerts, loadBalancer, api, database, cache, edge, primary);
        Optional<DisasterRecovery> dr = providers.dr().map(drProvider -> new DisasterRecovery("dr",
                new DisasterRecoveryArgs(settings.dr(), naming, aws, settings.protect(), drProvider,
                        new Encryption("encryption-dr", new EncryptionArgs(naming, "alias/" + naming.name("dr"),
                                AwsContext.lookup(settings.dr().region(), drProvider), settings.protect()),
                                ComponentResourceOptions.builder().providers(drProvider).build()).keyArn(),
                        encryption.keyArn(), edge.assets().versionedBucketId(), edge.assets().bucketArn(),
                        edge.assets().kmsEncrypted(), database.clusterArn(), network.vpcId(), network.vpcCidr(),
                        network.privateRouteTableIds()), primary));

        StackOutputs.export(ctx, settings, new StackOutputs.Components(encryption, network, database, cache, appSecrets,
                logBucket, registry, loadBalancer, api, edge.waf(), edge.assets(), edge.cdn(), edge.apiGateway(), alerts,
                monitoring, dr));
    }

    private static Monitoring monitoring(StackSettings settings, Naming naming, Alerts alerts, LoadBalancer alb,
                                         ApiService api, Database database, Cache cache, Edge edge,
                                         ComponentResourceOptions options) {
        List<MonitoringArgs.Labeled> targetGroups = new ArrayList<>();
        targetGroups.add(new MonitoringArgs.Labeled("blue", alb.blueTargetGroup().arnSuffix()));
        alb.greenTargetGroup().ifPresent(green -> targetGroups.add(new MonitoringArgs.Labeled("green", green.arnSuffix())));
        return new Monitoring("monitoring", new MonitoringArgs(settings.alerts(), naming, settings.region(),
                alerts.topicArn(), api.clusterName(), Output.of(api.plannedServiceName()), alb.arnSuffix(), targetGroups,
                Output.of(database.plannedClusterIdentifier()), settings.database().serverless(),
                cache.nodeIds().stream().map(Output::of).toList(),
                edge.apiGateway().map(g -> new MonitoringArgs.ApiStage(g.restApiName(), g.stageName())),
                edge.waf().regionalAclName(), edge.waf().cloudFrontAclName(), api.rollbackAlarmName(),
                api.rollbackAlarmArn()), options);
    }

    /** The edge tier and the API front door, which need a us-east-1 key for CloudFront-scoped logs. */
    private record Edge(Waf waf, StaticAssets assets, Cdn cdn, Optional<ApiGateway> apiGateway) {
    }

    private static Edge edge(StackSettings settings, Naming naming, Providers providers, AwsContext aws,
                             Encryption encryption, LogBucket logBucket, LoadBalancer loadBalancer) {
        ComponentResourceOptions primary = ComponentResourceOptions.builder().providers(providers.primary()).build();
        // CloudFront-scope WAF logs live in us-east-1, and KMS keys are regional: a second key unless we are there.
        Output<String> usEast1Key = Providers.CLOUDFRONT_REGION.equals(settings.region()) ? encryption.keyArn()
                : new Encryption("encryption-us-east-1", new EncryptionArgs(naming, "alias/" + naming.name("edge"),
                AwsContext.lookup(Providers.CLOUDFRONT_REGION, providers.usEast1()), settings.protect()),
                ComponentResourceOptions.builder().providers(providers.usEast1()).build()).keyArn();
        Waf waf = new Waf("waf", new WafArgs(settings.edge(), naming, settings.logRetentionDays(), encryption.keyArn(),
                providers.usEast1(), usEast1Key, loadBalancer.arn(), settings.originVerifySecret()), primary);
        StaticAssets assets = new StaticAssets("static-assets", settings.edge(), naming, aws, settings.protect(),
                encryption.keyArn(), logBucket.deliveryBucketName(), primary);
        Output<String> albOrigin = loadBalancer.originDomain().map(Output::of).orElse(loadBalancer.dnsName());
        Cdn cdn = new Cdn("cdn", new CdnArgs(settings.edge(), naming, aws, assets, logBucket.bucketDomainName(), albOrigin,
                loadBalancer.https(), settings.originVerifySecret(), waf.cloudFrontAclArn(),
                providers.usEast1(), settings.protect()), primary);
        Optional<ApiGateway> apiGateway = Optional.empty();
        if (settings.api().enabled()) {
            // Without TLS on the ALB only CloudFront may reach it, so the API goes through the distribution.
            Output<String> backend = loadBalancer.originDomain().map(d -> Output.of("https://" + d))
                    .orElse(cdn.domainName().applyValue(d -> "https://" + d));
            apiGateway = Optional.of(new ApiGateway("api-gateway", new ApiGatewayArgs(settings.api(), naming, aws,
                    settings.protect(), settings.logRetentionDays(), encryption.keyArn(), backend, waf.regionalAclArn(),
                    settings.originVerifySecret()),
                    primary));
        }
        return new Edge(waf, assets, cdn, apiGateway);
    }
}
