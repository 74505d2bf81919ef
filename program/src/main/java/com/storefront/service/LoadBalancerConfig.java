package com.storefront.service;

import com.storefront.config.ConfigSection;
import com.storefront.config.Environment;
import com.storefront.config.LoadBalancerSettings;
import com.storefront.config.Setting;
import com.storefront.config.SettingGroup;
import com.storefront.config.SettingValues;

import java.util.List;

/** {@code storefront:loadBalancer}: declared settings of the ALB and its target groups, and their reader. */
public final class LoadBalancerConfig {

    static final Setting<Integer> HEALTH_CHECK_INTERVAL_SECONDS = Setting.wholeNumber(
                    "healthCheckIntervalSeconds", 5, 300)
            .doc("seconds between target health checks on `/health`")
            .defaultValue(30);
    static final Setting<Integer> UNHEALTHY_THRESHOLD = Setting.wholeNumber("unhealthyThreshold", 2, 10)
            .doc("failed checks in a row before a target is unhealthy")
            .defaultValue(2);
    static final Setting<Integer> DEREGISTRATION_DELAY_SECONDS = Setting.wholeNumber(
                    "deregistrationDelaySeconds", 0, 60)
            .doc("seconds a leaving target drains (short, so rollouts finish in minutes)")
            .defaultValue(30);
    static final Setting<Integer> IDLE_TIMEOUT_SECONDS = Setting.wholeNumber("idleTimeoutSeconds", 1, 4000)
            .doc("the ALB's connection idle timeout")
            .defaultValue(60);

    public static final SettingGroup GROUP = new SettingGroup(
            "storefront:loadBalancer",
            "the ALB and target groups",
            List.of(
                    HEALTH_CHECK_INTERVAL_SECONDS,
                    UNHEALTHY_THRESHOLD,
                    DEREGISTRATION_DELAY_SECONDS,
                    IDLE_TIMEOUT_SECONDS));

    private LoadBalancerConfig() {}

    public static LoadBalancerSettings read(ConfigSection section, Environment environment) {
        SettingValues values = new SettingValues(section, environment);
        values.readAll(GROUP);
        section.rejectUnknownKeys();
        return values.build(LoadBalancerSettings.class);
    }
}
