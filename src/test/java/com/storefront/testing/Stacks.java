package com.storefront.testing;

import java.util.Map;

/** The configurations the suite runs; each is run once and shared by every test class. */
public final class Stacks {

    public static final String DEV_FILE = "Pulumi.dev.yaml";
    public static final String PROD_FILE = "Pulumi.prod.yaml";

    private Stacks() {
    }

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

    /** Dev without NAT (interface endpoints instead). */
    public static StackRun devWithoutNat() {
        return StackRun.ofStackFile(DEV_FILE, Map.of("storefront:network",
                "{\"azCount\":2,\"natStrategy\":\"none\",\"interfaceEndpoints\":true}"));
    }

    /** Dev with a provisioned Aurora instance class instead of Serverless v2, and Valkey. */
    public static StackRun devProvisionedValkey() {
        return StackRun.ofStackFile(DEV_FILE, Map.of(
                "storefront:database", "{\"engineVersion\":\"16.6\",\"instanceClass\":\"db.t4g.medium\",\"readers\":2}",
                "storefront:cache", "{\"engine\":\"valkey\",\"engineVersion\":\"8.0\",\"shards\":3,\"replicasPerShard\":2}"));
    }

    /** Every configuration above, for tests that must hold for all of them. */
    public static Map<String, StackRun> all() {
        return Map.of("dev", dev(), "prod", prod(), "dev-longest-suffix", devLongestSuffix(),
                "dev-without-nat", devWithoutNat(), "dev-provisioned-valkey", devProvisionedValkey());
    }
}
