package com.storefront.plan;

import com.pulumi.test.Mocks;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mocks that answer like AWS would: ids with the real prefixes, ARNs in the provider's region and a
 * fixed account, and the invokes the program makes. An invoke the program calls that is not mocked
 * here fails the run, so new lookups are noticed.
 */
public final class PlanMocks implements Mocks {

    public static final String ACCOUNT_ID = "123456789012";
    private static final String PROVIDER_TYPE = "pulumi:providers:aws";

    /** Regional Elastic Load Balancing accounts that deliver ALB access logs (AWS documentation). */
    static final Map<String, String> ELB_ACCOUNTS = Map.of(
            "us-east-1",
            "127311923021",
            "us-east-2",
            "033677994240",
            "us-west-1",
            "027434742980",
            "us-west-2",
            "797873946194");
    /** The CloudFront origin-facing managed prefix list ids per region. */
    static final Map<String, String> CLOUDFRONT_PREFIX_LISTS = Map.of(
            "us-east-1",
            "pl-3b927c52",
            "us-east-2",
            "pl-b6a144df",
            "us-west-1",
            "pl-4ea04527",
            "us-west-2",
            "pl-82a045eb");

    private final Map<String, String> providerRegions = new ConcurrentHashMap<>();
    /** What each ECS service runs once steady, by service name: the revision it was last given. */
    private final Map<String, String> runningTaskDefinitions = new ConcurrentHashMap<>();
    /** Services whose deployment the circuit breaker rolled back, with the revision ECS returned to. */
    private final Map<String, String> rolledBack = new ConcurrentHashMap<>();
    /** By type and name: the identity each resource's mock id and attributes are derived from. */
    private final Map<String, String> formerNames = new ConcurrentHashMap<>();
    /** By URN: the identities this run used, and those a compared base run used. */
    private final Map<String, String> identities = new ConcurrentHashMap<>();

    private final Map<String, String> inherited = new ConcurrentHashMap<>();

    /**
     * An AWS in which ECS rolls the next release of a service back to {@code previousRevision}, as
     * the deployment circuit breaker does when the new tasks never become healthy.
     */
    public PlanMocks rollingBack(String serviceName, String previousRevision) {
        rolledBack.put(serviceName, previousRevision);
        return this;
    }

    /**
     * The mocks for the other side of a comparison with {@code base}: a resource keeps the identity (the name
     * its mock id and attributes come from) it had in the base run, matched by URN or by an alias, as a
     * real engine keeps a resource's cloud id. Without this, renaming a child (or later dropping its alias)
     * would change every mock id derived from it, and the change impact would show false replacements.
     */
    public PlanMocks continuing() {
        PlanMocks next = new PlanMocks();
        next.inherited.putAll(identities);
        return next;
    }

    /**
     * Decides the identity of a resource being registered: what the base run used for its URN or one of
     * its aliases, else the name it had before (its first alias that names one), else its name.
     */
    void register(String urn, List<String> aliasUrns, String type, String name, Optional<String> formerName) {
        String identity = Optional.ofNullable(inherited.get(urn))
                .or(() -> aliasUrns.stream()
                        .map(inherited::get)
                        .filter(java.util.Objects::nonNull)
                        .findFirst())
                .or(() -> formerName)
                .orElse(name);
        identities.put(urn, identity);
        formerNames.put(type + "::" + name, identity);
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Map<String, Object> state = new LinkedHashMap<>(args.inputs);
        if (PROVIDER_TYPE.equals(args.type)) {
            providerRegions.put(args.name, String.valueOf(args.inputs.get("region")));
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of("provider-" + args.name), state));
        }
        if (!args.type.startsWith("aws:")) {
            // Component resources: the engine registers them too, with no cloud state.
            return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(args.name), state));
        }
        String region = regionOf(args.provider);
        String identity = formerNames.getOrDefault(args.type + "::" + args.name, args.name);
        String id = MockIds.id(args.type, identity, region, args.inputs);
        if ("aws:ecs/service:Service".equals(args.type)) {
            String name = String.valueOf(args.inputs.get("name"));
            runningTaskDefinitions.put(
                    name, rolledBack.getOrDefault(name, String.valueOf(args.inputs.get("taskDefinition"))));
        }
        state.putAll(MockIds.attributes(args.type, identity, id, region, ACCOUNT_ID, args.inputs));
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(id), state));
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        String region = regionOf(args.provider);
        Map<String, Object> result = new HashMap<>();
        switch (args.token) {
            case "aws:index/getAvailabilityZones:getAvailabilityZones" -> {
                List<String> suffixes = List.of("a", "b", "c", "d");
                result.put("names", suffixes.stream().map(s -> region + s).toList());
                result.put(
                        "zoneIds",
                        suffixes.stream()
                                .map(s -> zoneIdPrefix(region) + "-az" + (s.charAt(0) - 'a' + 1))
                                .toList());
                result.put("id", region);
            }
            case "aws:index/getCallerIdentity:getCallerIdentity" -> {
                result.put("accountId", ACCOUNT_ID);
                result.put("arn", "arn:aws:iam::" + ACCOUNT_ID + ":user/ci");
                result.put("userId", "AIDAEXAMPLE");
                result.put("id", ACCOUNT_ID);
            }
            case "aws:index/getPartition:getPartition" -> {
                result.put("partition", "aws");
                result.put("dnsSuffix", "amazonaws.com");
                result.put("reverseDnsPrefix", "com.amazonaws");
                result.put("id", "aws");
            }
            case "aws:index/getRegion:getRegion" -> {
                result.put("name", region);
                result.put("id", region);
                result.put("endpoint", "ec2." + region + ".amazonaws.com");
            }
            case "aws:elb/getServiceAccount:getServiceAccount" -> {
                String account = ELB_ACCOUNTS.get(region);
                result.put("id", account);
                result.put("arn", "arn:aws:iam::" + account + ":root");
            }
            case "aws:ec2/getManagedPrefixList:getManagedPrefixList" -> {
                if (!"com.amazonaws.global.cloudfront.origin-facing".equals(args.args.get("name"))) {
                    throw new UnsupportedOperationException("prefix list not mocked: " + args.args);
                }
                result.put("id", CLOUDFRONT_PREFIX_LISTS.get(region));
                result.put("name", args.args.get("name"));
                result.put("maxEntries", 55);
                result.put("addressFamily", "IPv4");
            }
            case "aws:ecs/getService:getService" -> {
                String name = String.valueOf(args.args.get("serviceName"));
                String running = runningTaskDefinitions.get(name);
                if (running == null) {
                    throw new IllegalStateException("ServiceNotFoundException: service " + name + " not found");
                }
                result.put("serviceName", name);
                result.put("clusterArn", args.args.get("clusterArn"));
                result.put("arn", "arn:aws:ecs:" + region + ":" + ACCOUNT_ID + ":service/" + name);
                result.put("taskDefinition", running);
                result.put("launchType", "");
                result.put("schedulingStrategy", "REPLICA");
                result.put("desiredCount", 2);
                result.put("availabilityZoneRebalancing", "ENABLED");
                result.put("tags", Map.of());
                result.put("id", result.get("arn"));
            }
            default ->
                throw new UnsupportedOperationException(
                        "invoke not mocked: " + args.token + " (add a realistic answer to PlanMocks)");
        }
        return CompletableFuture.completedFuture(result);
    }

    /** The region of the provider a resource or invoke used; the reference ends in "::<name>::<id>". */
    private String regionOf(String providerRef) {
        if (providerRef == null || providerRef.isEmpty()) {
            throw new IllegalStateException("registered through the default provider; every AWS resource "
                    + "and invoke must use one of the program's explicit providers");
        }
        String withoutId = providerRef.substring(0, providerRef.lastIndexOf("::"));
        String name = withoutId.substring(withoutId.lastIndexOf("::") + 2);
        String region = providerRegions.get(name);
        if (region == null) {
            throw new IllegalStateException("unknown provider " + providerRef);
        }
        return region;
    }

    /** AWS's zone-id prefix of a region: us-east-1 -> use1, ap-northeast-1 -> apne1, eu-central-1 -> euc1. */
    static String zoneIdPrefix(String region) {
        String[] parts = region.split("-");
        String direction = switch (parts[1]) {
            case "northeast" -> "ne";
            case "southeast" -> "se";
            case "northwest" -> "nw";
            case "southwest" -> "sw";
            default -> parts[1].substring(0, 1);
        };
        return parts[0] + direction + parts[2];
    }
}
