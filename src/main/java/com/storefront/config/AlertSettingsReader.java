package com.storefront.config;

import java.util.List;
import java.util.regex.Pattern;

/** Reads and validates {@code storefront:alerts}. */
final class AlertSettingsReader {

    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

    private AlertSettingsReader() {
    }

    static AlertSettings read(ConfigSection section) {
        List<String> emails = section.stringList("emails").orElse(List.of());
        for (String email : emails) {
            if (!EMAIL.matcher(email).matches()) {
                section.problems().add(section.key("emails"), email, "must be email addresses such as oncall@example.com");
            }
        }
        if (emails.size() != emails.stream().distinct().count()) {
            section.problems().add(section.key("emails"), String.join(",", emails), "must not repeat an address");
        }
        AlertSettings alerts = new AlertSettings(emails,
                section.integer("evaluationPeriods", 3, 1, 60),
                section.integer("ecsCpuPercent", 85, 1, 100),
                section.integer("elb5xxPerMinute", 10, 1, 100_000),
                section.decimal("p95LatencySeconds", 1.0, 0.01, 60),
                section.integer("unhealthyHosts", 1, 1, 1000),
                // Aurora PostgreSQL allows roughly 90 connections per 0.5 ACU at the max capacity; warn early.
                section.integer("dbConnections", 150, 1, 100_000),
                section.integer("dbAcuPercent", 90, 1, 100),
                section.integer("redisMemoryPercent", 80, 1, 100),
                section.integer("redisCpuPercent", 80, 1, 100),
                section.integer("api5xxPerMinute", 10, 1, 100_000),
                section.integer("wafBlockedPerMinute", 300, 1, 10_000_000));
        section.rejectUnknownKeys();
        return alerts;
    }
}
