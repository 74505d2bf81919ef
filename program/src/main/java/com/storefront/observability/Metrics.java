package com.storefront.observability;

import com.pulumi.core.Output;
import com.storefront.core.Providers;

import java.util.Map;

/** The metrics of this stack's resources, with the dimensions CloudWatch files them under. */
final class Metrics {

    private final MonitoringArgs args;

    Metrics(MonitoringArgs args) {
        this.args = args;
    }

    MetricRef ecs(String name, String stat) {
        return new MetricRef(
                "AWS/ECS",
                name,
                Output.tuple(args.ecsClusterName(), args.ecsServiceName())
                        .applyValue(t -> Map.of("ClusterName", t.t1, "ServiceName", t.t2)),
                stat,
                args.region());
    }

    MetricRef containerInsights(String name, String stat) {
        return new MetricRef(
                "ECS/ContainerInsights",
                name,
                Output.tuple(args.ecsClusterName(), args.ecsServiceName())
                        .applyValue(t -> Map.of("ClusterName", t.t1, "ServiceName", t.t2)),
                stat,
                args.region());
    }

    /** ALB metrics take the ARN suffix ({@code app/name/id}); with the full ARN they never report. */
    MetricRef alb(String name, String stat) {
        return new MetricRef(
                "AWS/ApplicationELB",
                name,
                DashboardBody.dims("LoadBalancer", args.albArnSuffix()),
                stat,
                args.region());
    }

    MetricRef targetGroup(Output<String> targetGroupArnSuffix, String name, String stat) {
        return new MetricRef(
                "AWS/ApplicationELB",
                name,
                Output.tuple(targetGroupArnSuffix, args.albArnSuffix())
                        .applyValue(t -> Map.of("TargetGroup", t.t1, "LoadBalancer", t.t2)),
                stat,
                args.region());
    }

    MetricRef db(String name, String stat) {
        return new MetricRef(
                "AWS/RDS",
                name,
                DashboardBody.dims("DBClusterIdentifier", args.dbClusterIdentifier()),
                stat,
                args.region());
    }

    /** In cluster mode ElastiCache reports memory and CPU per node, not per replication group. */
    MetricRef cacheNode(Output<String> nodeId, String name, String stat) {
        return new MetricRef(
                "AWS/ElastiCache", name, DashboardBody.dims("CacheClusterId", nodeId), stat, args.region());
    }

    MetricRef api(MonitoringArgs.ApiStage api, String name, String stat) {
        return new MetricRef(
                "AWS/ApiGateway",
                name,
                Output.tuple(api.apiName(), api.stageName()).applyValue(t -> Map.of("ApiName", t.t1, "Stage", t.t2)),
                stat,
                args.region());
    }

    MetricRef regionalWaf(String name) {
        return new MetricRef(
                "AWS/WAFV2",
                name,
                args.regionalWebAclName()
                        .applyValue(acl -> Map.of("WebACL", acl, "Region", args.region(), "Rule", "ALL")),
                "Sum",
                args.region());
    }

    /** CloudFront web ACL metrics are reported in us-east-1, without a Region dimension. */
    MetricRef cloudFrontWaf(String name) {
        return new MetricRef(
                "AWS/WAFV2",
                name,
                args.cloudFrontWebAclName().applyValue(acl -> Map.of("WebACL", acl, "Rule", "ALL")),
                "Sum",
                Providers.CLOUDFRONT_REGION);
    }
}
