package com.storefront.service;

import com.storefront.config.ConfigProblems;
import com.storefront.config.ConfigSection;
import com.storefront.config.Environment;
import com.storefront.config.FargateSizes;
import com.storefront.config.ImageReference;
import com.storefront.config.NatStrategy;
import com.storefront.config.NetworkSettings;
import com.storefront.config.Setting;
import com.storefront.config.SettingGroup;
import com.storefront.config.SettingValues;
import com.storefront.config.TaskSettings;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code storefront:service}: declared settings of the API's task and ECS service, and their reader. */
public final class TaskConfig {

    /** Public, multi-arch, pulled through NAT: lets a first deploy go healthy without the team's image. */
    static final String DEFAULT_IMAGE = TaskSettings.PLACEHOLDER_IMAGE;

    static final List<String> DEFAULT_COMMAND = List.of(
            "node",
            "-e",
            "require('http').createServer((req,res)=>{res.writeHead(200,{'content-type':'text/plain'});"
                    + "res.end(req.url==='/health'?'ok':'storefront placeholder')}).listen(process.env.PORT)");
    private static final List<String> CONTAINER_CHECK_KINDS = List.of("CMD", "CMD-SHELL");

    static final Setting<Optional<String>> IMAGE = Setting.text(
                    "image",
                    "an image with a tag or digest (Docker's "
                            + "reference grammar), such as 123456789012.dkr.ecr.us-east-2.amazonaws.com/storefront-api:1.4.2")
            .check(i -> ImageReference.problem(i)
                    .map(p -> p + ", such as 123456789012.dkr.ecr.us-east-2.amazonaws.com/storefront-api:1.4.2"))
            .doc("the image the stack runs. A release changes it by a commit (`scripts/deploy-image.sh record`). "
                    + "With `natStrategy: none`, required and from the stack region's private ECR (no other registry "
                    + "is reachable). The placeholder's inline `command` exists only while this is unset")
            .shown("public `node:22-alpine` placeholder", "the same")
            .optional();
    static final Setting<Optional<List<String>>> CONTAINER_HEALTH_CHECK = Setting.list(
                    "containerHealthCheck", "[\"CMD\", <executable>, <args>...] or [\"CMD-SHELL\", <command>]")
            .rule(c -> c.size() >= 2 && CONTAINER_CHECK_KINDS.contains(c.get(0)))
            .doc("an ECS container health check; it runs inside the image, so name only tools the image has. "
                    + "Without it the ALB health check on `/health` is the gate")
            .shown("— (none)", "—")
            .optional();
    static final Setting<Integer> CONTAINER_PORT = Setting.wholeNumber("containerPort", 1024, 65535)
            .doc("the port the app listens on (`PORT` in its environment)")
            .defaultValue(3000);
    static final Setting<Integer> CPU = Setting.wholeNumber("cpu", 256, 16384)
            .allowed("one of " + FargateSizes.cpuValues())
            .rule(FargateSizes::validCpu)
            .doc("task CPU units (Fargate task sizes)")
            .defaultValue(1024);
    static final Setting<Integer> MEMORY = Setting.wholeNumber("memory", 512, 122880)
            .allowed("a Fargate pair with `cpu`: 256 → 512/1024/2048; 512 → 1024–4096; 1024 → 2048–8192; 2048 → "
                    + "4096–16384; 4096 → 8192–30720 (1 GiB steps); 8192 → 16384–61440 (4 GiB steps); 16384 → "
                    + "32768–122880 (8 GiB steps)")
            .doc("task memory in MiB")
            .defaultValue(2048);
    static final Setting<Integer> FARGATE_BASE = Setting.wholeNumber("fargateBase", 0, 100_000)
            .doc("tasks always on on-demand Fargate (needs `fargateWeight` ≥ 1)")
            .byEnvironment(0, 2);
    static final Setting<Integer> FARGATE_WEIGHT = Setting.wholeNumber("fargateWeight", 0, 1000)
            .doc("share of further tasks on on-demand Fargate")
            .defaultValue(1);
    static final Setting<Integer> SPOT_WEIGHT = Setting.wholeNumber("spotWeight", 0, 1000)
            .doc("share of further tasks on Fargate Spot; the weights are not both 0")
            .byEnvironment(3, 1);
    static final Setting<Boolean> EXECUTE_COMMAND = Setting.bool("executeCommand")
            .doc("ECS Exec (adds `ssmmessages` to the task role)")
            .byEnvironment(true, false);
    static final Setting<Integer> HEALTH_CHECK_GRACE_SECONDS = Setting.wholeNumber("healthCheckGraceSeconds", 0, 7200)
            .doc("seconds ECS ignores failing health checks of a new task")
            .defaultValue(60);
    static final Setting<Integer> ECR_KEEP_IMAGES = Setting.wholeNumber("ecrKeepImages", 1, 1000)
            .doc("images the ECR lifecycle keeps (untagged ones expire after 7 days)")
            .defaultValue(30);

    /** Config v1 kept scaling, ALB and TLS settings here too. */
    static final Map<String, String> MOVED = Map.ofEntries(
            Map.entry("minTasks", "storefront:scaling.minTasks"),
            Map.entry("maxTasks", "storefront:scaling.maxTasks"),
            Map.entry("cpuTargetPercent", "storefront:scaling.cpuTargetPercent"),
            Map.entry("requestsPerTarget", "storefront:scaling.requestsPerTarget"),
            Map.entry("dbConnectionsPerTask", "storefront:scaling.dbConnectionsPerTask"),
            Map.entry("stepScaling", "storefront:scaling.stepScaling"),
            Map.entry("stepScaleOutPercent", "storefront:scaling.stepScaleOutPercent"),
            Map.entry("stepScaleInPercent", "storefront:scaling.stepScaleInPercent"),
            Map.entry("scaleOutCooldownSeconds", "storefront:scaling.scaleOutCooldownSeconds"),
            Map.entry("scaleInCooldownSeconds", "storefront:scaling.scaleInCooldownSeconds"),
            Map.entry("healthCheckIntervalSeconds", "storefront:loadBalancer.healthCheckIntervalSeconds"),
            Map.entry("unhealthyThreshold", "storefront:loadBalancer.unhealthyThreshold"),
            Map.entry("deregistrationDelaySeconds", "storefront:loadBalancer.deregistrationDelaySeconds"),
            Map.entry("idleTimeoutSeconds", "storefront:loadBalancer.idleTimeoutSeconds"),
            Map.entry("domainName", "storefront:tls.domainName"),
            Map.entry("certificateArn", "storefront:tls.certificateArn"),
            Map.entry("hostedZoneId", "storefront:tls.hostedZoneId"));

    public static final SettingGroup GROUP = new SettingGroup(
            "storefront:service",
            "the API's task and ECS service",
            List.of(
                    IMAGE,
                    CONTAINER_HEALTH_CHECK,
                    CONTAINER_PORT,
                    CPU,
                    MEMORY,
                    FARGATE_BASE,
                    FARGATE_WEIGHT,
                    SPOT_WEIGHT,
                    EXECUTE_COMMAND,
                    HEALTH_CHECK_GRACE_SECONDS,
                    ECR_KEEP_IMAGES),
            MOVED);

    private TaskConfig() {}

    public static TaskSettings read(
            ConfigSection section, Environment environment, String region, NetworkSettings network) {
        SettingValues values = new SettingValues(section, environment);
        ConfigProblems problems = section.problems();
        Optional<String> customImage = values.read(IMAGE);
        if (network.natStrategy() == NatStrategy.NONE) {
            Pattern privateEcr =
                    Pattern.compile("^\\d{12}\\.dkr\\.ecr\\." + Pattern.quote(region) + "\\.amazonaws\\.com/.+");
            if (customImage.isEmpty()) {
                problems.add(
                        values.key(IMAGE),
                        null,
                        "is required with natStrategy none: the default image is public "
                                + "and needs a NAT gateway to be pulled; push your image to the stack's ECR repository");
            } else if (!privateEcr.matcher(customImage.get()).matches()) {
                problems.add(
                        values.key(IMAGE),
                        customImage.get(),
                        "must be in this region's private ECR "
                                + "(<account>.dkr.ecr." + region
                                + ".amazonaws.com/...) with natStrategy none: without NAT, "
                                + "tasks reach only the ECR and S3 endpoints of the VPC, so no other registry can be pulled");
            }
        }
        values.drop(IMAGE)
                .put("image", customImage.orElse(DEFAULT_IMAGE))
                .put("command", customImage.isPresent() ? Optional.empty() : Optional.of(DEFAULT_COMMAND));
        values.read(CONTAINER_PORT);
        int cpu = values.read(CPU);
        int memory = values.read(MEMORY);
        if (FargateSizes.validCpu(cpu) && !FargateSizes.valid(cpu, memory)) {
            problems.add(values.key(MEMORY), memory, FargateSizes.memoryRule(cpu) + " (Fargate task sizes)");
        }
        TaskSettings.CapacityStrategy capacity = new TaskSettings.CapacityStrategy(
                values.read(FARGATE_BASE), values.read(FARGATE_WEIGHT), values.read(SPOT_WEIGHT));
        values.drop(FARGATE_BASE).drop(FARGATE_WEIGHT).drop(SPOT_WEIGHT).put("capacity", capacity);
        if (capacity.fargateWeight() + capacity.spotWeight() == 0) {
            problems.add(values.key(SPOT_WEIGHT), 0, "fargateWeight and spotWeight must not both be 0");
        }
        if (capacity.fargateBase() > 0 && capacity.fargateWeight() == 0) {
            problems.add(values.key(FARGATE_WEIGHT), 0, "must be at least 1 when fargateBase is set (ECS rule)");
        }
        values.read(CONTAINER_HEALTH_CHECK);
        values.read(EXECUTE_COMMAND);
        values.read(HEALTH_CHECK_GRACE_SECONDS);
        values.read(ECR_KEEP_IMAGES);
        section.rejectUnknownKeys(MOVED);
        return values.build(TaskSettings.class);
    }
}
