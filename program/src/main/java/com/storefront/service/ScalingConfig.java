package com.storefront.service;

import com.storefront.config.ConfigSection;
import com.storefront.config.Environment;
import com.storefront.config.ScalingSettings;
import com.storefront.config.Setting;
import com.storefront.config.SettingGroup;
import com.storefront.config.SettingValues;

import java.util.List;

/** {@code storefront:scaling}: declared settings of task autoscaling (SVC-8), and their reader. */
public final class ScalingConfig {

    static final Setting<Integer> MIN_TASKS = Setting.wholeNumber("minTasks", 1, 100)
            .doc("the fewest tasks, ≤ `maxTasks`")
            .defaultValue(2);
    static final Setting<Integer> MAX_TASKS =
            Setting.wholeNumber("maxTasks", 1, 200).doc("the most tasks").defaultValue(10);
    static final Setting<Integer> CPU_TARGET_PERCENT = Setting.wholeNumber("cpuTargetPercent", 1, 100)
            .doc("CPU target tracking")
            .defaultValue(70);
    static final Setting<Integer> REQUESTS_PER_TARGET = Setting.wholeNumber("requestsPerTarget", 0, 100_000)
            .doc("ALB requests per task per minute to track; 0 is off. Rolling: `ALBRequestCountPerTarget` of the one "
                    + "target group; `blueGreen`: the ALB's `RequestCount` divided by running tasks (metric math), the "
                    + "same figure whichever group CodeDeploy made live")
            .defaultValue(0);
    static final Setting<Integer> DB_CONNECTIONS_PER_TASK = Setting.wholeNumber("dbConnectionsPerTask", 0, 5_000)
            .doc("Aurora connections per task to track (metric math); 0 is off")
            .defaultValue(0);
    static final Setting<Boolean> STEP_SCALING = Setting.bool("stepScaling")
            .doc("adds step policies: +1 task at ≥ `stepScaleOutPercent`, −1 at ≤ `stepScaleInPercent` CPU; target "
                    + "tracking then leaves scale-in to them")
            .defaultValue(false);
    static final Setting<Integer> STEP_SCALE_OUT_PERCENT = Setting.wholeNumber("stepScaleOutPercent", 1, 100)
            .doc("CPU at which a step adds a task")
            .defaultValue(70);
    static final Setting<Integer> STEP_SCALE_IN_PERCENT = Setting.wholeNumber("stepScaleInPercent", 1, 100)
            .doc("CPU at which a step removes a task; below `stepScaleOutPercent`")
            .defaultValue(30);
    static final Setting<Integer> SCALE_OUT_COOLDOWN_SECONDS = Setting.wholeNumber("scaleOutCooldownSeconds", 0, 3600)
            .doc("seconds between scale-outs")
            .defaultValue(60);
    static final Setting<Integer> SCALE_IN_COOLDOWN_SECONDS = Setting.wholeNumber("scaleInCooldownSeconds", 0, 3600)
            .doc("seconds between scale-ins")
            .defaultValue(300);

    public static final SettingGroup GROUP = new SettingGroup(
            "storefront:scaling",
            "task autoscaling",
            List.of(
                    MIN_TASKS,
                    MAX_TASKS,
                    CPU_TARGET_PERCENT,
                    REQUESTS_PER_TARGET,
                    DB_CONNECTIONS_PER_TASK,
                    STEP_SCALING,
                    STEP_SCALE_OUT_PERCENT,
                    STEP_SCALE_IN_PERCENT,
                    SCALE_OUT_COOLDOWN_SECONDS,
                    SCALE_IN_COOLDOWN_SECONDS));

    private ScalingConfig() {}

    public static ScalingSettings read(ConfigSection section, Environment environment) {
        SettingValues values = new SettingValues(section, environment);
        int minTasks = values.read(MIN_TASKS);
        int maxTasks = values.read(MAX_TASKS);
        if (minTasks > maxTasks) {
            values.problems()
                    .add(
                            values.key(MIN_TASKS),
                            minTasks,
                            "must not exceed " + values.key(MAX_TASKS) + " (" + maxTasks + ")");
        }
        values.read(CPU_TARGET_PERCENT);
        values.read(REQUESTS_PER_TARGET);
        values.read(DB_CONNECTIONS_PER_TASK);
        boolean step = values.read(STEP_SCALING);
        int out = values.read(STEP_SCALE_OUT_PERCENT);
        int in = values.read(STEP_SCALE_IN_PERCENT);
        if (step && in >= out) {
            values.problems()
                    .add(
                            values.key(STEP_SCALE_IN_PERCENT),
                            in,
                            "must be below " + values.key(STEP_SCALE_OUT_PERCENT) + " (" + out + ")");
        }
        values.read(SCALE_OUT_COOLDOWN_SECONDS);
        values.read(SCALE_IN_COOLDOWN_SECONDS);
        section.rejectUnknownKeys();
        return values.build(ScalingSettings.class);
    }
}
