package com.storefront.observability;

import com.storefront.config.AlertSettings;
import com.storefront.config.ConfigSection;
import com.storefront.config.Environment;
import com.storefront.config.Setting;
import com.storefront.config.SettingGroup;
import com.storefront.config.SettingValues;

import java.util.List;
import java.util.regex.Pattern;

/** {@code storefront:alerts}: declared recipients and thresholds of the alarms (OBS-2), and their reader. */
public final class AlertsConfig {

    private static final Pattern EMAIL =
            Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

    static final Setting<List<String>> EMAILS = Setting.list(
                    "emails",
                    "email addresses such as oncall@example.com, " + "each once (a YAML list or comma-separated)")
            .rule(l -> l.stream().allMatch(e -> EMAIL.matcher(e).matches())
                    && l.stream().distinct().count() == l.size())
            .doc("who the alarms email; each address confirms its subscription")
            .shown("`[]`", "`[]` (one on-call address in `Pulumi.prod.yaml`)")
            .defaultValue(List.of());
    static final Setting<Integer> EVALUATION_PERIODS =
            threshold("evaluationPeriods", 60, "one-minute periods in a row before an alarm fires", 3);
    static final Setting<Integer> ECS_CPU_PERCENT = threshold("ecsCpuPercent", 100, "service CPU %", 85);
    static final Setting<Integer> ELB_5XX_PER_MINUTE =
            threshold("elb5xxPerMinute", 100_000, "ALB-generated 5XX per minute", 10);
    static final Setting<Double> P95_LATENCY_SECONDS = Setting.decimal("p95LatencySeconds", 0.01, 60)
            .doc("target response time p95")
            .defaultValue(1.0);
    static final Setting<Integer> UNHEALTHY_HOSTS =
            threshold("unhealthyHosts", 1000, "unhealthy targets per target group", 1);
    static final Setting<Integer> DB_CONNECTIONS = threshold(
            "dbConnections",
            100_000,
            "Aurora connections (size it to " + "`maxAcu`: roughly 90 per 0.5 ACU of max capacity)",
            150);
    static final Setting<Integer> DB_ACU_PERCENT =
            threshold("dbAcuPercent", 100, "% of `maxAcu` (Serverless v2 only)", 90);
    static final Setting<Integer> REDIS_MEMORY_PERCENT =
            threshold("redisMemoryPercent", 100, "memory % of the busiest " + "Redis node", 80);
    static final Setting<Integer> REDIS_CPU_PERCENT =
            threshold("redisCpuPercent", 100, "engine CPU % of the busiest " + "Redis node", 80);
    static final Setting<Integer> API_5XX_PER_MINUTE =
            threshold("api5xxPerMinute", 100_000, "API Gateway 5XX per minute", 10);
    static final Setting<Integer> WAF_BLOCKED_PER_MINUTE =
            threshold("wafBlockedPerMinute", 10_000_000, "regional WAF blocks per minute", 300);

    public static final SettingGroup GROUP = new SettingGroup(
            "storefront:alerts",
            "alarm recipients and thresholds",
            List.of(
                    EMAILS,
                    EVALUATION_PERIODS,
                    ECS_CPU_PERCENT,
                    ELB_5XX_PER_MINUTE,
                    P95_LATENCY_SECONDS,
                    UNHEALTHY_HOSTS,
                    DB_CONNECTIONS,
                    DB_ACU_PERCENT,
                    REDIS_MEMORY_PERCENT,
                    REDIS_CPU_PERCENT,
                    API_5XX_PER_MINUTE,
                    WAF_BLOCKED_PER_MINUTE));

    private AlertsConfig() {}

    private static Setting<Integer> threshold(String name, int max, String doc, int defaultValue) {
        return Setting.wholeNumber(name, 1, max).doc(doc).defaultValue(defaultValue);
    }

    public static AlertSettings read(ConfigSection section, Environment environment) {
        SettingValues values = new SettingValues(section, environment);
        values.readAll(GROUP);
        section.rejectUnknownKeys();
        return values.build(AlertSettings.class);
    }
}
