package com.storefront.service;

import com.storefront.config.ConfigSection;
import com.storefront.config.DeploymentSettings;
import com.storefront.config.DeploymentStrategy;
import com.storefront.config.Environment;
import com.storefront.config.Setting;
import com.storefront.config.SettingGroup;
import com.storefront.config.SettingValues;
import com.storefront.config.TargetGroupColor;
import com.storefront.config.TrafficShift;

import java.util.List;

/** {@code storefront:deployment}: declared settings of image rollouts (SVC-7, REL-1), and their reader. */
public final class DeploymentConfig {

    static final String LIVE_TARGET_GROUP = "liveTargetGroup";
    /**
     * CodeDeploy accepts up to 2880 minutes, but the rollout step in CI waits for the whole
     * deployment, and a GitHub-hosted job is stopped after 360 minutes.
     */
    static final int MAX_TERMINATION_WAIT_MINUTES = 240;

    static final Setting<DeploymentStrategy> STRATEGY = Setting.choice("strategy", DeploymentStrategy.class)
            .doc("`rolling` (ECS, circuit breaker with rollback), `blueGreen` (CodeDeploy)")
            .byEnvironment(DeploymentStrategy.ROLLING, DeploymentStrategy.BLUE_GREEN);
    static final Setting<TrafficShift> TRAFFIC_SHIFT = Setting.choice("trafficShift", TrafficShift.class)
            .doc("how CodeDeploy moves traffic to the new tasks")
            .defaultValue(TrafficShift.CANARY_10_PERCENT_5_MINUTES);
    static final Setting<Integer> TERMINATION_WAIT_MINUTES = Setting.wholeNumber(
                    "terminationWaitMinutes", 0, MAX_TERMINATION_WAIT_MINUTES)
            .doc("how long the old tasks stay after a successful shift (CodeDeploy allows 2880, but the rollout step "
                    + "waits for the whole deployment and a CI job stops after 360 minutes)")
            .defaultValue(5);
    static final Setting<Integer> ROLLBACK_FIVE_XX_THRESHOLD = Setting.wholeNumber(
                    "rollbackFiveXxThreshold", 1, 100_000)
            .doc("target 5XX per minute that fail a deployment (and page)")
            .defaultValue(10);
    static final Setting<Integer> ROLLBACK_EVALUATION_MINUTES = Setting.wholeNumber("rollbackEvaluationMinutes", 1, 60)
            .doc("minutes in a row of that rate that fail a deployment")
            .defaultValue(2);
    static final Setting<TargetGroupColor> LIVE_TARGET_GROUP_SETTING = Setting.choice(
                    LIVE_TARGET_GROUP, TargetGroupColor.class)
            .doc("the target group serving production now. Observed, not chosen: `scripts/deploy-image.sh up`/"
                    + "`preview` reads it from AWS and passes it in a copy of the stack file; every listener and rule "
                    + "forwards to it. A bare `pulumi up` of a blue/green stack stops with this key's error")
            .shown("`blue`", "(required with `blueGreen`, never committed)")
            .defaultValue(TargetGroupColor.BLUE);

    public static final SettingGroup GROUP = new SettingGroup(
            "storefront:deployment",
            "image rollouts",
            List.of(
                    STRATEGY,
                    TRAFFIC_SHIFT,
                    TERMINATION_WAIT_MINUTES,
                    ROLLBACK_FIVE_XX_THRESHOLD,
                    ROLLBACK_EVALUATION_MINUTES,
                    LIVE_TARGET_GROUP_SETTING));

    private DeploymentConfig() {}

    public static DeploymentSettings read(ConfigSection section, Environment environment) {
        SettingValues values = new SettingValues(section, environment);
        DeploymentStrategy strategy = values.read(STRATEGY);
        values.read(TRAFFIC_SHIFT);
        values.read(TERMINATION_WAIT_MINUTES);
        values.read(ROLLBACK_FIVE_XX_THRESHOLD);
        values.read(ROLLBACK_EVALUATION_MINUTES);
        values.read(LIVE_TARGET_GROUP_SETTING);
        if (strategy == DeploymentStrategy.BLUE_GREEN && !section.has(LIVE_TARGET_GROUP)) {
            values.problems()
                    .add(
                            values.key(LIVE_TARGET_GROUP_SETTING),
                            null,
                            "is required with strategy blueGreen: "
                                    + "blue or green, whichever serves production now (CodeDeploy alternates them). Deploy and preview "
                                    + "with 'scripts/deploy-image.sh up|preview <stack>', which reads it from AWS; never commit it");
        }
        section.rejectUnknownKeys();
        return values.build(DeploymentSettings.class);
    }
}
