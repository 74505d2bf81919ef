package com.storefront.service;

import com.pulumi.aws.appautoscaling.Policy;
import com.pulumi.aws.appautoscaling.Target;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.codedeploy.Application;
import com.pulumi.aws.codedeploy.DeploymentGroup;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.lb.TargetGroup;
import com.storefront.plan.Json;
import com.storefront.plan.Registered;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SVC-7 (CodeDeploy blue/green, rollback alarm) and SVC-8 (autoscaling). */
class ScalingAndDeploymentTest {

    private static final String POLICY = Types.of(Policy.class);

    @Test
    void scalingTargetAddressesTheServiceByClusterAndServiceName() {
        StackRun run = Stacks.prod();
        Registered target = run.one(Types.of(Target.class), "api-scaling-target");
        assertEquals("ecs", target.string("serviceNamespace"));
        assertEquals("ecs:service:DesiredCount", target.string("scalableDimension"));
        assertEquals("service/storefront-cluster-prod/storefront-api-prod", target.string("resourceId"));
        assertEquals(2.0, target.number("minCapacity"));
        assertEquals(10.0, target.number("maxCapacity"));
        assertTrue(target.dependencies()
                .contains(run.one(Types.of(Service.class), "api-service").urn()));
    }

    @Test
    void cpuTargetTrackingIsAlwaysOn() {
        Registered cpu = Stacks.prod().one(POLICY, "api-scale-cpu");
        assertEquals("TargetTrackingScaling", cpu.string("policyType"));
        assertEquals(
                Map.of("predefinedMetricType", "ECSServiceAverageCPUUtilization"),
                cpu.map("targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification"));
        assertEquals(70.0, cpu.number("targetTrackingScalingPolicyConfiguration.targetValue"));
        assertEquals(300.0, cpu.number("targetTrackingScalingPolicyConfiguration.scaleInCooldown"));
        assertEquals(60.0, cpu.number("targetTrackingScalingPolicyConfiguration.scaleOutCooldown"));
        assertEquals(
                List.of("api-scale-cpu"),
                Stacks.prod().ofType(POLICY).stream().map(Registered::name).toList(),
                "the optional policies are off by default");
    }

    @Test
    void requestsPerTargetTracksTheBlueTargetGroup() {
        StackRun run = Stacks.devWithCertificate();
        Registered requests = run.one(POLICY, "api-scale-requests");
        Map<String, Object> spec =
                requests.map("targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification");
        assertEquals("ALBRequestCountPerTarget", spec.get("predefinedMetricType"));
        assertTrue(
                spec.get("resourceLabel")
                        .toString()
                        .matches("app/storefront-alb-dev/[0-9a-f]{16}/targetgroup/storefront-blue-dev/[0-9a-f]{16}"),
                String.valueOf(spec.get("resourceLabel")));
        assertEquals(500.0, requests.number("targetTrackingScalingPolicyConfiguration.targetValue"));
    }

    /** SVC-8 under blue/green: requests at the ALB per running task, whichever target group is live. */
    @Test
    void requestsPerTaskUnderBlueGreenFollowNoTargetGroup() {
        StackRun run = StackRun.ofStackFile(
                Stacks.PROD_FILE,
                Map.of("storefront:scaling", "{\"minTasks\":2,\"maxTasks\":10,\"requestsPerTarget\":800}"));
        Registered policy = run.one(POLICY, "api-scale-requests");
        assertEquals(800.0, policy.number("targetTrackingScalingPolicyConfiguration.targetValue"));
        assertTrue(
                policy.input("targetTrackingScalingPolicyConfiguration.predefinedMetricSpecification")
                        .isEmpty(),
                "ALBRequestCountPerTarget names one target group; CodeDeploy moves traffic to the other");
        List<Object> metrics =
                policy.list("targetTrackingScalingPolicyConfiguration.customizedMetricSpecification.metrics");
        String all = String.valueOf(metrics);
        assertTrue(
                all.contains("RequestCount") && all.contains("AWS/ApplicationELB") && all.contains("RunningTaskCount"),
                all);
        assertTrue(
                all.contains(String.valueOf(run.one(Types.of(com.pulumi.aws.lb.LoadBalancer.class), "load-balancer-alb")
                        .outputs()
                        .get("arnSuffix"))),
                "the LoadBalancer dimension: " + all);
        assertFalse(all.contains("targetgroup"), all);
        assertTrue(all.contains("requests / tasks"), all);
    }

    @Test
    void dbConnectionsPerTaskUsesMetricMath() {
        Registered policy = Stacks.devWithCertificate().one(POLICY, "api-scale-db-connections");
        List<Object> metrics =
                policy.list("targetTrackingScalingPolicyConfiguration.customizedMetricSpecification.metrics");
        assertEquals(3, metrics.size());
        assertEquals(
                Map.of(
                        "id",
                        "connections",
                        "returnData",
                        false,
                        "metricStat",
                        Map.of(
                                "stat",
                                "Sum",
                                "metric",
                                Map.of(
                                        "namespace",
                                        "AWS/RDS",
                                        "metricName",
                                        "DatabaseConnections",
                                        "dimensions",
                                        List.of(Map.of(
                                                "name", "DBClusterIdentifier", "value", "storefront-aurora-dev"))))),
                metrics.get(0));
        assertEquals(
                "ECS/ContainerInsights",
                policy.string(
                        "targetTrackingScalingPolicyConfiguration.customizedMetricSpecification.metrics.1.metricStat.metric.namespace"));
        assertEquals(
                Map.of(
                        "id",
                        "perTask",
                        "expression",
                        "connections / tasks",
                        "label",
                        "Aurora connections per task",
                        "returnData",
                        true),
                metrics.get(2));
        assertEquals(20.0, policy.number("targetTrackingScalingPolicyConfiguration.targetValue"));
    }

    @Test
    void stepPoliciesScaleOutAt70AndInAt30() {
        StackRun run = Stacks.devWithCertificate();
        assertEquals(
                true,
                run.one(POLICY, "api-scale-cpu")
                        .input("targetTrackingScalingPolicyConfiguration.disableScaleIn")
                        .orElseThrow(),
                "step policies own scale-in");
        Registered out = run.one(POLICY, "api-scale-step-out");
        assertEquals("StepScaling", out.string("policyType"));
        assertEquals(
                List.of(Map.of("metricIntervalLowerBound", "0", "scalingAdjustment", 1.0)),
                out.list("stepScalingPolicyConfiguration.stepAdjustments"));
        Registered in = run.one(POLICY, "api-scale-step-in");
        assertEquals(
                List.of(Map.of("metricIntervalUpperBound", "0", "scalingAdjustment", -1.0)),
                in.list("stepScalingPolicyConfiguration.stepAdjustments"));

        Registered high = run.one(Types.of(MetricAlarm.class), "api-scale-step-out-alarm");
        assertEquals(70.0, high.number("threshold"));
        assertEquals("GreaterThanOrEqualToThreshold", high.string("comparisonOperator"));
        assertEquals(
                Map.of("ClusterName", "storefront-cluster-dev", "ServiceName", "storefront-api-dev"),
                high.map("dimensions"));
        assertTrue(high.list("alarmActions").get(0).toString().contains("policyName/storefront-api-step-out-dev"));
        Registered low = run.one(Types.of(MetricAlarm.class), "api-scale-step-in-alarm");
        assertEquals(30.0, low.number("threshold"));
        assertEquals("LessThanOrEqualToThreshold", low.string("comparisonOperator"));
        assertTrue(low.list("alarmActions").get(0).toString().contains("policyName/storefront-api-step-in-dev"));
    }

    @Test
    void rollbackAlarmWatchesTargetFiveXxOnThisAlb() {
        StackRun run = Stacks.prod();
        Registered alarm = run.one(Types.of(MetricAlarm.class), "api-5xx-alarm");
        assertEquals("AWS/ApplicationELB", alarm.string("namespace"));
        assertEquals("HTTPCode_Target_5XX_Count", alarm.string("metricName"));
        String albName = run.one(Types.of(com.pulumi.aws.lb.LoadBalancer.class), "load-balancer-alb")
                .string("name");
        assertTrue(
                alarm.string("dimensions.LoadBalancer").matches("app/" + albName + "/[0-9a-f]{16}"),
                "the ARN suffix, not the ARN");
        assertEquals("Sum", alarm.string("statistic"));
        assertEquals(10.0, alarm.number("threshold"));
        assertEquals(60.0, alarm.number("period"));
        assertEquals("notBreaching", alarm.string("treatMissingData"));
    }

    @Test
    void codeDeployRunsACanaryWithAlarmRollbackOverBothTargetGroups() {
        StackRun run = Stacks.prod();
        Registered app = run.one(Types.of(Application.class), "api-codedeploy-app");
        assertEquals("ECS", app.string("computePlatform"));
        Registered group = run.one(Types.of(DeploymentGroup.class), "api-codedeploy-group");
        assertEquals(app.string("name"), group.string("appName"));
        assertEquals("CodeDeployDefault.ECSCanary10Percent5Minutes", group.string("deploymentConfigName"));
        assertEquals(
                Map.of("deploymentOption", "WITH_TRAFFIC_CONTROL", "deploymentType", "BLUE_GREEN"),
                group.map("deploymentStyle"));
        assertEquals(
                Map.of("clusterName", "storefront-cluster-prod", "serviceName", "storefront-api-prod"),
                group.map("ecsService"));
        assertEquals(
                List.of(Map.of("name", "storefront-blue-prod"), Map.of("name", "storefront-green-prod")),
                group.list("loadBalancerInfo.targetGroupPairInfo.targetGroups"));
        assertEquals(
                List.of(run.output("albProductionListenerArn")),
                group.list("loadBalancerInfo.targetGroupPairInfo.prodTrafficRoute.listenerArns"));
        assertEquals(
                List.of(run.output("albTestListenerArn")),
                group.list("loadBalancerInfo.targetGroupPairInfo.testTrafficRoute.listenerArns"));
        assertEquals(
                Map.of("enabled", true, "events", List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM")),
                group.map("autoRollbackConfiguration"));
        assertEquals(
                Map.of("enabled", true, "alarms", List.of("storefront-api-target-5xx-prod")),
                group.map("alarmConfiguration"));
        assertEquals(
                Map.of(
                        "deploymentReadyOption",
                        Map.of("actionOnTimeout", "CONTINUE_DEPLOYMENT"),
                        "terminateBlueInstancesOnDeploymentSuccess",
                        Map.of("action", "TERMINATE", "terminationWaitTimeInMinutes", 5.0)),
                group.map("blueGreenDeploymentConfig"));

        Registered role = run.one(Types.of(Role.class), "api-codedeploy-role");
        assertEquals(group.string("serviceRoleArn"), "arn:aws:iam::123456789012:role/" + role.string("name"));
        assertEquals(
                Map.of("Service", "codedeploy.amazonaws.com"),
                Json.statements(Json.parse(role.string("assumeRolePolicy")))
                        .get(0)
                        .get("Principal"));
        Registered attachment = run.one(Types.of(RolePolicyAttachment.class), "api-codedeploy-role-policy");
        assertEquals("arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS", attachment.string("policyArn"));
        assertTrue(group.dependencies().contains(attachment.urn()));
        assertEquals("storefront-api-prod", run.output("codeDeployApplication"));
        assertEquals("storefront-api-blue-green-prod", run.output("codeDeployDeploymentGroup"));
    }

    @Test
    void rollingStacksHaveNoCodeDeploy() {
        StackRun run = Stacks.dev();
        assertTrue(run.ofType(Types.of(DeploymentGroup.class)).isEmpty());
        assertEquals(1, run.ofType(Types.of(TargetGroup.class)).size());
        assertTrue(run.outputs().keySet().stream().noneMatch(k -> k.startsWith("codeDeploy")));
    }
}
