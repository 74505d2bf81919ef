package com.storefront.config;

import java.util.List;
import java.util.Optional;

/**
 * The API's task and ECS service (SVC-1..SVC-4, SVC-10), validated.
 *
 * @param command              container command; set only for the default placeholder image, never for
 *                             the team's image (it runs as built)
 * @param containerHealthCheck optional ECS container health check command; by default only the ALB
 *                             health check gates tasks, so nothing is required inside the image
 */
public record TaskSettings(
        String image,
        Optional<List<String>> command,
        int containerPort,
        int cpu,
        int memory,
        CapacityStrategy capacity,
        boolean executeCommand,
        int healthCheckGraceSeconds,
        int ecrKeepImages,
        Optional<List<String>> containerHealthCheck) {

    /** The public image a stack runs until the team configures its own (with {@link #command()}). */
    public static final String PLACEHOLDER_IMAGE = "public.ecr.aws/docker/library/node:22-alpine";

    /** How tasks split between on-demand Fargate and Fargate Spot. */
    public record CapacityStrategy(int fargateBase, int fargateWeight, int spotWeight) {}

    public boolean usesDefaultImage() {
        return command.isPresent();
    }
}
