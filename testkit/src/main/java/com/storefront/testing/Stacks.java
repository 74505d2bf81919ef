package com.storefront.testing;

import com.storefront.plan.StackConfig;

import java.util.Map;

/** The configurations the suite runs; each is run once and shared by every test class. */
public final class Stacks {

    public static final String DEV_FILE = "Pulumi.dev.yaml";
    public static final String PROD_FILE = "Pulumi.prod.yaml";

    /** An image in the account's own ECR, as a stack without NAT must use. */
    public static final String PRIVATE_IMAGE = "123456789012.dkr.ecr.us-west-2.amazonaws.com/storefront-api-dev:1.0.0";

    private Stacks() {}

    public static StackRun dev() {
        return StackRun.ofStackFile(DEV_FILE);
    }

    public static StackRun prod() {
        return StackRun.ofStackFile(PROD_FILE);
    }

    /** Dev with the longest suffix allowed: proves every derived name fits its AWS limit. */
    public static StackRun devLongestSuffix() {
        return StackRun.ofStackFile(DEV_FILE, Map.of("storefront:environmentSuffix", "abcdefghij12"));
    }

    /** An image the team pushed to the stack's ECR, with an uppercase tag (valid in Docker's grammar). */
    public static final String RELEASED_IMAGE =
            "123456789012.dkr.ecr.us-west-2.amazonaws.com/storefront-api-dev:Release-2.0.1";

    /** Dev after the team's first release (the image recorded in the stack file). */
    public static StackRun devReleased() {
        return StackRun.of(StackRun.stackFile(DEV_FILE).withPath("storefront:service", "image", RELEASED_IMAGE));
    }

    /** Prod after a blue/green release: CodeDeploy left green serving production. */
    public static StackRun prodGreenLive() {
        return StackRun.of(StackRun.stackFile(PROD_FILE).withPath("storefront:deployment", "liveTargetGroup", "green"));
    }

    /** Prod with green live, and HTTPS switched on with a domain. */
    public static StackRun prodWithDomainGreenLive() {
        return StackRun.of(StackRun.stackFile(PROD_FILE)
                .withPath("storefront:deployment", "liveTargetGroup", "green")
                .withPath("storefront:tls", "domainName", "origin.shop.example.com")
                .withPath("storefront:tls", "hostedZoneId", "Z0123456789ABCDEFGHIJ"));
    }

    /** Dev without NAT (interface endpoints instead). */
    public static StackRun devWithoutNat() {
        return StackRun.ofStackFile(
                DEV_FILE,
                Map.of(
                        "storefront:network",
                        "{\"azCount\":2,\"natStrategy\":\"none\",\"interfaceEndpoints\":true}",
                        "storefront:service",
                        "{\"image\":\"" + PRIVATE_IMAGE + "\"}"));
    }

    /** Dev with a provisioned Aurora instance class instead of Serverless v2, and Valkey. */
    public static StackRun devProvisionedValkey() {
        return StackRun.ofStackFile(
                DEV_FILE,
                Map.of(
                        "storefront:database",
                                "{\"engineVersion\":\"16.6\",\"instanceClass\":\"db.t4g.medium\",\"readers\":2}",
                        "storefront:cache",
                                "{\"engine\":\"valkey\",\"engineVersion\":\"8.0\",\"shards\":3,\"replicasPerShard\":2}"));
    }

    /** Prod with a domain and hosted zone: a DNS-validated certificate and HTTPS on the ALB. */
    public static StackRun prodWithDomain() {
        return StackRun.ofStackFile(
                PROD_FILE,
                Map.of(
                        "storefront:tls",
                        "{\"domainName\":\"origin.shop.example.com\",\"hostedZoneId\":\"Z0123456789ABCDEFGHIJ\"}"));
    }

    /** Dev with an existing certificate: HTTPS with rolling deployments, autoscaling extras switched on. */
    public static StackRun devWithCertificate() {
        return StackRun.ofStackFile(
                DEV_FILE,
                Map.of(
                        "storefront:tls",
                        "{\"domainName\":\"origin.dev.example.com\","
                                + "\"certificateArn\":\"arn:aws:acm:us-west-2:123456789012:certificate/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f\"}",
                        "storefront:scaling",
                        "{\"minTasks\":1,\"maxTasks\":4,\"requestsPerTarget\":500,"
                                + "\"dbConnectionsPerTask\":20,\"stepScaling\":true}"));
    }

    /** Dev with a custom viewer domain (certificate issued in us-east-1), OAI instead of OAC, and the API on. */
    public static StackRun devCustomDomainOai() {
        return StackRun.ofStackFile(
                DEV_FILE,
                Map.of(
                        "storefront:edge",
                        "{\"domainName\":\"shop.example.com\",\"hostedZoneId\":\"Z0123456789ABCDEFGHIJ\","
                                + "\"originAccess\":\"oai\"}",
                        "storefront:api",
                        "{\"enabled\":true,\"cloudWatchRoleArn\":\"arn:aws:iam::123456789012:role/api-gateway-logs\"}"));
    }

    /** Dev without the cache (CACHE-1 optional): no ElastiCache, no Redis wiring. */
    public static StackRun devWithoutCache() {
        return StackRun.ofStackFile(DEV_FILE, Map.of("storefront:cache", "{\"enabled\":false}"));
    }

    /**
     * A whole stack from a config the tests own, not a committed stack file: only what a new user must set
     * (region, suffix, owner, the two secrets), so every other value is the documented dev default.
     */
    public static StackRun ownedDevDefaults() {
        return StackRun.of(new StackConfig(ComponentRun.MINIMAL, java.util.Set.of(), java.util.Set.of()));
    }

    /**
     * {@link #ownedDevDefaults} as a prod stack: every value is the documented prod default, plus the three a
     * prod stack must be told (the DR region, who owns the API Gateway logging role, and, as the rollout tool
     * passes it, the live target group).
     */
    public static StackRun ownedProdDefaults() {
        Map<String, String> config = new java.util.TreeMap<>(ComponentRun.MINIMAL);
        config.put("storefront:environment", "prod");
        config.put("storefront:environmentSuffix", "t2");
        config.put("storefront:dr", "{\"region\":\"us-east-1\"}");
        config.put("storefront:api", "{\"manageAccountLogging\":true}");
        config.put("storefront:deployment", "{\"liveTargetGroup\":\"blue\"}");
        return StackRun.of(new StackConfig(config, java.util.Set.of(), java.util.Set.of()));
    }

    /** Every configuration above, for tests that must hold for all of them. */
    public static Map<String, StackRun> all() {
        return Map.ofEntries(
                Map.entry("dev", dev()),
                Map.entry("prod", prod()),
                Map.entry("dev-longest-suffix", devLongestSuffix()),
                Map.entry("dev-without-nat", devWithoutNat()),
                Map.entry("dev-provisioned-valkey", devProvisionedValkey()),
                Map.entry("prod-with-domain", prodWithDomain()),
                Map.entry("dev-with-certificate", devWithCertificate()),
                Map.entry("dev-custom-domain-oai", devCustomDomainOai()),
                Map.entry("dev-released", devReleased()),
                Map.entry("prod-green-live", prodGreenLive()),
                Map.entry("prod-with-domain-green-live", prodWithDomainGreenLive()),
                Map.entry("dev-without-cache", devWithoutCache()),
                Map.entry("owned-dev-defaults", ownedDevDefaults()),
                Map.entry("owned-prod-defaults", ownedProdDefaults()));
    }
}
