package com.storefront.config;

import java.util.List;
import java.util.Optional;

/**
 * The API service on ECS Fargate behind the ALB (SVC-1..SVC-10), validated.
 *
 * @param command               container command; set only for the default placeholder image, never for
 *                              the team's image (it runs as built)
 * @param requestsPerTarget     ALB requests per target to track; 0 turns that policy off
 * @param dbConnectionsPerTask  Aurora connections per task to track; 0 turns that policy off
 * @param stepScaling           add the step policies (out at >= 70 % CPU, in at <= 30 %)
 * @param containerHealthCheck  optional ECS container health check command; by default only the ALB
 *                              health check gates tasks, so nothing is required inside the image
 */
public record ServiceSettings(
        String image,
        Optional<List<String>> command,
        int containerPort,
        int cpu,
        int memory,
        int minTasks,
        int maxTasks,
        int cpuTargetPercent,
        int requestsPerTarget,
        int dbConnectionsPerTask,
        boolean stepScaling,
        int stepScaleOutPercent,
        int stepScaleInPercent,
        int scaleOutCooldownSeconds,
        int scaleInCooldownSeconds,
        CapacityStrategy capacity,
        boolean executeCommand,
        int healthCheckGraceSeconds,
        int healthCheckIntervalSeconds,
        int unhealthyThreshold,
        int deregistrationDelaySeconds,
        int idleTimeoutSeconds,
        int ecrKeepImages,
        TlsSettings tls,
        Optional<List<String>> containerHealthCheck) {

    /** The public image a stack runs until the team configures its own (with {@link #command()}). */
    public static final String PLACEHOLDER_IMAGE = "public.ecr.aws/docker/library/node:22-alpine";

    /** How tasks split between on-demand Fargate and Fargate Spot. */
    public record CapacityStrategy(int fargateBase, int fargateWeight, int spotWeight) {
    }

    /**
     * The ALB's TLS mode (SVC-5). With {@code domainName}: HTTPS with {@code certificateArn}, or with a
     * DNS-validated certificate when only {@code hostedZoneId} is given; the name points at the ALB
     * (in the hosted zone when given) and is CloudFront's origin. Without: only CloudFront may reach
     * the ALB, over HTTP, carrying the origin secret in a header.
     */
    public record TlsSettings(Optional<String> certificateArn, Optional<String> domainName,
                              Optional<String> hostedZoneId) {

        public boolean https() {
            return domainName.isPresent();
        }

        /** Whether the program requests and DNS-validates the certificate itself. */
        public boolean issuesCertificate() {
            return domainName.isPresent() && certificateArn.isEmpty();
        }
    }

    public boolean usesDefaultImage() {
        return command.isPresent();
    }
}
