package com.storefront.observability;

import com.pulumi.core.Output;
import com.storefront.core.Providers;

import java.util.Map;

/** The metrics of this stack's resources, with the dimensions CloudWatch files them under. */
public final class Metrics {

    private Metrics() {}

    public static MetricRef ecs(
            Output<String> clusterName, Output<String> serviceName, String name, String stat, String region) {
        return new MetricRef("AWS/ECS", name, service(clusterName, serviceName), stat, region);
    }

    public static MetricRef containerInsights(
            Output<String> clusterName, Output<String> serviceName, String name, String stat, String region) {
        return new MetricRef("ECS/ContainerInsights", name, service(clusterName, serviceName), stat, region);
    }

    /** ALB metrics take the ARN suffix ({@code app/name/id}); with the full ARN they never report. */
    public static MetricRef alb(Output<String> albArnSuffix, String name, String stat, String region) {
        return new MetricRef("AWS/ApplicationELB", name, dims("LoadBalancer", albArnSuffix), stat, region);
    }

    public static MetricRef targetGroup(
            Output<String> targetGroupArnSuffix, Output<String> albArnSuffix, String name, String stat, String region) {
        return new MetricRef(
                "AWS/ApplicationELB",
                name,
                Output.tuple(targetGroupArnSuffix, albArnSuffix)
                        .applyValue(t -> Map.of("TargetGroup", t.t1, "LoadBalancer", t.t2)),
                stat,
                region);
    }

    public static MetricRef db(Output<String> clusterIdentifier, String name, String stat, String region) {
        return new MetricRef("AWS/RDS", name, dims("DBClusterIdentifier", clusterIdentifier), stat, region);
    }

    /** In cluster mode ElastiCache reports memory and CPU per node, not per replication group. */
    public static MetricRef cacheNode(Output<String> nodeId, String name, String stat, String region) {
        return new MetricRef("AWS/ElastiCache", name, dims("CacheClusterId", nodeId), stat, region);
    }

    public static MetricRef api(
            Output<String> apiName, Output<String> stageName, String name, String stat, String region) {
        return new MetricRef(
                "AWS/ApiGateway",
                name,
                Output.tuple(apiName, stageName).applyValue(t -> Map.of("ApiName", t.t1, "Stage", t.t2)),
                stat,
                region);
    }

    public static MetricRef regionalWaf(Output<String> webAclName, String name, String region) {
        return new MetricRef(
                "AWS/WAFV2",
                name,
                webAclName.applyValue(acl -> Map.of("WebACL", acl, "Region", region, "Rule", "ALL")),
                "Sum",
                region);
    }

    /** CloudFront web ACL metrics are reported in us-east-1, without a Region dimension. */
    public static MetricRef cloudFrontWaf(Output<String> webAclName, String name) {
        return new MetricRef(
                "AWS/WAFV2",
                name,
                webAclName.applyValue(acl -> Map.of("WebACL", acl, "Rule", "ALL")),
                "Sum",
                Providers.CLOUDFRONT_REGION);
    }

    private static Output<Map<String, String>> service(Output<String> clusterName, Output<String> serviceName) {
        return Output.tuple(clusterName, serviceName).applyValue(t -> Map.of("ClusterName", t.t1, "ServiceName", t.t2));
    }

    private static Output<Map<String, String>> dims(String name, Output<String> value) {
        return value.applyValue(v -> Map.of(name, v));
    }
}
