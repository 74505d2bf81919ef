package com.storefront.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The estimated idle monthly cost of a planned stack, by line item, from the registered resources
 * and the price table. Sizes the table does not know are reported, not guessed.
 */
public final class CostModel {

    /** One line of the estimate. */
    public record LineItem(
            String item, double quantity, String unit, double unitMonthly, double monthly, String notes) {}

    /** The estimate. */
    public record Estimate(
            List<LineItem> lineItems,
            List<String> unknown,
            List<String> usageBased,
            double totalMonthly,
            PriceTable prices) {}

    private final PlanRun run;
    private final PriceTable prices;
    private final List<LineItem> items = new ArrayList<>();
    private final List<String> unknown = new ArrayList<>();

    private CostModel(PlanRun run, PriceTable prices) {
        this.run = run;
        this.prices = prices;
    }

    public static Estimate estimate(PlanRun run, PriceTable prices) {
        CostModel model = new CostModel(run, prices);
        model.network();
        model.loadBalancer();
        model.fargate();
        model.aurora();
        model.elastiCache();
        model.perUnit(
                "WAF web ACLs", model.count("aws:wafv2/webAcl:WebAcl"), "web ACL", prices.price("wafWebAclMonth"), "");
        model.perUnit("WAF rules", wafRules(run), "rule", prices.price("wafRuleMonth"), "");
        model.perUnit("KMS keys", model.count("aws:kms/key:Key"), "key", prices.price("kmsKeyMonth"), "");
        model.perUnit(
                "Secrets Manager secrets",
                secrets(run),
                "secret",
                prices.price("secretMonth"),
                "includes the RDS-managed master secret");
        model.perUnit(
                "CloudWatch alarm metrics",
                alarmMetrics(run),
                "metric",
                prices.price("alarmMetricMonth"),
                "metric-math alarms count each metric");
        model.perUnit(
                "CloudWatch dashboards",
                model.count("aws:cloudwatch/dashboard:Dashboard"),
                "dashboard",
                prices.price("dashboardMonth"),
                "");
        double total = model.items.stream().mapToDouble(LineItem::monthly).sum();
        return new Estimate(
                List.copyOf(model.items), List.copyOf(model.unknown), prices.usageBased(), round(total), prices);
    }

    private long count(String type) {
        return run.ofType(type).size();
    }

    private void perUnit(String item, double quantity, String unit, double unitMonthly, String notes) {
        if (quantity > 0) {
            items.add(new LineItem(item, quantity, unit, round(unitMonthly), round(quantity * unitMonthly), notes));
        }
    }

    private void network() {
        long nats = count("aws:ec2/natGateway:NatGateway");
        perUnit("NAT gateways", nats, "gateway", prices.monthly(prices.price("natGatewayHour")), "plus data processed");
        perUnit(
                "Public IPv4 addresses (NAT EIPs)",
                count("aws:ec2/eip:Eip"),
                "address",
                prices.monthly(prices.price("publicIpv4Hour")),
                "");
        double endpointAzs = run.ofType("aws:ec2/vpcEndpoint:VpcEndpoint").stream()
                .filter(e -> "Interface".equals(e.inputs().get("vpcEndpointType")))
                .mapToDouble(
                        e -> e.input("subnetIds").map(s -> ((List<?>) s).size()).orElse(0))
                .sum();
        perUnit(
                "Interface endpoint AZs",
                endpointAzs,
                "endpoint-AZ",
                prices.monthly(prices.price("interfaceEndpointAzHour")),
                "ECR api/dkr, Logs, Secrets Manager");
    }

    private void loadBalancer() {
        for (Registered alb : run.ofType("aws:lb/loadBalancer:LoadBalancer")) {
            perUnit("Application Load Balancer", 1, "ALB", prices.monthly(prices.price("albHour")), "plus LCUs");
            // An internal ALB's nodes have private addresses only.
            if (Boolean.TRUE.equals(alb.input("internal").orElse(false))) {
                continue;
            }
            int azs = alb.input("subnets").map(s -> ((List<?>) s).size()).orElse(0);
            perUnit(
                    "Public IPv4 addresses (ALB)",
                    azs,
                    "address",
                    prices.monthly(prices.price("publicIpv4Hour")),
                    "one per AZ");
        }
    }

    /** Minimum tasks, split over on-demand and Spot the way ECS applies base and weights. */
    private void fargate() {
        for (Registered service : run.ofType("aws:ecs/service:Service")) {
            Registered task =
                    run.ofType("aws:ecs/taskDefinition:TaskDefinition").get(0);
            double cpu = Double.parseDouble(task.string("cpu")) / 1024;
            double memory = Double.parseDouble(task.string("memory")) / 1024;
            double perTask =
                    prices.monthly(cpu * prices.price("fargateVcpuHour") + memory * prices.price("fargateGbHour"));
            double tasks = service.number("desiredCount");
            double base = 0;
            double onDemandWeight = 0;
            double spotWeight = 0;
            for (Object entry : service.input("capacityProviderStrategies")
                    .map(l -> (List<?>) l)
                    .orElse(List.of())) {
                Map<?, ?> strategy = (Map<?, ?>) entry;
                double weight = number(strategy.get("weight"));
                if ("FARGATE_SPOT".equals(strategy.get("capacityProvider"))) {
                    spotWeight += weight;
                } else {
                    onDemandWeight += weight;
                    base += number(strategy.get("base"));
                }
            }
            double onDemand = Math.min(tasks, base);
            double rest = tasks - onDemand;
            double weights = onDemandWeight + spotWeight;
            if (weights > 0) {
                onDemand += rest * onDemandWeight / weights;
            }
            double spot = tasks - onDemand;
            String size = task.string("cpu") + " CPU / " + task.string("memory") + " MiB";
            perUnit("Fargate tasks, on-demand (" + size + ")", round(onDemand), "task", perTask, "minimum task count");
            perUnit(
                    "Fargate tasks, Spot (" + size + ")",
                    round(spot),
                    "task",
                    perTask * (1 - prices.price("fargateSpotDiscount")),
                    "Spot prices vary; typical discount");
        }
    }

    private void aurora() {
        for (Registered cluster : run.ofType("aws:rds/cluster:Cluster")) {
            List<Registered> instances = run.ofType("aws:rds/clusterInstance:ClusterInstance");
            Optional<Object> scaling = cluster.input("serverlessv2ScalingConfiguration");
            if (scaling.isPresent()) {
                double minAcu = ((Number) ((Map<?, ?>) scaling.get()).get("minCapacity")).doubleValue();
                String notes = minAcu == 0
                        ? "auto-pause: no compute charge while paused (storage still billed)"
                        : "minimum ACUs per instance";
                items.add(new LineItem(
                        "Aurora Serverless v2 (" + instances.size() + " instance(s) x " + minAcu + " ACU)",
                        instances.size() * minAcu,
                        "ACU",
                        round(prices.monthly(prices.price("auroraServerlessAcuHour"))),
                        round(instances.size() * minAcu * prices.monthly(prices.price("auroraServerlessAcuHour"))),
                        notes));
                continue;
            }
            Map<String, List<String>> bySize = new TreeMap<>();
            instances.forEach(i -> bySize.computeIfAbsent(i.string("instanceClass"), k -> new ArrayList<>())
                    .add(i.name()));
            bySize.forEach((size, names) -> prices.price("auroraInstanceHour", size)
                    .ifPresentOrElse(
                            hourly -> perUnit(
                                    "Aurora instances " + size,
                                    names.size(),
                                    "instance",
                                    prices.monthly(hourly),
                                    "writer and readers"),
                            () -> unknown.add(
                                    "Aurora instance class " + size + " (" + String.join(", ", names) + ")")));
        }
    }

    private void elastiCache() {
        for (Registered group : run.ofType("aws:elasticache/replicationGroup:ReplicationGroup")) {
            String size = group.string("nodeType");
            double nodes = group.number("numNodeGroups") * (group.number("replicasPerNodeGroup") + 1);
            prices.price("elasticacheNodeHour", size)
                    .ifPresentOrElse(
                            hourly -> perUnit(
                                    "ElastiCache nodes " + size,
                                    nodes,
                                    "node",
                                    prices.monthly(hourly),
                                    "shards x (primary + replicas)"),
                            () -> unknown.add("ElastiCache node type " + size + " (" + (long) nodes + " nodes)"));
        }
    }

    private static long wafRules(PlanRun run) {
        return run.ofType("aws:wafv2/webAcl:WebAcl").stream()
                .mapToLong(
                        acl -> acl.input("rules").map(r -> ((List<?>) r).size()).orElse(0))
                .sum();
    }

    private static long secrets(PlanRun run) {
        long managedBySecretsManager =
                run.ofType("aws:secretsmanager/secret:Secret").size();
        long managedByRds = run.ofType("aws:rds/cluster:Cluster").stream()
                .filter(c -> Boolean.TRUE.equals(c.inputs().get("manageMasterUserPassword")))
                .count();
        return managedBySecretsManager + managedByRds;
    }

    private static long alarmMetrics(PlanRun run) {
        return run.ofType("aws:cloudwatch/metricAlarm:MetricAlarm").stream()
                .mapToLong(alarm -> alarm.input("metricQueries")
                        .map(q -> ((List<?>) q)
                                .stream()
                                        .filter(query -> ((Map<?, ?>) query).containsKey("metric"))
                                        .count())
                        .orElse(1L))
                .sum();
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
