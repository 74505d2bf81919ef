package com.storefront.config;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CFG-2: mistakes a new user makes, one at a time, each refused before anything is registered with a
 * message naming its key and what is allowed; then several at once, all reported together. Values are
 * written as the Pulumi CLI passes them: top-level keys as text, sections as JSON of their YAML types.
 */
class BadConfigTest {

    /** One mistake: {@code edits} applied to a valid stack, the key it must name, a fragment of what is allowed. */
    record Case(String name, boolean prod, List<String[]> edits, String key, String allowed) {}

    private static final List<Case> CASES = new ArrayList<>();

    private static void dev(String name, String key, String allowed, String... edits) {
        CASES.add(new Case(name, false, pairs(edits), key, allowed));
    }

    private static void prod(String name, String key, String allowed, String... edits) {
        CASES.add(new Case(name, true, pairs(edits), key, allowed));
    }

    private static List<String[]> pairs(String... edits) {
        List<String[]> pairs = new ArrayList<>();
        for (int i = 0; i < edits.length; i += 2) {
            pairs.add(new String[] {edits[i], edits[i + 1]});
        }
        return pairs;
    }

    static {
        // ---- keys that do nothing ----
        prod(
                "misspelled top-level key",
                "storefront:protet",
                "did you mean storefront:protect?",
                "storefront:protet",
                "true");
        dev(
                "renamed section",
                "storefront:databse",
                "did you mean storefront:database?",
                "storefront:databse",
                "{\"minAcu\":1}");
        dev(
                "aws:allowedAccountIds is never read",
                "aws:allowedAccountIds",
                "storefront:allowedAccountIds",
                "aws:allowedAccountIds",
                "[\"123456789012\"]");
        dev(
                "aws:assumeRoles is never read",
                "aws:assumeRoles",
                "credentials of that role",
                "aws:assumeRoles",
                "[{\"roleArn\":\"arn:aws:iam::123456789012:role/deploy\"}]");
        dev(
                "aws:defaultTags is never read",
                "aws:defaultTags",
                "storefront:tags",
                "aws:defaultTags",
                "{\"tags\":{\"CostCenter\":\"42\"}}");
        dev(
                "other aws: keys are never read",
                "aws:skipCredentialsValidation",
                "take only aws:region and aws:profile",
                "aws:skipCredentialsValidation",
                "true");
        dev(
                "misspelled namespace",
                "storefornt:protect",
                "did you mean storefront:protect?",
                "storefornt:protect",
                "true");
        dev(
                "v1 key moved to scaling",
                "storefront:service.minTasks",
                "has moved to storefront:scaling.minTasks",
                "storefront:service",
                "{\"minTasks\":3}");
        dev(
                "v1 key moved to tls",
                "storefront:service.domainName",
                "has moved to storefront:tls.domainName",
                "storefront:service",
                "{\"domainName\":\"origin.example.com\"}");
        dev(
                "v1 key moved to loadBalancer",
                "storefront:service.idleTimeoutSeconds",
                "has moved to storefront:loadBalancer.idleTimeoutSeconds",
                "storefront:service",
                "{\"idleTimeoutSeconds\":120}");
        dev(
                "misspelled nested key",
                "storefront:network.vpccidr",
                "did you mean storefront:network.vpcCidr?",
                "storefront:network",
                "{\"vpccidr\":\"10.2.0.0/16\"}");
        dev(
                "misspelled subnet tier",
                "storefront:network.subnetCidrs.pubic",
                "did you mean storefront:network.subnetCidrs.public?",
                "storefront:network",
                "{\"subnetCidrs\":{\"pubic\":[\"10.0.1.0/24\",\"10.0.2.0/24\"]}}");
        dev("section given as text", "storefront:cache", "must be an object", "storefront:cache", "redis");

        // ---- the stack as a whole ----
        dev("moon region", "aws:region", "regions.tsv, checked 2026-12-01", "aws:region", "us-moon-1");
        dev("region typo", "aws:region", "did you mean us-west-2?", "aws:region", "us-wset-2");
        dev("GovCloud region", "aws:region", "commercial partition", "aws:region", "us-gov-west-1");
        dev("no region", "aws:region", "is required", "aws:region", null);
        dev("no suffix", "storefront:environmentSuffix", "is required", "storefront:environmentSuffix", null);
        dev("empty suffix", "storefront:environmentSuffix", "is required", "storefront:environmentSuffix", "");
        dev(
                "uppercase suffix",
                "storefront:environmentSuffix",
                "must be lowercase",
                "storefront:environmentSuffix",
                "Dev");
        dev(
                "long suffix",
                "storefront:environmentSuffix",
                "is 13 characters; at most 12",
                "storefront:environmentSuffix",
                "abcdefghijklm");
        dev(
                "underscore in suffix",
                "storefront:environmentSuffix",
                "contains '_'",
                "storefront:environmentSuffix",
                "dev_1");
        dev(
                "hyphen at the end of the suffix",
                "storefront:environmentSuffix",
                "must not start or end with a hyphen",
                "storefront:environmentSuffix",
                "dev-");
        dev("no owner", "storefront:owner", "is required", "storefront:owner", null);
        dev("empty owner", "storefront:owner", "is required", "storefront:owner", "");
        dev("unknown environment", "storefront:environment", "one of dev, prod", "storefront:environment", "staging");
        dev("protect is not a boolean", "storefront:protect", "must be true or false", "storefront:protect", "yes");
        dev(
                "empty protect",
                "storefront:protect",
                "is empty; remove the key to use the default (false)",
                "storefront:protect",
                "");
        dev(
                "unknown teardown",
                "storefront:teardown",
                "one of decommission, forceDelete",
                "storefront:teardown",
                "delete");
        prod(
                "force delete of a protected stack",
                "storefront:teardown",
                "must be decommission while",
                "storefront:teardown",
                "forceDelete");
        dev(
                "retention CloudWatch refuses",
                "storefront:logRetentionDays",
                "a value CloudWatch Logs accepts",
                "storefront:logRetentionDays",
                "10");
        dev(
                "retention as a list",
                "storefront:logRetentionDays",
                "single whole number",
                "storefront:logRetentionDays",
                "[14]");
        dev(
                "short account id",
                "storefront:allowedAccountIds",
                "12-digit AWS account ids",
                "storefront:allowedAccountIds",
                "[\"12345\"]");
        dev(
                "account id whose leading zero YAML dropped",
                "storefront:allowedAccountIds",
                "12-digit",
                "storefront:allowedAccountIds",
                "[12345678901]");
        dev("bad project tag value", "storefront:project", "AWS tag value rules", "storefront:project", "store*front");
        dev("reserved tag", "storefront:tags.ManagedBy", "is reserved", "storefront:tags", "{\"ManagedBy\":\"me\"}");
        dev("owner as a tag", "storefront:tags.Owner", "set it there", "storefront:tags", "{\"Owner\":\"me\"}");
        dev(
                "bad tag key",
                "storefront:tags.cost*center",
                "must be a tag key",
                "storefront:tags",
                "{\"cost*center\":\"42\"}");
        dev("short origin secret", "storefront:originVerifySecret", "32-128", "storefront:originVerifySecret", "short");
        dev(
                "no origin secret",
                "storefront:originVerifySecret",
                "pulumi config set --secret",
                "storefront:originVerifySecret",
                null);
        dev(
                "no redis token",
                "storefront:redisAuthToken",
                "pulumi config set --secret",
                "storefront:redisAuthToken",
                null);

        // ---- network ----
        dev(
                "VPC too big",
                "storefront:network.vpcCidr",
                "from /16 to /24",
                "storefront:network",
                "{\"vpcCidr\":\"10.0.0.0/8\"}");
        dev(
                "VPC host bits",
                "storefront:network.vpcCidr",
                "no host bits",
                "storefront:network",
                "{\"vpcCidr\":\"10.0.0.1/16\"}");
        dev(
                "VPC whose derived subnets cannot hold an ALB",
                "storefront:network.vpcCidr",
                "smaller than the /27 an ALB needs",
                "storefront:network",
                "{\"vpcCidr\":\"10.0.0.0/24\"}");
        dev("four zones", "storefront:network.azCount", "from 2 to 3", "storefront:network", "{\"azCount\":4}");
        dev(
                "zone count as text",
                "storefront:network.azCount",
                "single whole number",
                "storefront:network",
                "{\"azCount\":\"two\"}");
        dev(
                "zone count as a list",
                "storefront:network.azCount",
                "single whole number",
                "storefront:network",
                "{\"azCount\":[2]}");
        dev(
                "zone count empty",
                "storefront:network.azCount",
                "is empty; remove the key to use the default (2)",
                "storefront:network",
                "{\"azCount\":null}");
        dev(
                "unknown NAT strategy",
                "storefront:network.natStrategy",
                "one of none, single, perAz",
                "storefront:network",
                "{\"natStrategy\":\"nat\"}");
        dev(
                "no NAT and no endpoints",
                "storefront:network.natStrategy",
                "set storefront:network.interfaceEndpoints",
                "storefront:network",
                "{\"natStrategy\":\"none\"}",
                "storefront:service",
                "{\"image\":\"123456789012.dkr.ecr.us-west-2.amazonaws.com/api:1.0.0\"}");
        dev(
                "endpoints as text",
                "storefront:network.interfaceEndpoints",
                "must be true or false",
                "storefront:network",
                "{\"interfaceEndpoints\":\"yes\"}");
        dev(
                "endpoints as a number",
                "storefront:network.interfaceEndpoints",
                "must be true or false",
                "storefront:network",
                "{\"interfaceEndpoints\":1}");
        dev(
                "unknown layout",
                "storefront:network.layout",
                "one of threeTier, twoTier",
                "storefront:network",
                "{\"layout\":\"flat\"}");
        dev(
                "too few zones named",
                "storefront:network.availabilityZones",
                "exactly azCount (2)",
                "storefront:network",
                "{\"availabilityZones\":[\"us-west-2a\"]}");
        dev(
                "zones of another region",
                "storefront:network.availabilityZones",
                "zone names of us-west-2",
                "storefront:network",
                "{\"availabilityZones\":[\"us-east-1a\",\"us-west-2b\"]}");
        dev(
                "a zone twice",
                "storefront:network.availabilityZones",
                "each zone once",
                "storefront:network",
                "{\"availabilityZones\":[\"us-west-2a\",\"us-west-2a\"]}");
        dev(
                "ALB subnet /28",
                "storefront:network.subnetCidrs.public",
                "an ALB needs /27 or larger",
                "storefront:network",
                "{\"subnetCidrs\":{\"public\":[\"10.0.1.0/24\",\"10.0.2.0/28\"]}}");
        dev(
                "internal ALB subnet /28",
                "storefront:network.subnetCidrs.app",
                "an ALB needs /27 or larger",
                "storefront:network",
                "{\"subnetCidrs\":{\"app\":[\"10.0.100.0/28\",\"10.0.101.0/24\"]}}");
        dev(
                "one public subnet for two zones",
                "storefront:network.subnetCidrs.public",
                "exactly azCount (2) CIDR blocks",
                "storefront:network",
                "{\"subnetCidrs\":{\"public\":[\"10.0.1.0/24\"]}}");
        dev(
                "subnet outside the VPC",
                "storefront:network.subnetCidrs.app",
                "inside the VPC CIDR",
                "storefront:network",
                "{\"subnetCidrs\":{\"app\":[\"10.9.1.0/24\",\"10.0.200.0/24\"]}}");
        dev(
                "overlapping subnets",
                "storefront:network.subnetCidrs.public",
                "must not overlap",
                "storefront:network",
                "{\"subnetCidrs\":{\"public\":[\"10.0.1.0/24\",\"10.0.1.0/25\"]}}");
        dev(
                "data subnets in a two-tier VPC",
                "storefront:network.subnetCidrs.data",
                "must be unset with layout twoTier",
                "storefront:network",
                "{\"layout\":\"twoTier\",\"subnetCidrs\":{\"data\":[\"10.0.200.0/24\",\"10.0.201.0/24\"]}}");
        dev(
                "subnet list holding a list",
                "storefront:network.subnetCidrs.public",
                "list of text values",
                "storefront:network",
                "{\"subnetCidrs\":{\"public\":[[\"10.0.1.0/24\"],\"10.0.2.0/24\"]}}");

        // ---- database ----
        dev(
                "unquoted 16.10 arrives as 16.1",
                "storefront:database.engineVersion",
                "text in quotes",
                "storefront:database",
                "{\"engineVersion\":16.1}");
        dev(
                "16.5 was never released",
                "storefront:database.engineVersion",
                "was never released",
                "storefront:database",
                "{\"engineVersion\":\"16.5\"}");
        dev(
                "15.1 was never released",
                "storefront:database.engineVersion",
                "was never released",
                "storefront:database",
                "{\"engineVersion\":\"15.1\"}");
        dev(
                "unsupported major",
                "storefront:database.engineVersion",
                "with major 13, 14, 15, 16, 17",
                "storefront:database",
                "{\"engineVersion\":\"12.9\"}");
        dev(
                "version without Serverless v2",
                "storefront:database.engineVersion",
                "does not support Serverless v2",
                "storefront:database",
                "{\"engineVersion\":\"13.4\"}");
        dev(
                "instance class Aurora does not offer",
                "storefront:database.instanceClass",
                "aurora-instance-classes.tsv",
                "storefront:database",
                "{\"instanceClass\":\"db.t3.micro\"}");
        dev(
                "class missing from one minor",
                "storefront:database.instanceClass",
                "is not offered for Aurora PostgreSQL 14.6",
                "storefront:database",
                "{\"engineVersion\":\"14.6\",\"instanceClass\":\"db.r7g.large\"}");
        dev(
                "r7gd is not an Aurora class",
                "storefront:database.instanceClass",
                "families",
                "storefront:database",
                "{\"instanceClass\":\"db.r7gd.large\"}");
        dev(
                "Optimized Reads before 14.9",
                "storefront:database.instanceClass",
                "Optimized Reads class",
                "storefront:database",
                "{\"engineVersion\":\"14.6\",\"instanceClass\":\"db.r6gd.xlarge\"}");
        dev(
                "Optimized Reads r6gd on 13",
                "storefront:database.instanceClass",
                "not offered for Aurora PostgreSQL 13",
                "storefront:database",
                "{\"engineVersion\":\"13.16\",\"instanceClass\":\"db.r6gd.xlarge\"}");
        dev(
                "minAcu as a list",
                "storefront:database.minAcu",
                "single number",
                "storefront:database",
                "{\"minAcu\":[0.5]}");
        dev(
                "minAcu as a boolean",
                "storefront:database.minAcu",
                "single number",
                "storefront:database",
                "{\"minAcu\":true}");
        dev(
                "ACU not in half steps",
                "storefront:database.minAcu",
                "multiple of 0.5",
                "storefront:database",
                "{\"minAcu\":0.25}");
        dev(
                "minAcu above maxAcu",
                "storefront:database.minAcu",
                "must not exceed storefront:database.maxAcu (2.0)",
                "storefront:database",
                "{\"minAcu\":3.0,\"maxAcu\":2.0}");
        dev(
                "maxAcu too large",
                "storefront:database.maxAcu",
                "from 1 to 256",
                "storefront:database",
                "{\"maxAcu\":300}");
        dev(
                "auto-pause on a version without it",
                "storefront:database.minAcu",
                "0 (auto-pause) needs",
                "storefront:database",
                "{\"engineVersion\":\"16.2\",\"minAcu\":0}");
        dev(
                "pause too soon",
                "storefront:database.secondsUntilAutoPause",
                "from 300 to 86400",
                "storefront:database",
                "{\"secondsUntilAutoPause\":100}");
        dev(
                "too many readers",
                "storefront:database.readers",
                "from 0 to 15",
                "storefront:database",
                "{\"readers\":16}");
        dev(
                "hyphen in database name",
                "storefront:database.databaseName",
                "a letter, then letters",
                "storefront:database",
                "{\"databaseName\":\"store-front\"}");
        dev(
                "master user 'user'",
                "storefront:database.masterUsername",
                "is reserved",
                "storefront:database",
                "{\"masterUsername\":\"user\"}");
        dev(
                "master user 'admin'",
                "storefront:database.masterUsername",
                "is reserved",
                "storefront:database",
                "{\"masterUsername\":\"admin\"}");
        dev(
                "master user of 17 characters",
                "storefront:database.masterUsername",
                "1-16 letters",
                "storefront:database",
                "{\"masterUsername\":\"storefront_admins\"}");
        dev(
                "master user starting with a digit",
                "storefront:database.masterUsername",
                "a letter first",
                "storefront:database",
                "{\"masterUsername\":\"1admin\"}");
        dev(
                "no backups",
                "storefront:database.backupRetentionDays",
                "from 1 to 35",
                "storefront:database",
                "{\"backupRetentionDays\":0}");
        dev(
                "backup window at 25:00",
                "storefront:database.backupWindow",
                "hh24:mi-hh24:mi",
                "storefront:database",
                "{\"backupWindow\":\"25:00-26:00\"}");
        dev(
                "backup window in the maintenance window",
                "storefront:database.backupWindow",
                "must not overlap",
                "storefront:database",
                "{\"backupWindow\":\"05:30-06:30\"}");
        dev(
                "uppercase maintenance day",
                "storefront:database.maintenanceWindow",
                "lowercase days",
                "storefront:database",
                "{\"maintenanceWindow\":\"Sun:05:00-Sun:06:00\"}");
        dev(
                "no rotation",
                "storefront:database.rotationDays",
                "from 1 to 365",
                "storefront:database",
                "{\"rotationDays\":0}");
        dev(
                "insights maybe",
                "storefront:database.performanceInsights",
                "must be true or false",
                "storefront:database",
                "{\"performanceInsights\":\"maybe\"}");

        // ---- cache ----
        dev(
                "cache.t4g.xlarge does not exist",
                "storefront:cache.nodeType",
                "elasticache-node-types.tsv",
                "storefront:cache",
                "{\"nodeType\":\"cache.t4g.xlarge\"}");
        dev(
                "data tiering node type",
                "storefront:cache.nodeType",
                "not r6gd",
                "storefront:cache",
                "{\"nodeType\":\"cache.r6gd.xlarge\"}");
        dev(
                "Valkey-only node type with Redis",
                "storefront:cache.nodeType",
                "offered for valkey only",
                "storefront:cache",
                "{\"nodeType\":\"cache.r8g.large\"}");
        dev(
                "previous-generation node type",
                "storefront:cache.nodeType",
                "current-generation",
                "storefront:cache",
                "{\"nodeType\":\"cache.m3.medium\"}");
        dev(
                "memcached",
                "storefront:cache.engine",
                "one of redis, valkey",
                "storefront:cache",
                "{\"engine\":\"memcached\"}");
        dev(
                "unquoted cache version",
                "storefront:cache.engineVersion",
                "text in quotes",
                "storefront:cache",
                "{\"engineVersion\":7.1}");
        dev(
                "old Redis",
                "storefront:cache.engineVersion",
                "7.0, 7.1",
                "storefront:cache",
                "{\"engineVersion\":\"6.2\"}");
        dev("no shards", "storefront:cache.shards", "from 1 to 500", "storefront:cache", "{\"shards\":0}");
        dev(
                "over the node quota",
                "storefront:cache.shards",
                "allows 90 per cluster",
                "storefront:cache",
                "{\"shards\":50}");
        dev(
                "no replicas",
                "storefront:cache.replicasPerShard",
                "from 1 to 5",
                "storefront:cache",
                "{\"replicasPerShard\":0}");
        dev(
                "30-minute snapshot window",
                "storefront:cache.snapshotWindow",
                "at least 60 minutes",
                "storefront:cache",
                "{\"snapshotWindow\":\"02:00-02:30\"}");
        prod(
                "snapshot window in the maintenance window",
                "storefront:cache.snapshotWindow",
                "must not overlap",
                "storefront:cache",
                "{\"snapshotWindow\":\"05:30-06:30\"}");
        dev(
                "30-minute cache maintenance",
                "storefront:cache.maintenanceWindow",
                "60 minutes to 24 hours",
                "storefront:cache",
                "{\"maintenanceWindow\":\"sun:06:00-sun:06:30\"}");
        dev(
                "lowercase token strategy",
                "storefront:cache.authTokenUpdateStrategy",
                "one of ROTATE, SET",
                "storefront:cache",
                "{\"authTokenUpdateStrategy\":\"rotate\"}");
        dev(
                "cache switch as text",
                "storefront:cache.enabled",
                "must be true or false",
                "storefront:cache",
                "{\"enabled\":\"no\"}");

        // ---- service, scaling, load balancer, TLS ----
        dev(
                "public image without NAT",
                "storefront:service.image",
                "this region's private ECR",
                "storefront:network",
                "{\"natStrategy\":\"none\",\"interfaceEndpoints\":true}",
                "storefront:service",
                "{\"image\":\"public.ecr.aws/docker/library/nginx:1.27\"}");
        dev(
                "another region's ECR without NAT",
                "storefront:service.image",
                "this region's private ECR",
                "storefront:network",
                "{\"natStrategy\":\"none\",\"interfaceEndpoints\":true}",
                "storefront:service",
                "{\"image\":\"123456789012.dkr.ecr.us-east-1.amazonaws.com/api:1.0.0\"}");
        dev(
                "placeholder image without NAT",
                "storefront:service.image",
                "is required with natStrategy none",
                "storefront:network",
                "{\"natStrategy\":\"none\",\"interfaceEndpoints\":true}");
        dev(
                "untagged image",
                "storefront:service.image",
                "such as 123456789012",
                "storefront:service",
                "{\"image\":\"nginx\"}");
        dev("odd CPU", "storefront:service.cpu", "one of 256, 512", "storefront:service", "{\"cpu\":300}");
        dev(
                "memory that does not pair",
                "storefront:service.memory",
                "with cpu 1024",
                "storefront:service",
                "{\"memory\":1024}");
        dev(
                "privileged port",
                "storefront:service.containerPort",
                "from 1024 to 65535",
                "storefront:service",
                "{\"containerPort\":80}");
        dev(
                "no capacity weight",
                "storefront:service.spotWeight",
                "must not both be 0",
                "storefront:service",
                "{\"fargateWeight\":0,\"spotWeight\":0}");
        dev(
                "health check without a kind",
                "storefront:service.containerHealthCheck",
                "CMD-SHELL",
                "storefront:service",
                "{\"containerHealthCheck\":[\"curl -f localhost/health\"]}");
        dev(
                "min above max tasks",
                "storefront:scaling.minTasks",
                "must not exceed storefront:scaling.maxTasks",
                "storefront:scaling",
                "{\"minTasks\":5,\"maxTasks\":3}");
        dev(
                "zero CPU target",
                "storefront:scaling.cpuTargetPercent",
                "from 1 to 100",
                "storefront:scaling",
                "{\"cpuTargetPercent\":0}");
        dev(
                "step thresholds crossed",
                "storefront:scaling.stepScaleInPercent",
                "must be below",
                "storefront:scaling",
                "{\"stepScaling\":true,\"stepScaleOutPercent\":40,\"stepScaleInPercent\":50}");
        dev(
                "long deregistration",
                "storefront:loadBalancer.deregistrationDelaySeconds",
                "from 0 to 60",
                "storefront:loadBalancer",
                "{\"deregistrationDelaySeconds\":300}");
        dev(
                "one failed check",
                "storefront:loadBalancer.unhealthyThreshold",
                "from 2 to 10",
                "storefront:loadBalancer",
                "{\"unhealthyThreshold\":1}");
        dev(
                "zero idle timeout",
                "storefront:loadBalancer.idleTimeoutSeconds",
                "from 1 to 4000",
                "storefront:loadBalancer",
                "{\"idleTimeoutSeconds\":0}");
        dev(
                "certificate without a domain",
                "storefront:tls.domainName",
                "is required with certificateArn",
                "storefront:tls",
                "{\"certificateArn\":\"arn:aws:acm:us-west-2:123456789012:certificate/"
                        + "0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f\"}");
        dev(
                "uppercase origin domain",
                "storefront:tls.domainName",
                "lowercase DNS name",
                "storefront:tls",
                "{\"domainName\":\"Origin.Example.com\",\"hostedZoneId\":\"Z0123456789ABCDEFGHIJ\"}");
        dev(
                "origin certificate of another region",
                "storefront:tls.certificateArn",
                "stack region us-west-2",
                "storefront:tls",
                "{\"domainName\":\"origin.example.com\",\"certificateArn\":\"arn:aws:acm:us-east-1:"
                        + "123456789012:certificate/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f\"}");

        // ---- deployment ----
        dev(
                "unknown strategy",
                "storefront:deployment.strategy",
                "one of rolling, blueGreen",
                "storefront:deployment",
                "{\"strategy\":\"canary\"}");
        dev(
                "blue/green without the live group",
                "storefront:deployment.liveTargetGroup",
                "scripts/deploy-image.sh",
                "storefront:deployment",
                "{\"strategy\":\"blueGreen\"}");
        dev(
                "unknown traffic shift",
                "storefront:deployment.trafficShift",
                "canary10Percent5Minutes",
                "storefront:deployment",
                "{\"trafficShift\":\"ECSAllAtOnce\"}");
        dev(
                "termination wait past the CI job",
                "storefront:deployment.terminationWaitMinutes",
                "from 0 to 240",
                "storefront:deployment",
                "{\"terminationWaitMinutes\":300}");

        // ---- edge and API ----
        dev(
                "unknown price class",
                "storefront:edge.priceClass",
                "PriceClass_100, PriceClass_200",
                "storefront:edge",
                "{\"priceClass\":\"PriceClass_50\"}");
        dev(
                "WAF window WAF refuses",
                "storefront:edge.wafRateWindowSeconds",
                "one of 60, 120, 300, 600",
                "storefront:edge",
                "{\"wafRateWindowSeconds\":100}");
        dev(
                "IA before 30 days",
                "storefront:edge.infrequentAccessDays",
                "no sooner than 30 days",
                "storefront:edge",
                "{\"infrequentAccessDays\":10}");
        dev(
                "root object with a slash",
                "storefront:edge.defaultRootObject",
                "no leading /",
                "storefront:edge",
                "{\"defaultRootObject\":\"/index.html\"}");
        dev(
                "viewer domain without a certificate",
                "storefront:edge.certificateArn",
                "us-east-1 certificate",
                "storefront:edge",
                "{\"domainName\":\"shop.example.com\"}");
        dev(
                "viewer certificate outside us-east-1",
                "storefront:edge.certificateArn",
                "in us-east-1",
                "storefront:edge",
                "{\"domainName\":\"shop.example.com\",\"certificateArn\":\"arn:aws:acm:us-west-2:"
                        + "123456789012:certificate/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f\"}");
        dev(
                "stage with a hyphen",
                "storefront:api.stageName",
                "letters, digits or _",
                "storefront:api",
                "{\"stageName\":\"v-1\"}");
        dev(
                "burst below rate",
                "storefront:api.burstLimit",
                "at least rateLimit",
                "storefront:api",
                "{\"rateLimit\":500,\"burstLimit\":100}");
        dev(
                "API without a logging role",
                "storefront:api.cloudWatchRoleArn",
                "manageAccountLogging",
                "storefront:api",
                "{\"enabled\":true}");
        dev(
                "unknown log level",
                "storefront:api.executionLogLevel",
                "one of off, error, info",
                "storefront:api",
                "{\"executionLogLevel\":\"debug\"}");

        // ---- alerts ----
        dev(
                "not an email",
                "storefront:alerts.emails",
                "email addresses",
                "storefront:alerts",
                "{\"emails\":[\"oncall\"]}");
        dev(
                "zero CPU alarm",
                "storefront:alerts.ecsCpuPercent",
                "from 1 to 100",
                "storefront:alerts",
                "{\"ecsCpuPercent\":0}");
        dev(
                "zero latency",
                "storefront:alerts.p95LatencySeconds",
                "from 0.01 to 60",
                "storefront:alerts",
                "{\"p95LatencySeconds\":0}");

        // ---- DR ----
        prod(
                "hour 25",
                "storefront:dr.backupSchedule",
                "hours '25'",
                "storefront:dr",
                "{\"enabled\":false,\"backupSchedule\":\"cron(0 25 * * ? *)\"}");
        prod(
                "backups every five minutes",
                "storefront:dr.backupSchedule",
                "at most hourly",
                "storefront:dr",
                "{\"enabled\":false,\"backupSchedule\":\"cron(0/5 * * * ? *)\"}");
        prod(
                "both days given",
                "storefront:dr.backupSchedule",
                "? in exactly one",
                "storefront:dr",
                "{\"enabled\":false,\"backupSchedule\":\"cron(0 7 * * MON *)\"}");
        prod(
                "not a cron",
                "storefront:dr.backupSchedule",
                "cron(minutes hours",
                "storefront:dr",
                "{\"enabled\":false,\"backupSchedule\":\"daily\"}");
        prod(
                "backup inside the maintenance window",
                "storefront:dr.backupSchedule",
                "inside storefront:database.maintenanceWindow",
                "storefront:dr",
                "{\"enabled\":true,\"region\":\"us-west-2\",\"backupSchedule\":\"cron(30 4 ? * SUN *)\"}");
        prod(
                "backup inside the Aurora backup window",
                "storefront:dr.backupSchedule",
                "inside storefront:database.backupWindow",
                "storefront:dr",
                "{\"enabled\":true,\"region\":\"us-west-2\",\"backupSchedule\":\"cron(0 3 * * ? *)\"}");
        prod(
                "moon DR region",
                "storefront:dr.region",
                "commercial partition",
                "storefront:dr",
                "{\"enabled\":true,\"region\":\"us-moon-1\"}");
        prod(
                "DR in the primary region",
                "storefront:dr.region",
                "must differ",
                "storefront:dr",
                "{\"enabled\":true,\"region\":\"us-west-2\"}",
                "aws:region",
                "us-west-2");
        prod("DR without a region", "storefront:dr.region", "is required when", "storefront:dr", "{\"enabled\":true}");
        prod(
                "DR VPC overlapping the primary",
                "storefront:dr.vpcCidr",
                "must not overlap the primary VPC",
                "storefront:dr",
                "{\"enabled\":true,\"region\":\"us-west-2\",\"vpcCidr\":\"10.0.0.0/16\"}");
        prod(
                "no copies kept",
                "storefront:dr.copyRetentionDays",
                "from 1 to 3650",
                "storefront:dr",
                "{\"enabled\":false,\"copyRetentionDays\":0}");
    }

    /** The dev or prod base the cases edit: valid, as the rollout tool would pass it. */
    private static Map<String, String> base(boolean prod) {
        return prod
                ? ConfigFixtures.with(ConfigFixtures.prodMinimal(), "aws:region", "us-east-2")
                : ConfigFixtures.minimal();
    }

    /** Applies edits; a section's JSON is merged into the base's, so other settings there stay. */
    static Map<String, String> apply(Map<String, String> base, List<String[]> edits) {
        Map<String, String> config = new LinkedHashMap<>(base);
        for (String[] edit : edits) {
            String existing = config.get(edit[0]);
            if (edit[1] == null) {
                config.remove(edit[0]);
            } else if (existing != null && existing.startsWith("{") && edit[1].startsWith("{")) {
                JsonObject merged = JsonParser.parseString(existing).getAsJsonObject();
                for (Map.Entry<String, JsonElement> e :
                        JsonParser.parseString(edit[1]).getAsJsonObject().entrySet()) {
                    merged.add(e.getKey(), e.getValue());
                }
                config.put(edit[0], merged.toString());
            } else {
                config.put(edit[0], edit[1]);
            }
        }
        return config;
    }

    @Test
    void thereAreAtLeastAHundredCases() {
        assertTrue(CASES.size() >= 100, CASES.size() + " cases");
        assertEquals(CASES.size(), CASES.stream().map(Case::name).distinct().count(), "case names are unique");
    }

    /** What the CLI writes for all-digit values (numbers), AWS's cron L, and other tools' keys are accepted. */
    @Test
    void valuesAwsAndTheCliAcceptAreAccepted() {
        StackSettings settings = ConfigFixtures.load(apply(
                base(false),
                List.of(
                        new String[] {"storefront:api", "{\"stageName\":2024}"},
                        new String[] {"storefront:allowedAccountIds", "[123456789012]"},
                        new String[] {
                            "storefront:database", "{\"engineVersion\":\"17.4\",\"instanceClass\":\"db.r7g.large\"}"
                        })));
        assertEquals("2024", settings.api().stageName());
        assertEquals(List.of("123456789012"), settings.account().allowedAccountIds());
        assertEquals(
                "cron(0 5 ? * L *)",
                ConfigFixtures.load(apply(base(true), List.<String[]>of(new String[] {
                            "storefront:dr", "{\"backupSchedule\":\"cron(0 5 ? * L *)\"}"
                        })))
                        .dr()
                        .backupSchedule());
        List<String> warnings = new ArrayList<>();
        Map<String, String> withOtherTool =
                apply(base(false), List.<String[]>of(new String[] {"datadog:apiKey", "abc"}));
        com.storefront.settings.SettingsLoader.load(
                key -> java.util.Optional.ofNullable(withOtherTool.get("storefront:" + key)),
                key -> java.util.Optional.ofNullable(withOtherTool.get("aws:" + key)),
                java.util.Optional.of(withOtherTool.keySet()),
                warnings::add);
        assertEquals(
                List.of("datadog:apiKey is ignored: nothing in this program reads the datadog namespace"), warnings);
    }

    @Test
    void theBasesAreValid() {
        ConfigFixtures.load(base(false));
        ConfigFixtures.load(base(true));
    }

    @TestFactory
    Stream<DynamicTest> eachMistakeIsRefusedAloneWithItsKeyAndWhatIsAllowed() {
        return CASES.stream()
                .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
                    Map<String, String> config = apply(base(c.prod()), c.edits());
                    List<ConfigProblems.Problem> problems = assertThrows(
                                    ConfigValidationException.class,
                                    () -> ConfigFixtures.load(config),
                                    c.name() + " was accepted")
                            .problems();
                    assertEquals(1, problems.size(), () -> c.name() + ": one problem expected, got " + problems);
                    ConfigProblems.Problem problem = problems.get(0);
                    assertEquals(c.key(), problem.key(), c.name());
                    assertTrue(problem.allowed().contains(c.allowed()), () -> c.name() + ": " + problem);
                }));
    }

    /** Many mistakes in one stack file: every one is reported in the same run, in a stable order. */
    @Test
    void manyMistakesAreReportedTogether() {
        List<Case> picked = CASES.stream()
                .filter(c -> !c.prod())
                .filter(c -> Set.of(
                                "moon region",
                                "four zones",
                                "16.5 was never released",
                                "cache.t4g.xlarge does not exist",
                                "master user 'admin'",
                                "odd CPU",
                                "min above max tasks",
                                "misspelled top-level key",
                                "aws:assumeRoles is never read",
                                "not an email",
                                "unknown price class")
                        .contains(c.name()))
                .toList();
        List<String[]> edits = new ArrayList<>();
        picked.forEach(c -> edits.addAll(c.edits()));
        edits.add(new String[] {"storefront:protet", "true"});
        Map<String, String> config = apply(base(false), edits);
        ConfigValidationException error =
                assertThrows(ConfigValidationException.class, () -> ConfigFixtures.load(config));
        Set<String> keys = error.problems().stream()
                .map(ConfigProblems.Problem::key)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = picked.stream().map(Case::key).collect(Collectors.toCollection(TreeSet::new));
        expected.add("storefront:protet");
        assertEquals(expected, keys, error.getMessage());
        assertEquals(
                error.getMessage(),
                assertThrows(ConfigValidationException.class, () -> ConfigFixtures.load(config))
                        .getMessage(),
                "the same order on every run");
    }

    /** The whole stack files with several faults each: nothing slips past because another key failed. */
    @Test
    void aBrokenProdFileListsEveryProblem() {
        Map<String, String> config = apply(
                base(true),
                List.of(
                        new String[] {"storefront:database", "{\"engineVersion\":16.1,\"masterUsername\":\"user\"}"},
                        new String[] {"storefront:cache", "{\"snapshotWindow\":\"02:00-02:30\"}"},
                        new String[] {
                            "storefront:dr",
                            "{\"enabled\":true,\"region\":\"us-moon-1\",\"backupSchedule\":\"cron(0 25 * * ? *)\"}"
                        },
                        new String[] {"aws:allowedAccountIds", "[\"123456789012\"]"},
                        new String[] {"storefront:databse", "{}"}));
        ConfigValidationException error =
                assertThrows(ConfigValidationException.class, () -> ConfigFixtures.load(config));
        Set<String> keys =
                error.problems().stream().map(ConfigProblems.Problem::key).collect(Collectors.toSet());
        assertEquals(
                Set.of(
                        "storefront:database.engineVersion",
                        "storefront:database.masterUsername",
                        "storefront:cache.snapshotWindow",
                        "storefront:dr.region",
                        "storefront:dr.backupSchedule",
                        "aws:allowedAccountIds",
                        "storefront:databse"),
                keys,
                error.getMessage());
    }

    /** Values are echoed as typed; keys that should not be there are named without a made-up value. */
    @Test
    void messagesShowWhatWasTyped() {
        ConfigProblems.Problem decimal = single(
                apply(base(false), List.<String[]>of(new String[] {"storefront:database", "{\"minAcu\":0.75}"})));
        assertEquals("'0.75'", decimal.value());
        ConfigProblems.Problem list = single(
                apply(base(false), List.<String[]>of(new String[] {"storefront:database", "{\"minAcu\":[0.5]}"})));
        assertEquals("'[0.5]'", list.value());
        ConfigProblems.Problem unknown =
                single(apply(base(false), List.<String[]>of(new String[] {"storefront:protet", "true"})));
        assertEquals("", unknown.value());
        assertEquals(
                "storefront:protet: is not a known setting; did you mean storefront:protect?",
                unknown.toString().substring(0, unknown.toString().indexOf('?') + 1));
    }

    private static ConfigProblems.Problem single(Map<String, String> config) {
        List<ConfigProblems.Problem> problems = assertThrows(
                        ConfigValidationException.class, () -> ConfigFixtures.load(config))
                .problems();
        assertEquals(1, problems.size(), problems::toString);
        return problems.get(0);
    }
}
