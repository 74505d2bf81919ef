package com.storefront.service;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.PolicyArgs;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.appautoscaling.TargetArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyStepScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyStepScalingPolicyConfigurationStepAdjustmentArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs;
import com.pulumi.aws.appautoscaling.inputs.PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.config.ScalingSettings;
import com.storefront.core.ChildNames;
import com.storefront.naming.Naming;
import com.storefront.observability.AlarmSpec;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Application Auto Scaling for the service (SVC-8): CPU target tracking always; optionally ALB
 * requests per target, Aurora connections per task (metric math), and explicit step policies.
 */
final class ServiceScaling {

    static final String NAMESPACE = "ecs";
    static final String DIMENSION = "ecs:service:DesiredCount";

    private ServiceScaling() {}

    /**
     * @param requestCountLabel the blue target group's label (rolling: the one group there is)
     * @param blueGreen         whether CodeDeploy alternates traffic between blue and green: requests are then
     *                          counted at the ALB and divided by running tasks, the same figure whichever group is live
     */
    static void create(
            ScalingSettings settings,
            Naming naming,
            Output<String> clusterName,
            Service service,
            Output<String> requestCountLabel,
            Output<String> albArnSuffix,
            boolean blueGreen,
            Output<String> dbClusterIdentifier,
            CustomResourceOptions child) {
        Output<String> resourceId =
                Output.tuple(clusterName, service.name()).applyValue(t -> "service/" + t.t1 + "/" + t.t2);
        Target target = new Target(
                ChildNames.of(child, "scaling-target"),
                TargetArgs.builder()
                        .serviceNamespace(NAMESPACE)
                        .scalableDimension(DIMENSION)
                        // Cluster and service names (not ARNs) in a fixed format; taken from the service, so it exists
                        // first.
                        .resourceId(resourceId)
                        .minCapacity(settings.minTasks())
                        .maxCapacity(settings.maxTasks())
                        .build(),
                child);

        trackingPolicy(
                "scale-cpu",
                naming.name("api-cpu"),
                target,
                settings,
                settings.cpuTargetPercent(),
                Output.of(predefined("ECSServiceAverageCPUUtilization", null)),
                settings.stepScaling(),
                child);
        if (settings.requestsPerTarget() > 0) {
            Output<?> metric = blueGreen
                    ? requestsPerTask(albArnSuffix, clusterName, service)
                    : requestCountLabel.applyValue(label -> predefined("ALBRequestCountPerTarget", label));
            trackingPolicy(
                    "scale-requests",
                    naming.name("api-requests"),
                    target,
                    settings,
                    settings.requestsPerTarget(),
                    metric,
                    false,
                    child);
        }
        if (settings.dbConnectionsPerTask() > 0) {
            trackingPolicy(
                    "scale-db-connections",
                    naming.name("api-db-connections"),
                    target,
                    settings,
                    settings.dbConnectionsPerTask(),
                    dbConnectionsPerTask(dbClusterIdentifier, clusterName, service),
                    false,
                    child);
        }
        if (settings.stepScaling()) {
            stepPolicies(settings, naming, target, clusterName, service, child);
        }
    }

    /** A target-tracking policy; {@code metric} resolves to a predefined or a customized metric spec. */
    private static void trackingPolicy(
            String logicalName,
            String name,
            Target target,
            ScalingSettings settings,
            double targetValue,
            Output<?> metric,
            boolean disableScaleIn,
            CustomResourceOptions options) {
        Output<PolicyTargetTrackingScalingPolicyConfigurationArgs> config = metric.applyValue(m -> {
            PolicyTargetTrackingScalingPolicyConfigurationArgs.Builder builder =
                    PolicyTargetTrackingScalingPolicyConfigurationArgs.builder()
                            .targetValue(targetValue)
                            .scaleInCooldown(settings.scaleInCooldownSeconds())
                            .scaleOutCooldown(settings.scaleOutCooldownSeconds())
                            // With step policies on, they own scale-in so the two do not fight.
                            .disableScaleIn(disableScaleIn);
            if (m instanceof PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs p) {
                builder.predefinedMetricSpecification(p);
            } else {
                builder.customizedMetricSpecification(
                        (PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs) m);
            }
            return builder.build();
        });
        new Policy(
                ChildNames.of(options, logicalName),
                policyArgs(name, target, "TargetTrackingScaling")
                        .targetTrackingScalingPolicyConfiguration(config)
                        .build(),
                options);
    }

    private static PolicyArgs.Builder policyArgs(String name, Target target, String type) {
        return PolicyArgs.builder()
                .name(name)
                .policyType(type)
                .serviceNamespace(target.serviceNamespace())
                .scalableDimension(target.scalableDimension())
                .resourceId(target.resourceId());
    }

    private static PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs predefined(
            String type, String resourceLabel) {
        PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs.Builder spec =
                PolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecificationArgs.builder()
                        .predefinedMetricType(type);
        if (resourceLabel != null) {
            spec.resourceLabel(resourceLabel);
        }
        return spec.build();
    }

    /**
     * ALB requests per minute divided by running tasks: what ALBRequestCountPerTarget measures, without
     * naming a target group, so it holds on both sides of a blue/green deployment (SVC-8).
     */
    private static Output<PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs>
            requestsPerTask(Output<String> albArnSuffix, Output<String> clusterName, Service service) {
        return perTask(
                "requests",
                "AWS/ApplicationELB",
                "RequestCount",
                "LoadBalancer",
                albArnSuffix,
                "ALB requests per running task",
                clusterName,
                service);
    }

    /** Aurora connections divided by running tasks: the average each task holds open. */
    private static Output<PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs>
            dbConnectionsPerTask(Output<String> dbClusterIdentifier, Output<String> clusterName, Service service) {
        // Sum: the cluster-level metric averages over writer and readers otherwise.
        return perTask(
                "connections",
                "AWS/RDS",
                "DatabaseConnections",
                "DBClusterIdentifier",
                dbClusterIdentifier,
                "Aurora connections per task",
                clusterName,
                service);
    }

    /** A metric's per-minute sum divided by the service's running tasks (Container Insights), by metric math. */
    private static Output<PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs> perTask(
            String id,
            String namespace,
            String name,
            String dimension,
            Output<String> dimensionValue,
            String label,
            Output<String> clusterName,
            Service service) {
        return Output.tuple(dimensionValue, clusterName, service.name())
                .applyValue(t ->
                        PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationArgs.builder()
                                .metrics(
                                        metric(id, namespace, name, "Sum", Map.of(dimension, t.t1)),
                                        metric(
                                                "tasks",
                                                "ECS/ContainerInsights",
                                                "RunningTaskCount",
                                                "Average",
                                                Map.of("ClusterName", t.t2, "ServiceName", t.t3)),
                                        PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs
                                                .builder()
                                                .id("perTask")
                                                .expression(id + " / tasks")
                                                .label(label)
                                                .returnData(true)
                                                .build())
                                .build());
    }

    private static PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs metric(
            String id, String namespace, String name, String stat, Map<String, String> dimensions) {
        return PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricArgs.builder()
                .id(id)
                .returnData(false)
                .metricStat(
                        PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatArgs
                                .builder()
                                .stat(stat)
                                .metric(
                                        PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricArgs
                                                .builder()
                                                .namespace(namespace)
                                                .metricName(name)
                                                .dimensions(new TreeMap<>(dimensions)
                                                        .entrySet().stream()
                                                                .map(e ->
                                                                        PolicyTargetTrackingScalingPolicyConfigurationCustomizedMetricSpecificationMetricMetricStatMetricDimensionArgs
                                                                                .builder()
                                                                                .name(e.getKey())
                                                                                .value(e.getValue())
                                                                                .build())
                                                                .toList())
                                                .build())
                                .build())
                .build();
    }

    /** Explicit thresholds: +1 task at or above the out threshold, -1 at or below the in threshold. */
    private static void stepPolicies(
            ScalingSettings settings,
            Naming naming,
            Target target,
            Output<String> clusterName,
            Service service,
            CustomResourceOptions options) {
        Policy out = new Policy(
                ChildNames.of(options, "scale-step-out"),
                policyArgs(naming.name("api-step-out"), target, "StepScaling")
                        .stepScalingPolicyConfiguration(step(1, settings.scaleOutCooldownSeconds()))
                        .build(),
                options);
        Policy in = new Policy(
                ChildNames.of(options, "scale-step-in"),
                policyArgs(naming.name("api-step-in"), target, "StepScaling")
                        .stepScalingPolicyConfiguration(step(-1, settings.scaleInCooldownSeconds()))
                        .build(),
                options);
        Output<Map<String, String>> dimensions = Output.tuple(clusterName, service.name())
                .applyValue(t -> Map.of("ClusterName", t.t1, "ServiceName", t.t2));
        cpuAlarm(
                "scale-step-out-alarm",
                naming.name("api-cpu-high-scale-out"),
                "GreaterThanOrEqualToThreshold",
                settings.stepScaleOutPercent(),
                dimensions,
                out,
                options);
        cpuAlarm(
                "scale-step-in-alarm",
                naming.name("api-cpu-low-scale-in"),
                "LessThanOrEqualToThreshold",
                settings.stepScaleInPercent(),
                dimensions,
                in,
                options);
    }

    private static PolicyStepScalingPolicyConfigurationArgs step(int adjustment, int cooldown) {
        PolicyStepScalingPolicyConfigurationStepAdjustmentArgs.Builder step =
                PolicyStepScalingPolicyConfigurationStepAdjustmentArgs.builder().scalingAdjustment(adjustment);
        // The interval is relative to the alarm threshold: above it to scale out, below it to scale in.
        if (adjustment > 0) {
            step.metricIntervalLowerBound("0");
        } else {
            step.metricIntervalUpperBound("0");
        }
        return PolicyStepScalingPolicyConfigurationArgs.builder()
                .adjustmentType("ChangeInCapacity")
                .cooldown(cooldown)
                .metricAggregationType("Average")
                .stepAdjustments(List.of(step.build()))
                .build();
    }

    private static void cpuAlarm(
            String logicalName,
            String name,
            String comparison,
            int threshold,
            Output<Map<String, String>> dimensions,
            Policy policy,
            CustomResourceOptions options) {
        new AlarmSpec(
                        logicalName,
                        name,
                        "Step scaling trigger for the Storefront API (service CPU " + comparison + " " + threshold
                                + "%)",
                        "AWS/ECS",
                        "CPUUtilization",
                        dimensions,
                        "Average",
                        60,
                        3,
                        Optional.empty(),
                        comparison,
                        threshold,
                        // No data means no load to react to.
                        "notBreaching",
                        policy.arn(),
                        false)
                .create(options);
    }
}
