package com.storefront.config;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads and validates {@code storefront:service}, {@code storefront:deployment} and the origin secret. */
final class ServiceSettingsReader {

    static final String ORIGIN_SECRET_KEY = "originVerifySecret";
    static final String LIVE_TARGET_GROUP = "liveTargetGroup";
    /** Public, multi-arch, pulled through NAT: lets a first deploy go healthy without the team's image. */
    static final String DEFAULT_IMAGE = ServiceSettings.PLACEHOLDER_IMAGE;
    static final List<String> DEFAULT_COMMAND = List.of("node", "-e",
            "require('http').createServer((req,res)=>{res.writeHead(200,{'content-type':'text/plain'});"
                    + "res.end(req.url==='/health'?'ok':'storefront placeholder')}).listen(process.env.PORT)");
    private static final List<String> CONTAINER_CHECK_KINDS = List.of("CMD", "CMD-SHELL");
    /**
     * CodeDeploy accepts up to 2880 minutes, but the rollout step in CI waits for the whole
     * deployment, and a GitHub-hosted job is stopped after 360 minutes.
     */
    static final int MAX_TERMINATION_WAIT_MINUTES = 240;
    private static final Pattern CERTIFICATE_ARN = Pattern.compile("^arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[0-9a-f-]{36}$");
    private static final Pattern DOMAIN = Pattern.compile("^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final Pattern HOSTED_ZONE = Pattern.compile("^Z[A-Z0-9]{1,31}$");
    private static final Pattern HEADER_SECRET = Pattern.compile("^[A-Za-z0-9_-]{32,128}$");

    private ServiceSettingsReader() {
    }

    static ServiceSettings read(ConfigSection section, Environment environment, String region, NetworkSettings network) {
        ConfigProblems problems = section.problems();
        Optional<String> customImage = section.optionalString("image");
        customImage.ifPresent(i -> ImageReference.problem(i).ifPresent(problem -> problems.add(section.key("image"), i,
                problem + ", such as 123456789012.dkr.ecr.us-east-2.amazonaws.com/storefront-api:1.4.2")));
        if (customImage.isEmpty() && network.natStrategy() == NatStrategy.NONE) {
            problems.add(section.key("image"), null, "is required with natStrategy none: the default image is public "
                    + "and needs a NAT gateway to be pulled; push your image to the stack's ECR repository");
        }
        int port = section.integer("containerPort", 3000, 1024, 65535);

        int cpu = section.integer("cpu", 1024, 256, 16384);
        int memory = section.integer("memory", 2048, 512, 122880);
        if (!FargateSizes.validCpu(cpu)) {
            problems.add(section.key("cpu"), cpu, "must be one of " + FargateSizes.cpuValues() + " (Fargate task sizes)");
        } else if (!FargateSizes.valid(cpu, memory)) {
            problems.add(section.key("memory"), memory, FargateSizes.memoryRule(cpu) + " (Fargate task sizes)");
        }

        int minTasks = section.integer("minTasks", 2, 1, 100);
        int maxTasks = section.integer("maxTasks", 10, 1, 200);
        if (minTasks > maxTasks) {
            problems.add(section.key("minTasks"), minTasks, "must not exceed " + section.key("maxTasks") + " (" + maxTasks + ")");
        }
        int cpuTarget = section.integer("cpuTargetPercent", 70, 1, 100);
        int requestsPerTarget = section.integer("requestsPerTarget", 0, 0, 100_000);
        int dbConnections = section.integer("dbConnectionsPerTask", 0, 0, 5_000);
        boolean stepScaling = section.bool("stepScaling", false);
        int stepOut = section.integer("stepScaleOutPercent", 70, 1, 100);
        int stepIn = section.integer("stepScaleInPercent", 30, 1, 100);
        if (stepScaling && stepIn >= stepOut) {
            problems.add(section.key("stepScaleInPercent"), stepIn,
                    "must be below " + section.key("stepScaleOutPercent") + " (" + stepOut + ")");
        }
        int scaleOutCooldown = section.integer("scaleOutCooldownSeconds", 60, 0, 3600);
        int scaleInCooldown = section.integer("scaleInCooldownSeconds", 300, 0, 3600);

        ServiceSettings.CapacityStrategy capacity = new ServiceSettings.CapacityStrategy(
                section.integer("fargateBase", environment.pick(0, 2), 0, 100_000),
                section.integer("fargateWeight", environment.pick(1, 1), 0, 1000),
                section.integer("spotWeight", environment.pick(3, 1), 0, 1000));
        if (capacity.fargateWeight() + capacity.spotWeight() == 0) {
            problems.add(section.key("spotWeight"), 0, "fargateWeight and spotWeight must not both be 0");
        }
        if (capacity.fargateBase() > 0 && capacity.fargateWeight() == 0) {
            problems.add(section.key("fargateWeight"), 0, "must be at least 1 when fargateBase is set (ECS rule)");
        }

        Optional<List<String>> healthCheck = section.stringList("containerHealthCheck");
        healthCheck.filter(c -> c.size() < 2 || !CONTAINER_CHECK_KINDS.contains(c.get(0))).ifPresent(c -> problems.add(
                section.key("containerHealthCheck"), c, "must be [\"CMD\", <executable>, <args>...] or "
                        + "[\"CMD-SHELL\", <command>] (ECS container health check; the image must contain what it runs)"));
        boolean exec = section.bool("executeCommand", environment.pick(true, false));
        int grace = section.integer("healthCheckGraceSeconds", 60, 0, 7200);
        int interval = section.integer("healthCheckIntervalSeconds", 30, 5, 300);
        int unhealthy = section.integer("unhealthyThreshold", 2, 2, 10);
        int deregistration = section.integer("deregistrationDelaySeconds", 30, 0, 60);
        int idle = section.integer("idleTimeoutSeconds", 60, 1, 4000);
        int keepImages = section.integer("ecrKeepImages", 30, 1, 1000);

        ServiceSettings.TlsSettings tls = tls(section, region);
        section.rejectUnknownKeys();
        return new ServiceSettings(customImage.orElse(DEFAULT_IMAGE),
                customImage.isPresent() ? Optional.empty() : Optional.of(DEFAULT_COMMAND), port, cpu, memory,
                minTasks, maxTasks, cpuTarget, requestsPerTarget, dbConnections, stepScaling, stepOut, stepIn,
                scaleOutCooldown, scaleInCooldown, capacity, exec, grace, interval, unhealthy, deregistration, idle,
                keepImages, tls, healthCheck);
    }

    private static ServiceSettings.TlsSettings tls(ConfigSection section, String region) {
        ConfigProblems problems = section.problems();
        Optional<String> certificateArn = section.optionalString("certificateArn");
        Optional<String> domainName = section.optionalString("domainName");
        Optional<String> hostedZoneId = section.optionalString("hostedZoneId");
        certificateArn.ifPresent(arn -> {
            if (!CERTIFICATE_ARN.matcher(arn).matches()) {
                problems.add(section.key("certificateArn"), arn, "must be an ACM certificate ARN");
            } else if (!arn.contains(":acm:" + region + ":")) {
                problems.add(section.key("certificateArn"), arn,
                        "must be a certificate in the stack region " + region + " (ALBs use regional certificates)");
            }
        });
        domainName.filter(d -> !DOMAIN.matcher(d).matches()).ifPresent(d -> problems.add(section.key("domainName"), d,
                "must be a lowercase DNS name such as origin.shop.example.com"));
        hostedZoneId.filter(z -> !HOSTED_ZONE.matcher(z).matches()).ifPresent(z -> problems.add(
                section.key("hostedZoneId"), z, "must be a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ"));
        // CloudFront connects to the ALB by this name, so the certificate must cover it and it must resolve.
        if (certificateArn.isPresent() && domainName.isEmpty()) {
            problems.add(section.key("domainName"), null, "is required with certificateArn: the name the "
                    + "certificate covers, pointing at the ALB, that CloudFront connects to");
        }
        if (certificateArn.isEmpty() && domainName.isPresent() && hostedZoneId.isEmpty()) {
            problems.add(section.key("hostedZoneId"), null, "is required with domainName and no certificateArn: "
                    + "the certificate is DNS-validated in that Route 53 hosted zone");
        }
        if (hostedZoneId.isPresent() && domainName.isEmpty()) {
            problems.add(section.key("domainName"), null, "is required with hostedZoneId");
        }

        return new ServiceSettings.TlsSettings(certificateArn, domainName, hostedZoneId);
    }

    /**
     * The header value that proves a request came through this stack's edge: CloudFront sends it to
     * the ALB (which, without TLS, refuses requests lacking it) and API Gateway sends it onwards, so
     * the WAF rate limits count each client once, where its real address is seen.
     */
    static SecretValue originSecret(ConfigSection root, Function<String, Optional<String>> raw) {
        return SecretValue.read(root, raw, ORIGIN_SECRET_KEY, HEADER_SECRET, "32-128 letters, digits, _ or -",
                "must be 32-128 letters, digits, _ or -");
    }

    static DeploymentSettings deployment(ConfigSection section, Environment environment) {
        DeploymentStrategy strategy = section.choice("strategy", DeploymentStrategy.class,
                environment.pick(DeploymentStrategy.ROLLING, DeploymentStrategy.BLUE_GREEN));
        TrafficShift shift = section.choice("trafficShift", TrafficShift.class, TrafficShift.CANARY_10_PERCENT_5_MINUTES);
        int wait = section.integer("terminationWaitMinutes", 5, 0, MAX_TERMINATION_WAIT_MINUTES);
        int threshold = section.integer("rollbackFiveXxThreshold", 10, 1, 100_000);
        int minutes = section.integer("rollbackEvaluationMinutes", 2, 1, 60);
        boolean observed = section.optionalString(LIVE_TARGET_GROUP).isPresent();
        TargetGroupColor live = section.choice(LIVE_TARGET_GROUP, TargetGroupColor.class, TargetGroupColor.BLUE);
        if (strategy == DeploymentStrategy.BLUE_GREEN && !observed) {
            section.problems().add(section.key(LIVE_TARGET_GROUP), null, "is required with strategy blueGreen: blue "
                    + "or green, whichever serves production now (CodeDeploy alternates them). Deploy and preview with "
                    + "'scripts/deploy-image.sh up|preview <stack>', which reads it from AWS; never commit it");
        }
        section.rejectUnknownKeys();
        return new DeploymentSettings(strategy, shift, wait, threshold, minutes, live);
    }
}
