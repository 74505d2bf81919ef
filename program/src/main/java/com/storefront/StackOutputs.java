package com.storefront;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.storefront.api.ApiGateway;
import com.storefront.config.StackSettings;
import com.storefront.data.Cache;
import com.storefront.data.Database;
import com.storefront.dr.DisasterRecovery;
import com.storefront.edge.Cdn;
import com.storefront.edge.LogBucket;
import com.storefront.edge.StaticAssets;
import com.storefront.edge.Waf;
import com.storefront.network.Network;
import com.storefront.observability.Alerts;
import com.storefront.observability.Monitoring;
import com.storefront.security.AppSecrets;
import com.storefront.security.Encryption;
import com.storefront.service.ApiService;
import com.storefront.service.AppSpec;
import com.storefront.service.LoadBalancer;
import com.storefront.service.Registry;

import java.util.Optional;

/** The stack outputs (OUT-1); names are documented in the README's outputs table. */
final class StackOutputs {

    /** The components whose typed outputs become stack outputs. */
    record Components(
            Encryption encryption,
            Network network,
            Database database,
            java.util.Optional<Cache> cache,
            AppSecrets appSecrets,
            LogBucket logBucket,
            Registry registry,
            LoadBalancer loadBalancer,
            ApiService api,
            Waf waf,
            StaticAssets assets,
            Cdn cdn,
            Optional<ApiGateway> apiGateway,
            Alerts alerts,
            Monitoring monitoring,
            Optional<DisasterRecovery> dr) {}

    private StackOutputs() {}

    static void export(Context ctx, StackSettings settings, Components c) {
        ctx.export("environment", Output.of(settings.environment().configValue()));
        ctx.export("region", Output.of(settings.region()));
        ctx.export("kmsKeyArn", c.encryption().keyArn());
        ctx.export("kmsKeyAlias", c.encryption().aliasName());

        Network network = c.network();
        ctx.export("vpcId", network.vpcId());
        ctx.export("vpcCidr", Output.of(network.vpcCidr()));
        ctx.export("availabilityZones", network.availabilityZones());
        ctx.export("publicSubnetIds", network.publicSubnetIds());
        ctx.export("appSubnetIds", network.appSubnetIds());
        ctx.export("dataSubnetIds", network.dataSubnetIds());
        ctx.export("appSecurityGroupId", network.appSecurityGroupId());
        ctx.export("natGatewayIds", network.natGatewayIds());
        ctx.export("flowLogGroupName", network.flowLogGroupName());

        ctx.export("dbClusterIdentifier", c.database().clusterIdentifier());
        ctx.export("dbWriterEndpoint", c.database().writerEndpoint());
        ctx.export("dbReaderEndpoint", c.database().readerEndpoint());
        ctx.export("dbPort", Output.of(c.database().port()));
        ctx.export("dbName", Output.of(c.database().databaseName()));
        ctx.export("dbSecretArn", c.database().masterSecretArn());
        c.cache().ifPresent(cache -> {
            ctx.export("redisConfigurationEndpoint", cache.configurationEndpoint());
            ctx.export("redisPort", Output.of(cache.port()));
            ctx.export("redisSecretArn", cache.connectionSecretArn());
        });
        ctx.export("apiKeysSecretArn", c.appSecrets().apiKeysSecretArn());

        ctx.export("logBucketName", c.logBucket().bucketName());
        ctx.export("ecrRepositoryUrl", c.registry().repositoryUrl());
        LoadBalancer alb = c.loadBalancer();
        ctx.export("albDnsName", alb.dnsName());
        ctx.export("albProductionListenerArn", alb.productionListener().arn());
        ctx.export("blueTargetGroupArn", alb.blueTargetGroup().arn());
        alb.greenTargetGroup().ifPresent(green -> ctx.export("greenTargetGroupArn", green.arn()));
        alb.testListener().ifPresent(test -> ctx.export("albTestListenerArn", test.arn()));

        ApiService api = c.api();
        ctx.export("ecsClusterName", api.clusterName());
        ctx.export("ecsServiceName", api.serviceName());
        ctx.export("taskDefinitionFamily", api.taskDefinitionFamily());
        ctx.export("taskDefinitionArn", api.taskDefinitionArn());
        ctx.export("apiLogGroupName", api.logGroupName());
        ctx.export("serviceDiscoveryName", api.discoveryName());
        ctx.export(
                "deploymentStrategy", Output.of(settings.deployment().strategy().configValue()));
        ctx.export("rollbackAlarmName", api.rollbackAlarmName());
        api.codeDeployApplication().ifPresent(app -> ctx.export("codeDeployApplication", app));
        api.codeDeployDeploymentGroup().ifPresent(group -> {
            ctx.export("codeDeployDeploymentGroup", group);
            ctx.export(
                    "codeDeployAppSpecTemplate",
                    Output.tuple(c.network().appSubnetIds(), c.network().appSecurityGroupId())
                            .applyValue(t -> AppSpec.template(settings.task(), t.t1, t.t2)));
            ctx.export("rolloutTimeoutMinutes", Output.of(settings.deployment().rolloutTimeoutMinutes()));
        });
        ctx.export("containerName", Output.of(api.containerName()));
        ctx.export("containerPort", Output.of(settings.task().containerPort()));

        ctx.export("applicationUrl", c.cdn().applicationUrl());
        ctx.export("cloudFrontDomainName", c.cdn().domainName());
        ctx.export("cloudFrontDistributionId", c.cdn().distributionId());
        ctx.export("assetsBucketName", c.assets().bucketName());
        ctx.export("regionalWebAclArn", c.waf().regionalAclArn());
        ctx.export("cloudFrontWebAclArn", c.waf().cloudFrontAclArn());
        ctx.export("snsTopicArn", c.alerts().topicArn());
        ctx.export("dashboardName", c.monitoring().dashboardName());
        ctx.export("dashboardUrl", c.monitoring().dashboardUrl());
        // Every alarm of the stack: the monitoring tier's, and the DR tier's own.
        java.util.List<Output<java.util.List<String>>> alarms = new java.util.ArrayList<>();
        alarms.add(c.monitoring().alarmNames());
        c.dr().ifPresent(dr -> alarms.add(Output.all(dr.alarmNames())));
        ctx.export(
                "alarmNames",
                Output.all(alarms)
                        .applyValue(lists ->
                                lists.stream().flatMap(java.util.List::stream).toList()));
        ctx.export("drEnabled", Output.of(c.dr().isPresent()));
        c.dr().ifPresent(dr -> {
            ctx.export("drRegion", Output.of(settings.dr().region()));
            ctx.export("drAssetsBucketName", dr.replicaBucketName());
            ctx.export("backupVaultName", dr.backupVaultName());
            ctx.export("drBackupVaultName", dr.drBackupVaultName());
            ctx.export("drVpcId", dr.vpcId());
            ctx.export("vpcPeeringConnectionId", dr.peeringConnectionId());
            ctx.export("drRestore", dr.restore());
        });
        c.apiGateway().ifPresent(gateway -> {
            ctx.export("apiUrl", gateway.invokeUrl());
            ctx.export("apiKeySecretArn", gateway.apiKeySecretArn());
            gateway.executionLogGroupName().ifPresent(name -> ctx.export("apiExecutionLogGroupName", name));
        });
    }
}
