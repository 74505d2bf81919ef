package com.storefront.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The planned resources grouped by component, with counts by type and each resource's key settings. */
public final class Inventory {

    /** One AWS resource and the settings worth reviewing. */
    public record Item(String type, String name, String region, Map<String, Object> settings) {}

    /** A component and what it registers. */
    public record Component(
            String type, String name, Set<String> regions, Map<String, Long> countsByType, List<Item> resources) {

        public int resourceCount() {
            return resources.size();
        }
    }

    /** Inputs shown per resource type (never a secret: those are masked). */
    static final Map<String, List<String>> KEY_SETTINGS = Map.ofEntries(
            Map.entry("aws:ec2/vpc:Vpc", List.of("cidrBlock")),
            Map.entry("aws:ec2/subnet:Subnet", List.of("cidrBlock", "availabilityZone")),
            Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", List.of("serviceName", "vpcEndpointType")),
            Map.entry(
                    "aws:rds/cluster:Cluster",
                    List.of(
                            "engine",
                            "engineVersion",
                            "serverlessv2ScalingConfiguration",
                            "backupRetentionPeriod",
                            "deletionProtection")),
            Map.entry("aws:rds/clusterInstance:ClusterInstance", List.of("instanceClass", "availabilityZone")),
            Map.entry(
                    "aws:elasticache/replicationGroup:ReplicationGroup",
                    List.of("engine", "engineVersion", "nodeType", "numNodeGroups", "replicasPerNodeGroup")),
            Map.entry("aws:ecs/taskDefinition:TaskDefinition", List.of("cpu", "memory")),
            Map.entry(
                    "aws:ecs/service:Service",
                    List.of("desiredCount", "capacityProviderStrategies", "deploymentController")),
            Map.entry("aws:appautoscaling/target:Target", List.of("minCapacity", "maxCapacity")),
            Map.entry("aws:lb/loadBalancer:LoadBalancer", List.of("name", "internal")),
            Map.entry("aws:lb/listener:Listener", List.of("port", "protocol")),
            Map.entry("aws:cloudfront/distribution:Distribution", List.of("priceClass", "httpVersion")),
            Map.entry("aws:wafv2/webAcl:WebAcl", List.of("name", "scope")),
            Map.entry("aws:s3/bucketV2:BucketV2", List.of("bucket")),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", List.of("name", "retentionInDays")),
            Map.entry("aws:cloudwatch/metricAlarm:MetricAlarm", List.of("name", "metricName", "threshold")),
            Map.entry("aws:kms/key:Key", List.of("deletionWindowInDays")),
            Map.entry("aws:backup/plan:Plan", List.of("name")),
            Map.entry("aws:ec2/vpcPeeringConnection:VpcPeeringConnection", List.of("peerRegion")));

    private Inventory() {}

    public static List<Component> of(PlanRun run) {
        Map<String, List<Registered>> byComponent = new TreeMap<>();
        Map<String, Registered> components = new TreeMap<>();
        for (Registered r : run.where(r -> r.custom() && r.isAws())) {
            Registered component = run.componentOf(r);
            String key = component == null ? "(none)" : component.urn();
            byComponent.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            if (component != null) {
                components.put(key, component);
            }
        }
        List<Component> result = new ArrayList<>();
        byComponent.forEach((urn, resources) -> {
            Registered component = components.get(urn);
            Map<String, Long> counts = new TreeMap<>();
            Set<String> regions = new TreeSet<>();
            List<Item> items = new ArrayList<>();
            for (Registered r : resources) {
                counts.merge(r.type(), 1L, Long::sum);
                String region = run.regionOf(r);
                regions.add(region);
                items.add(new Item(r.type(), r.name(), region, settings(r)));
            }
            items.sort(Comparator.comparing(Item::type).thenComparing(Item::name));
            result.add(new Component(
                    component == null ? "(none)" : component.type(),
                    component == null ? "(none)" : component.name(),
                    regions,
                    counts,
                    List.copyOf(items)));
        });
        result.sort(Comparator.comparing(Component::type).thenComparing(Component::name));
        return List.copyOf(result);
    }

    static Map<String, Object> settings(Registered r) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String key : KEY_SETTINGS.getOrDefault(r.type(), List.of())) {
            if (r.secretInputs().contains(key)) {
                settings.put(key, "[secret]");
            } else {
                r.input(key).ifPresent(value -> settings.put(key, value));
            }
        }
        return settings;
    }
}
