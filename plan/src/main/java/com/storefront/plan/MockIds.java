package com.storefront.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Realistic, deterministic ids and computed attributes for mocked AWS resources. */
final class MockIds {

    private static final Map<String, String> ID_PREFIXES = Map.ofEntries(
            Map.entry("aws:ec2/vpc:Vpc", "vpc-"),
            Map.entry("aws:ec2/subnet:Subnet", "subnet-"),
            Map.entry("aws:ec2/internetGateway:InternetGateway", "igw-"),
            Map.entry("aws:ec2/natGateway:NatGateway", "nat-"),
            Map.entry("aws:ec2/eip:Eip", "eipalloc-"),
            Map.entry("aws:ec2/routeTable:RouteTable", "rtb-"),
            Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", "rtbassoc-"),
            Map.entry("aws:ec2/route:Route", "r-rtb-"),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", "sg-"),
            Map.entry("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", "sg-"),
            Map.entry("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "sgr-"),
            Map.entry("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "sgr-"),
            Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", "vpce-"),
            Map.entry("aws:ec2/flowLog:FlowLog", "fl-"),
            Map.entry("aws:ec2/vpcPeeringConnection:VpcPeeringConnection", "pcx-"));

    /** Canonical hosted zones of ALBs per region (for alias records). */
    private static final Map<String, String> ALB_ZONES =
            Map.of("us-east-1", "Z35SXDOTRQ7X7K", "us-east-2", "Z3AADJGX6KTTL2", "us-west-2", "Z1H1FL5HABSF5");

    private MockIds() {}

    static String id(String type, String name, String region, Map<String, Object> inputs) {
        String prefix = ID_PREFIXES.get(type);
        if (prefix != null) {
            return prefix + hash(type + name, 17);
        }
        return switch (type) {
            case "aws:kms/key:Key" -> uuid(type + name);
            case "aws:rds/cluster:Cluster" -> String.valueOf(inputs.get("clusterIdentifier"));
            case "aws:rds/clusterInstance:ClusterInstance" -> String.valueOf(inputs.get("identifier"));
            case "aws:elasticache/replicationGroup:ReplicationGroup" ->
                String.valueOf(inputs.get("replicationGroupId"));
            case "aws:rds/clusterParameterGroup:ClusterParameterGroup" ->
                inputs.get("namePrefix") + "20261121223900000000000001";
            case "aws:rds/subnetGroup:SubnetGroup",
                    "aws:elasticache/subnetGroup:SubnetGroup",
                    "aws:s3/bucketV2:BucketV2",
                    "aws:ecr/repository:Repository",
                    "aws:ecs/cluster:Cluster",
                    "aws:cloudwatch/metricAlarm:MetricAlarm",
                    "aws:codedeploy/application:Application",
                    "aws:sns/topic:Topic" -> String.valueOf(inputs.getOrDefault("bucket", inputs.get("name")));
            case "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace" -> "ns-" + hash(type + name, 16);
            case "aws:cloudwatch/dashboard:Dashboard" -> String.valueOf(inputs.get("dashboardName"));
            case "aws:backup/vault:Vault" -> String.valueOf(inputs.get("name"));
            case "aws:backup/plan:Plan" -> uuid(type + name);
            case "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter" ->
                String.valueOf(inputs.get("vpcPeeringConnectionId"));
            case "aws:cloudfront/distribution:Distribution",
                    "aws:cloudfront/originAccessIdentity:OriginAccessIdentity" ->
                "E" + hash(type + name, 13).toUpperCase();
            case "aws:cloudfront/originAccessControl:OriginAccessControl" ->
                "E" + hash(type + name, 13).toUpperCase();
            case "aws:cloudfront/cachePolicy:CachePolicy", "aws:wafv2/webAcl:WebAcl" -> uuid(type + name);
            case "aws:apigateway/restApi:RestApi" -> hash(type + name, 10);
            case "aws:apigateway/apiKey:ApiKey" -> hash(type + name, 10);
            case "aws:servicediscovery/service:Service" -> "srv-" + hash(type + name, 16);
            case "aws:cloudwatch/logGroup:LogGroup", "aws:iam/role:Role", "aws:kms/alias:Alias" ->
                String.valueOf(inputs.getOrDefault("name", name));
            case "aws:secretsmanager/secret:Secret" ->
                "arn:aws:secretsmanager:" + region + ":" + PlanMocks.ACCOUNT_ID + ":secret:" + inputs.get("name") + "-"
                        + hash(name, 6);
            default -> name + "-" + hash(type + name, 8);
        };
    }

    static Map<String, Object> attributes(
            String type, String name, String id, String region, String account, Map<String, Object> inputs) {
        Map<String, Object> state = new LinkedHashMap<>();
        String service = type.substring(4, type.indexOf('/'));
        state.put("arn", "arn:aws:" + service + ":" + region + ":" + account + ":" + name + "/" + id);
        switch (type) {
            case "aws:kms/key:Key" -> {
                state.put("keyId", id);
                state.put("arn", "arn:aws:kms:" + region + ":" + account + ":key/" + id);
            }
            case "aws:kms/alias:Alias" -> state.put("arn", "arn:aws:kms:" + region + ":" + account + ":" + id);
            case "aws:cloudwatch/logGroup:LogGroup" ->
                state.put("arn", "arn:aws:logs:" + region + ":" + account + ":log-group:" + id);
            case "aws:iam/role:Role" -> {
                state.put("arn", "arn:aws:iam::" + account + ":role/" + id);
                state.put("uniqueId", "AROA" + hash(id, 17).toUpperCase());
            }
            case "aws:ec2/vpc:Vpc" -> {
                state.put("arn", "arn:aws:ec2:" + region + ":" + account + ":vpc/" + id);
                state.put("defaultSecurityGroupId", "sg-" + hash(id + "default", 17));
                state.put("mainRouteTableId", "rtb-" + hash(id + "main", 17));
            }
            case "aws:ec2/eip:Eip" -> {
                state.put("allocationId", id);
                state.put("publicIp", "203.0.113." + (Math.abs(id.hashCode()) % 250 + 1));
            }
            case "aws:ec2/securityGroup:SecurityGroup" ->
                state.put("arn", "arn:aws:ec2:" + region + ":" + account + ":security-group/" + id);
            case "aws:rds/clusterParameterGroup:ClusterParameterGroup",
                    "aws:rds/subnetGroup:SubnetGroup",
                    "aws:elasticache/subnetGroup:SubnetGroup" -> state.put("name", id);
            case "aws:rds/cluster:Cluster" -> {
                String host = id + ".cluster-c9akciq32xyz." + region + ".rds.amazonaws.com";
                state.put("arn", "arn:aws:rds:" + region + ":" + account + ":cluster:" + id);
                state.put("endpoint", host);
                state.put("readerEndpoint", host.replace(".cluster-", ".cluster-ro-"));
                state.put("clusterResourceId", "cluster-" + hash(id, 26).toUpperCase());
                state.put(
                        "masterUserSecrets",
                        List.of(Map.of(
                                "secretArn",
                                "arn:aws:secretsmanager:" + region + ":" + account + ":secret:rds!cluster-" + uuid(id)
                                        + "-" + hash(id, 6),
                                "kmsKeyId",
                                String.valueOf(inputs.get("masterUserSecretKmsKeyId")),
                                "secretStatus",
                                "active")));
            }
            case "aws:rds/clusterInstance:ClusterInstance" -> {
                state.put("arn", "arn:aws:rds:" + region + ":" + account + ":db:" + id);
                state.put("endpoint", id + ".c9akciq32xyz." + region + ".rds.amazonaws.com");
            }
            case "aws:elasticache/replicationGroup:ReplicationGroup" -> {
                state.put("arn", "arn:aws:elasticache:" + region + ":" + account + ":replicationgroup:" + id);
                state.put(
                        "configurationEndpointAddress",
                        "clustercfg." + id + ".x7kq2m." + shortRegion(region) + ".cache.amazonaws.com");
                state.put("clusterEnabled", true);
            }
            case "aws:secretsmanager/secret:Secret" -> state.put("arn", id);
            case "aws:lb/loadBalancer:LoadBalancer" -> {
                String suffix = "app/" + inputs.get("name") + "/" + hash(id, 16);
                state.put("arn", "arn:aws:elasticloadbalancing:" + region + ":" + account + ":loadbalancer/" + suffix);
                state.put("arnSuffix", suffix);
                // ELB prefixes an internal load balancer's name with "internal-".
                state.put(
                        "dnsName",
                        (Boolean.TRUE.equals(inputs.get("internal")) ? "internal-" : "") + inputs.get("name") + "-"
                                + Math.abs(id.hashCode()) + "." + region + ".elb.amazonaws.com");
                state.put("zoneId", ALB_ZONES.getOrDefault(region, "Z00000000000000"));
            }
            case "aws:lb/targetGroup:TargetGroup" -> {
                String suffix = "targetgroup/" + inputs.get("name") + "/" + hash(id, 16);
                state.put("arn", "arn:aws:elasticloadbalancing:" + region + ":" + account + ":" + suffix);
                state.put("arnSuffix", suffix);
            }
            case "aws:lb/listener:Listener", "aws:lb/listenerRule:ListenerRule" ->
                state.put(
                        "arn",
                        "arn:aws:elasticloadbalancing:" + region + ":" + account + ":listener/app/storefront/"
                                + hash(name, 16) + "/" + hash(id, 16));
            case "aws:ecs/cluster:Cluster" ->
                state.put("arn", "arn:aws:ecs:" + region + ":" + account + ":cluster/" + id);
            case "aws:ecs/service:Service" ->
                state.put("arn", "arn:aws:ecs:" + region + ":" + account + ":service/" + inputs.get("name"));
            case "aws:ecs/taskDefinition:TaskDefinition" -> {
                // ECS numbers revisions; a different definition is a different revision.
                int revision = 1
                        + Math.floorMod(
                                String.valueOf(new java.util.TreeMap<>(inputs)).hashCode(), 997);
                state.put(
                        "arn",
                        "arn:aws:ecs:" + region + ":" + account + ":task-definition/" + inputs.get("family") + ":"
                                + revision);
                state.put("revision", revision);
            }
            case "aws:ecr/repository:Repository" -> {
                state.put("arn", "arn:aws:ecr:" + region + ":" + account + ":repository/" + id);
                state.put("repositoryUrl", account + ".dkr.ecr." + region + ".amazonaws.com/" + id);
                state.put("registryId", account);
            }
            case "aws:s3/bucketV2:BucketV2" -> {
                state.put("arn", "arn:aws:s3:::" + id);
                state.put("bucketDomainName", id + ".s3.amazonaws.com");
                state.put("bucketRegionalDomainName", id + ".s3." + region + ".amazonaws.com");
            }
            case "aws:backup/vault:Vault" ->
                state.put("arn", "arn:aws:backup:" + region + ":" + account + ":backup-vault:" + id);
            case "aws:backup/plan:Plan" ->
                state.put("arn", "arn:aws:backup:" + region + ":" + account + ":backup-plan:" + id);
            case "aws:sns/topic:Topic" -> state.put("arn", "arn:aws:sns:" + region + ":" + account + ":" + id);
            case "aws:cloudwatch/dashboard:Dashboard" ->
                state.put("dashboardArn", "arn:aws:cloudwatch::" + account + ":dashboard/" + id);
            case "aws:cloudwatch/metricAlarm:MetricAlarm" ->
                state.put("arn", "arn:aws:cloudwatch:" + region + ":" + account + ":alarm:" + id);
            case "aws:servicediscovery/service:Service" ->
                state.put("arn", "arn:aws:servicediscovery:" + region + ":" + account + ":service/" + id);
            case "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace" -> {
                state.put("arn", "arn:aws:servicediscovery:" + region + ":" + account + ":namespace/" + id);
                state.put("hostedZone", "Z" + hash(id, 20).toUpperCase());
            }
            case "aws:acm/certificate:Certificate" -> {
                state.put("arn", "arn:aws:acm:" + region + ":" + account + ":certificate/" + uuid(id));
                state.put(
                        "domainValidationOptions",
                        List.of(Map.of(
                                "domainName",
                                inputs.get("domainName"),
                                "resourceRecordName",
                                "_" + hash(id, 32) + "." + inputs.get("domainName") + ".",
                                "resourceRecordType",
                                "CNAME",
                                "resourceRecordValue",
                                "_" + hash(id + "v", 32) + ".acm-validations.aws.")));
            }
            case "aws:route53/record:Record" ->
                state.put("fqdn", String.valueOf(inputs.get("name")).replaceAll("\\.$", ""));
            case "aws:cloudfront/distribution:Distribution" -> {
                state.put("arn", "arn:aws:cloudfront::" + account + ":distribution/" + id);
                state.put("domainName", "d" + hash(id, 13) + ".cloudfront.net");
                state.put("hostedZoneId", "Z2FDTNDATAQYW2");
            }
            case "aws:cloudfront/originAccessIdentity:OriginAccessIdentity" -> {
                state.put("iamArn", "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity " + id);
                state.put("cloudfrontAccessIdentityPath", "origin-access-identity/cloudfront/" + id);
            }
            case "aws:wafv2/webAcl:WebAcl" ->
                state.put(
                        "arn",
                        "arn:aws:wafv2:" + region + ":" + account + ":"
                                + ("CLOUDFRONT".equals(inputs.get("scope")) ? "global" : "regional") + "/webacl/"
                                + inputs.get("name") + "/" + id);
            case "aws:apigateway/restApi:RestApi" -> {
                state.put("rootResourceId", hash(id + "root", 10));
                state.put("executionArn", "arn:aws:execute-api:" + region + ":" + account + ":" + id);
            }
            case "aws:apigateway/stage:Stage" -> {
                state.put(
                        "arn",
                        "arn:aws:apigateway:" + region + "::/restapis/" + inputs.get("restApi") + "/stages/"
                                + inputs.get("stageName"));
                state.put(
                        "invokeUrl",
                        "https://" + inputs.get("restApi") + ".execute-api." + region + ".amazonaws.com/"
                                + inputs.get("stageName"));
            }
            case "aws:apigateway/apiKey:ApiKey" -> state.put("value", hash(id + "value", 40));
            case "aws:appautoscaling/policy:Policy" ->
                state.put(
                        "arn",
                        "arn:aws:autoscaling:" + region + ":" + account
                                + ":scalingPolicy:" + uuid(id) + ":resource/ecs/" + inputs.get("resourceId")
                                + ":policyName/"
                                + inputs.get("name"));
            case "aws:codedeploy/deploymentGroup:DeploymentGroup" ->
                state.put(
                        "arn",
                        "arn:aws:codedeploy:" + region + ":" + account + ":deploymentgroup:" + inputs.get("appName")
                                + "/" + inputs.get("deploymentGroupName"));
            default -> {
                // the generic ARN above
            }
        }
        return state;
    }

    /** us-west-2 → usw2, as in ElastiCache endpoints. */
    private static String shortRegion(String region) {
        String[] parts = region.split("-");
        return parts[0] + parts[1].charAt(0) + parts[2];
    }

    static String hash(String text, int length) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String uuid(String text) {
        String h = hash(text, 32);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20)
                + "-" + h.substring(20, 32);
    }
}
