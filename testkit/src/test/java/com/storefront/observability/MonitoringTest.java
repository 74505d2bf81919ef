package com.storefront.observability;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicSubscription;
import com.storefront.plan.Json;
import com.storefront.plan.Registered;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OBS-1, OBS-2: every alarm watches this stack's resources and pages the encrypted topic. */
class MonitoringTest {

    private static final String ALARM = Types.of(MetricAlarm.class);

    private static Registered alarm(StackRun run, String name) {
        return run.one(ALARM, name);
    }

    /** The ALB's ARN suffix as the service tier's rollback alarm uses it (asserted in ScalingAndDeploymentTest). */
    private static String albSuffix(StackRun run) {
        return alarm(run, "api-5xx-alarm").string("dimensions.LoadBalancer");
    }

    @Test
    void alarmTopicIsEncryptedWithTheCmkAndMailsTheConfiguredAddresses() {
        StackRun run = Stacks.prod();
        Registered topic = run.one(Types.of(Topic.class), "alerts-alarm-topic");
        assertEquals(
                run.output("kmsKeyArn"), topic.string("kmsMasterKeyId"), "the AWS-managed SNS key cannot take alarms");
        assertEquals("storefront-alarms-prod", topic.string("name"));
        Registered subscription = run.one(Types.of(TopicSubscription.class), "alerts-alarm-email-1");
        assertEquals("email", subscription.string("protocol"));
        assertEquals("storefront-oncall@example.com", subscription.string("endpoint"));
        assertEquals(run.output("snsTopicArn"), subscription.string("topic"));
        assertTrue(Stacks.dev().ofType(Types.of(TopicSubscription.class)).isEmpty());
    }

    @Test
    void everyAlarmPagesTheTopicOnAlarmAndOk() {
        for (StackRun run : List.of(Stacks.dev(), Stacks.prod())) {
            String topic = String.valueOf(run.output("snsTopicArn"));
            for (Registered alarm : run.ofType(ALARM)) {
                if (alarm.name().startsWith("api-scale-step")) {
                    continue; // step-scaling triggers call the scaling policy, not people
                }
                assertEquals(List.of(topic), alarm.list("alarmActions"), alarm.toString());
                assertEquals(List.of(topic), alarm.list("okActions"), alarm.toString());
                // Only the backup-staleness alarm treats silence as the problem it reports.
                assertTrue(
                        Set.of("notBreaching", "missing").contains(alarm.string("treatMissingData"))
                                || alarm.name().equals("dr-alarm-no-aurora-backup"),
                        alarm.toString());
                assertFalse(alarm.string("alarmDescription").isBlank());
            }
        }
    }

    @Test
    void ecsCpuWatchesThisService() {
        Registered cpu = alarm(Stacks.prod(), "monitoring-alarm-ecs-cpu");
        assertEquals("AWS/ECS", cpu.string("namespace"));
        assertEquals("CPUUtilization", cpu.string("metricName"));
        assertEquals(
                Map.of(
                        "ClusterName",
                        Stacks.prod().output("ecsClusterName"),
                        "ServiceName",
                        Stacks.prod().output("ecsServiceName")),
                cpu.map("dimensions"));
        assertEquals("Average", cpu.string("statistic"));
        assertEquals(85.0, cpu.number("threshold"));
        assertEquals(3.0, cpu.number("evaluationPeriods"));
        assertEquals(60.0, cpu.number("period"));
    }

    @Test
    void albAlarmsUseTheArnSuffix() {
        StackRun run = Stacks.prod();
        String suffix = albSuffix(run);
        assertTrue(suffix.matches("app/storefront-alb-prod/[0-9a-f]{16}"), suffix);
        Registered elb = alarm(run, "monitoring-alarm-elb-5xx");
        assertEquals("HTTPCode_ELB_5XX_Count", elb.string("metricName"));
        assertEquals(Map.of("LoadBalancer", suffix), elb.map("dimensions"));
        assertEquals("Sum", elb.string("statistic"));

        Registered latency = alarm(run, "monitoring-alarm-latency-p95");
        assertEquals("TargetResponseTime", latency.string("metricName"));
        assertEquals("p95", latency.string("extendedStatistic"));
        assertTrue(latency.input("statistic").isEmpty(), "a percentile goes in extendedStatistic only");
        assertEquals(1.0, latency.number("threshold"));
    }

    @Test
    void theTarget5xxAlarmIsTheServiceTiersRollbackAlarmAndPagesToo() {
        StackRun run = Stacks.prod();
        Registered rollback = alarm(run, "api-5xx-alarm");
        assertEquals(List.of(run.output("snsTopicArn")), rollback.list("alarmActions"));
        assertEquals(
                1,
                run.where(r -> r.type().equals(ALARM)
                                && "HTTPCode_Target_5XX_Count"
                                        .equals(r.input("metricName").orElse(null)))
                        .size(),
                "one source of truth for target 5XX");
        assertTrue(((List<?>) run.output("alarmNames")).contains("storefront-api-target-5xx-prod"));
    }

    @Test
    void unhealthyHostsPerTargetGroup() {
        StackRun run = Stacks.prod();
        for (String color : List.of("blue", "green")) {
            Registered alarm = alarm(run, "monitoring-alarm-unhealthy-" + color);
            assertEquals("UnHealthyHostCount", alarm.string("metricName"));
            String tg = run.one(Types.of(TargetGroup.class), "load-balancer-tg-" + color)
                    .string("name");
            assertTrue(alarm.string("dimensions.TargetGroup").matches("targetgroup/" + tg + "/[0-9a-f]{16}"));
            assertEquals(albSuffix(run), alarm.string("dimensions.LoadBalancer"));
            assertEquals("Maximum", alarm.string("statistic"));
            assertEquals("notBreaching", alarm.string("treatMissingData"), "an idle target group has no data");
        }
        assertTrue(Stacks.dev()
                .where(r -> r.type().equals(ALARM) && r.name().equals("monitoring-alarm-unhealthy-green"))
                .isEmpty());
    }

    @Test
    void auroraConnectionsAndAcu() {
        StackRun run = Stacks.prod();
        Registered connections = alarm(run, "monitoring-alarm-db-connections");
        assertEquals("AWS/RDS", connections.string("namespace"));
        assertEquals(Map.of("DBClusterIdentifier", "storefront-aurora-prod"), connections.map("dimensions"));
        assertEquals(150.0, connections.number("threshold"));
        assertEquals("notBreaching", connections.string("treatMissingData"), "a paused cluster reports nothing");
        Registered acu = alarm(run, "monitoring-alarm-db-acu");
        assertEquals("ACUUtilization", acu.string("metricName"));
        assertEquals(90.0, acu.number("threshold"));
        assertTrue(
                Stacks.devProvisionedValkey()
                        .where(r -> r.name().equals("monitoring-alarm-db-acu"))
                        .isEmpty(),
                "provisioned instances have no ACUs");
    }

    @Test
    @SuppressWarnings("unchecked")
    void redisAlarmsTakeTheHighestNodeOfTheCluster() {
        StackRun run = Stacks.prod();
        for (String what : List.of("memory", "cpu")) {
            Registered alarm = alarm(run, "monitoring-alarm-redis-" + what);
            List<Map<String, Object>> queries = (List<Map<String, Object>>) (List<?>) alarm.list("metricQueries");
            List<String> nodes = new ArrayList<>();
            for (Map<String, Object> query : queries.subList(0, queries.size() - 1)) {
                Map<String, Object> metric = (Map<String, Object>) query.get("metric");
                assertEquals("AWS/ElastiCache", metric.get("namespace"));
                assertEquals(
                        what.equals("memory") ? "DatabaseMemoryUsagePercentage" : "EngineCPUUtilization",
                        metric.get("metricName"));
                nodes.add(((Map<String, String>) metric.get("dimensions")).get("CacheClusterId"));
                assertEquals(false, query.get("returnData"));
            }
            assertEquals(
                    List.of(
                            "storefront-redis-prod-0001-001",
                            "storefront-redis-prod-0001-002",
                            "storefront-redis-prod-0002-001",
                            "storefront-redis-prod-0002-002"),
                    nodes,
                    "2 shards x (1 primary + 1 replica)");
            Map<String, Object> expression = queries.get(queries.size() - 1);
            assertEquals("MAX(METRICS())", expression.get("expression"));
            assertEquals(true, expression.get("returnData"));
            assertEquals(80.0, alarm.number("threshold"));
            assertTrue(alarm.input("metricName").isEmpty());
        }
    }

    @Test
    void largeClustersSplitIntoAlarmsOfAtMostTenNodes() {
        StackRun run = Stacks.devProvisionedValkey();
        List<Registered> memory =
                run.where(r -> r.type().equals(ALARM) && r.name().startsWith("monitoring-alarm-redis-memory"));
        assertEquals(1, memory.size(), "3 shards x 3 nodes = 9 nodes");
        assertEquals(10, memory.get(0).list("metricQueries").size());
    }

    @Test
    void apiGatewayFiveXxOnlyWithTheFrontDoor() {
        StackRun run = Stacks.prod();
        Registered api = alarm(run, "monitoring-alarm-api-5xx");
        assertEquals("AWS/ApiGateway", api.string("namespace"));
        assertEquals("5XXError", api.string("metricName"));
        assertEquals(Map.of("ApiName", "storefront-api-prod", "Stage", "v1"), api.map("dimensions"));
        assertTrue(Stacks.dev()
                .where(r -> r.name().equals("monitoring-alarm-api-5xx"))
                .isEmpty());
    }

    @Test
    void wafBlockedSpikeOnTheRegionalAcl() {
        Registered waf = alarm(Stacks.prod(), "monitoring-alarm-waf-blocked");
        assertEquals("AWS/WAFV2", waf.string("namespace"));
        assertEquals("BlockedRequests", waf.string("metricName"));
        assertEquals(
                Map.of("WebACL", "storefront-waf-regional-prod", "Region", "us-east-2", "Rule", "ALL"),
                waf.map("dimensions"));
        assertEquals(300.0, waf.number("threshold"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void dashboardCoversEveryTierWithARegionPerWidget() {
        StackRun run = Stacks.prod();
        Registered dashboard = run.one(Types.of(Dashboard.class), "monitoring-dashboard");
        assertEquals("storefront-prod", dashboard.string("dashboardName"));
        List<Map<String, Object>> widgets = (List<Map<String, Object>>)
                Json.parse(dashboard.string("dashboardBody")).get("widgets");
        Set<String> namespaces = new TreeSet<>();
        Set<String> metricsShown = new TreeSet<>();
        for (Map<String, Object> widget : widgets) {
            Map<String, Object> properties = (Map<String, Object>) widget.get("properties");
            assertTrue(properties.containsKey("region"), "CloudWatch requires a region per widget");
            for (List<Object> line : (List<List<Object>>) properties.get("metrics")) {
                namespaces.add((String) line.get(0));
                metricsShown.add(line.get(0) + " " + line.get(1));
                for (int i = 2; i < line.size() - 1; i += 2) {
                    assertFalse(
                            String.valueOf(line.get(i + 1)).startsWith("arn:"), "dimension values are ids, not ARNs");
                }
            }
        }
        assertEquals(
                Set.of(
                        "AWS/ECS",
                        "ECS/ContainerInsights",
                        "AWS/ApplicationELB",
                        "AWS/RDS",
                        "AWS/ElastiCache",
                        "AWS/ApiGateway",
                        "AWS/WAFV2"),
                namespaces);
        assertTrue(metricsShown.containsAll(Set.of(
                "AWS/ECS CPUUtilization",
                "AWS/ECS MemoryUtilization",
                "ECS/ContainerInsights RunningTaskCount",
                "AWS/ApplicationELB RequestCount",
                "AWS/ApplicationELB HTTPCode_Target_5XX_Count",
                "AWS/ApplicationELB TargetResponseTime",
                "AWS/RDS DatabaseConnections",
                "AWS/RDS ACUUtilization",
                "AWS/ElastiCache DatabaseMemoryUsagePercentage",
                "AWS/ElastiCache EngineCPUUtilization",
                "AWS/ApiGateway 4XXError",
                "AWS/ApiGateway 5XXError",
                "AWS/WAFV2 BlockedRequests")));
        Set<Object> wafRegions = widgets.stream()
                .map(w -> (Map<String, Object>) w.get("properties"))
                .filter(p -> String.valueOf(p.get("title")).startsWith("WAF"))
                .map(p -> p.get("region"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("us-east-2", "us-east-1"), wafRegions, "CloudFront WAF metrics live in us-east-1");
        assertEquals(
                "https://us-east-2.console.aws.amazon.com/cloudwatch/home?region=us-east-2#dashboards/dashboard/storefront-prod",
                run.output("dashboardUrl"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void devDashboardHasNoApiGatewayWidgets() {
        List<Map<String, Object>> widgets = (List<Map<String, Object>>) Json.parse(Stacks.dev()
                        .one(Types.of(Dashboard.class), "monitoring-dashboard")
                        .string("dashboardBody"))
                .get("widgets");
        assertTrue(widgets.stream()
                .noneMatch(w -> String.valueOf(((Map<String, Object>) w.get("properties")).get("title"))
                        .startsWith("API Gateway")));
    }
}
