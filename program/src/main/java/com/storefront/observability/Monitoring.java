package com.storefront.observability;

import com.pulumi.aws.cloudwatch.Dashboard;
import com.pulumi.aws.cloudwatch.DashboardArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.config.AlertSettings;
import com.storefront.core.Providers;
import com.storefront.core.StackComponent;
import com.storefront.naming.Naming;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Alarms to the SNS topic (OBS-2) and the stack dashboard (OBS-1). The target-5XX alarm belongs to
 * the service tier (CodeDeploy rolls back on it); this component adds the rest and shows it.
 */
public final class Monitoring extends StackComponent {

    public static final String TYPE = "storefront:observability:Monitoring";
    static final String ABOVE = "GreaterThanThreshold";
    static final String AT_OR_ABOVE = "GreaterThanOrEqualToThreshold";
    /** Quiet means healthy: no requests, no tasks reporting, or a paused database. */
    static final String QUIET_IS_OK = "notBreaching";
    /** Keep the last state: ElastiCache reports every minute, so a gap is a pipeline hiccup, not news. */
    static final String KEEP_STATE = "missing";

    private final Output<String> dashboardName;
    private final Output<String> dashboardUrl;
    private final List<Output<String>> alarmNames = new ArrayList<>();

    public Monitoring(String name, MonitoringArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        AlertSettings settings = args.settings();
        Naming naming = args.naming();
        String region = args.region();
        Alarms alarms = new Alarms(
                args.topicArn(),
                settings.evaluationPeriods(),
                CustomResourceOptions.builder().parent(this).build());
        Metrics m = new Metrics(args);

        alarms.single(
                "alarm-ecs-cpu",
                naming.name("alarm-ecs-cpu"),
                "API tasks average over " + settings.ecsCpuPercent() + "% CPU: autoscaling is at its limit or stuck",
                m.ecs("CPUUtilization", "Average"),
                ABOVE,
                settings.ecsCpuPercent(),
                QUIET_IS_OK);
        alarms.single(
                "alarm-elb-5xx",
                naming.name("alarm-elb-5xx"),
                "The ALB itself returns 5XX (no healthy targets, timeouts)",
                m.alb("HTTPCode_ELB_5XX_Count", "Sum"),
                AT_OR_ABOVE,
                settings.elb5xxPerMinute(),
                QUIET_IS_OK);
        alarms.single(
                "alarm-latency-p95",
                naming.name("alarm-latency-p95"),
                "API p95 target response time above " + settings.p95LatencySeconds() + " s",
                m.alb("TargetResponseTime", "p95"),
                ABOVE,
                settings.p95LatencySeconds(),
                QUIET_IS_OK);
        for (MonitoringArgs.Labeled group : args.targetGroups()) {
            // An idle green group has no targets and no data; that is fine.
            alarms.single(
                    "alarm-unhealthy-" + group.label(),
                    naming.name("alarm-unhealthy-" + group.label()),
                    "Unhealthy API tasks in the " + group.label() + " target group",
                    m.targetGroup(group.value(), "UnHealthyHostCount", "Maximum"),
                    AT_OR_ABOVE,
                    settings.unhealthyHosts(),
                    QUIET_IS_OK);
        }
        alarms.single(
                "alarm-db-connections",
                naming.name("alarm-db-connections"),
                "Aurora connections above " + settings.dbConnections() + ": pools leaking or max capacity too low",
                m.db("DatabaseConnections", "Maximum"),
                ABOVE,
                settings.dbConnections(),
                QUIET_IS_OK);
        if (args.dbServerless()) {
            alarms.single(
                    "alarm-db-acu",
                    naming.name("alarm-db-acu"),
                    "Aurora Serverless v2 above " + settings.dbAcuPercent() + "% of its max ACU: raise maxAcu",
                    m.db("ACUUtilization", "Average"),
                    ABOVE,
                    settings.dbAcuPercent(),
                    QUIET_IS_OK);
        }
        List<List<Output<String>>> nodeChunks = chunks(args.cacheNodeIds());
        for (int i = 0; i < nodeChunks.size(); i++) {
            String part = nodeChunks.size() == 1 ? "" : "-" + (i + 1);
            List<Output<String>> nodes = nodeChunks.get(i);
            alarms.maxOf(
                    "alarm-redis-memory" + part,
                    naming.name("alarm-redis-memory" + part),
                    "A cache node uses over " + settings.redisMemoryPercent() + "% of its memory: evictions follow",
                    nodes.stream()
                            .map(n -> m.cacheNode(n, "DatabaseMemoryUsagePercentage", "Maximum"))
                            .toList(),
                    ABOVE,
                    settings.redisMemoryPercent(),
                    KEEP_STATE);
            alarms.maxOf(
                    "alarm-redis-cpu" + part,
                    naming.name("alarm-redis-cpu" + part),
                    "A cache node's engine thread is over " + settings.redisCpuPercent() + "% busy",
                    nodes.stream()
                            .map(n -> m.cacheNode(n, "EngineCPUUtilization", "Maximum"))
                            .toList(),
                    ABOVE,
                    settings.redisCpuPercent(),
                    KEEP_STATE);
        }
        args.apiGateway()
                .ifPresent(api -> alarms.single(
                        "alarm-api-5xx",
                        naming.name("alarm-api-5xx"),
                        "API Gateway returns 5XX to clients",
                        m.api(api, "5XXError", "Sum"),
                        AT_OR_ABOVE,
                        settings.api5xxPerMinute(),
                        QUIET_IS_OK));
        alarms.single(
                "alarm-waf-blocked",
                naming.name("alarm-waf-blocked"),
                "The regional WAF blocks over " + settings.wafBlockedPerMinute()
                        + " requests a minute: an attack, or a rule " + "blocking real users",
                m.regionalWaf("BlockedRequests"),
                ABOVE,
                settings.wafBlockedPerMinute(),
                QUIET_IS_OK);

        Dashboard dashboard = new Dashboard(
                name("dashboard"),
                DashboardArgs.builder()
                        .dashboardName(naming.stackName())
                        .dashboardBody(DashboardBody.render(widgets(args, m)))
                        .build(),
                CustomResourceOptions.builder().parent(this).build());

        alarms.created().stream().map(MetricAlarm::name).forEach(alarmNames::add);
        alarmNames.add(args.rollbackAlarmName());
        this.dashboardName = dashboard.dashboardName();
        this.dashboardUrl = dashboard
                .dashboardName()
                .applyValue(n -> "https://" + region + ".console.aws.amazon.com" + "/cloudwatch/home?region=" + region
                        + "#dashboards/dashboard/" + n);
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("dashboardName", dashboardName);
        outputs.put("dashboardUrl", dashboardUrl);
        outputs.put("alarmNames", Output.all(alarmNames));
        registerOutputs(outputs);
    }

    private static List<DashboardBody.Widget> widgets(MonitoringArgs args, Metrics m) {
        String region = args.region();
        List<DashboardBody.Widget> widgets = new ArrayList<>();
        widgets.add(new DashboardBody.Widget(
                "ECS: CPU and memory (%)",
                region, List.of(m.ecs("CPUUtilization", "Average"), m.ecs("MemoryUtilization", "Average"))));
        widgets.add(new DashboardBody.Widget(
                "ECS: running tasks", region, List.of(m.containerInsights("RunningTaskCount", "Average"))));
        widgets.add(new DashboardBody.Widget(
                "ALB: requests and 5XX",
                region,
                List.of(
                        m.alb("RequestCount", "Sum"),
                        m.alb("HTTPCode_Target_5XX_Count", "Sum"),
                        m.alb("HTTPCode_ELB_5XX_Count", "Sum"))));
        widgets.add(new DashboardBody.Widget(
                "ALB: target response time p95 (s)", region, List.of(m.alb("TargetResponseTime", "p95"))));
        List<MetricRef> db =
                new ArrayList<>(List.of(m.db("DatabaseConnections", "Maximum"), m.db("CPUUtilization", "Average")));
        if (args.dbServerless()) {
            db.add(m.db("ACUUtilization", "Average"));
            db.add(m.db("ServerlessDatabaseCapacity", "Average"));
        }
        widgets.add(new DashboardBody.Widget("Aurora: connections, CPU, ACU", region, db));
        List<Output<String>> shown = args.cacheNodeIds()
                .subList(
                        0,
                        Math.min(
                                Alarms.MAX_METRICS_PER_ALARM,
                                args.cacheNodeIds().size()));
        // A stack without a cache has no Redis panels (a widget without metrics is invalid).
        if (!shown.isEmpty()) {
            widgets.add(new DashboardBody.Widget(
                    "Redis: memory and engine CPU per node (%)",
                    region,
                    shown.stream()
                            .flatMap(n -> List.of(
                                    m.cacheNode(n, "DatabaseMemoryUsagePercentage", "Maximum"),
                                    m.cacheNode(n, "EngineCPUUtilization", "Maximum"))
                                    .stream())
                            .toList()));
            widgets.add(new DashboardBody.Widget(
                    "Redis: connections per node",
                    region,
                    shown.stream()
                            .map(n -> m.cacheNode(n, "CurrConnections", "Maximum"))
                            .toList()));
        }
        args.apiGateway().ifPresent(api -> {
            widgets.add(new DashboardBody.Widget(
                    "API Gateway: 4XX and 5XX",
                    region,
                    List.of(m.api(api, "4XXError", "Sum"), m.api(api, "5XXError", "Sum"))));
            widgets.add(new DashboardBody.Widget(
                    "API Gateway: latency p95 (ms)", region, List.of(m.api(api, "Latency", "p95"))));
        });
        widgets.add(new DashboardBody.Widget(
                "WAF (ALB, API): allowed and blocked",
                region,
                List.of(m.regionalWaf("AllowedRequests"), m.regionalWaf("BlockedRequests"))));
        widgets.add(new DashboardBody.Widget(
                "WAF (CloudFront): allowed and blocked",
                Providers.CLOUDFRONT_REGION,
                List.of(m.cloudFrontWaf("AllowedRequests"), m.cloudFrontWaf("BlockedRequests"))));
        return widgets;
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += Alarms.MAX_METRICS_PER_ALARM) {
            chunks.add(items.subList(i, Math.min(items.size(), i + Alarms.MAX_METRICS_PER_ALARM)));
        }
        return chunks;
    }

    public Output<String> dashboardName() {
        return dashboardName;
    }

    /** The console link to the dashboard. */
    public Output<String> dashboardUrl() {
        return dashboardUrl;
    }

    /** Every alarm of the stack, the service tier's rollback alarm included. */
    public Output<List<String>> alarmNames() {
        return Output.all(alarmNames);
    }
}
