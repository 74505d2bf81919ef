package com.storefront.config;

import java.util.List;
import java.util.Optional;

/**
 * The API service on ECS Fargate behind the ALB (SVC-1..SVC-10), validated.
 *
 * @param command               container command; set only for the default placeholder image
 * @param requestsPerTarget     ALB requests per target to track; 0 turns that policy off
 * @param dbConnectionsPerTask  Aurora connections per task to track; 0 turns that policy off
 * @param stepScaling           add the step policies (out at >= 70 % CPU, in at <= 30 %)
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
        TlsSettings tls) {

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
