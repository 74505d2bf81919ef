package com.storefront.stack;

import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerRule;
import com.storefront.plan.ChangeImpact;
import com.storefront.plan.Json;
import com.storefront.plan.PlanMocks;
import com.storefront.plan.PlanRun;
import com.storefront.plan.Registered;
import com.storefront.plan.ReplacementRules;
import com.storefront.plan.StackConfig;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Day 2 of a stack's release path (REL-1, REL-2): the program runs with config A, then with config B,
 * and the change impact says what `pulumi up` would touch (inputs under ignoreChanges excepted, as
 * the engine keeps their old values).
 */
class ReleaseLifecycleTest {

    private static final String TASK = Types.of(TaskDefinition.class);
    private static final String SERVICE = Types.of(Service.class);
    private static final String LISTENER = Types.of(Listener.class);
    private static final String RULE = Types.of(ListenerRule.class);

    /**
     * What `pulumi up` would touch going from one run to the other (the offline change impact), by
     * "type name" with the inputs that change; created resources as "+type name", deleted as "-type name".
     */
    private static Map<String, SortedSet<String>> changes(StackRun before, StackRun after) {
        ChangeImpact impact = ChangeImpact.between(before.plan(), after.plan(), ReplacementRules.load());
        Map<String, SortedSet<String>> named = new TreeMap<>();
        for (ChangeImpact.Change change : impact.changes()) {
            String label = change.type() + " " + change.name();
            switch (change.action()) {
                case CREATE -> named.put("+" + label, new TreeSet<>());
                case DELETE -> named.put("-" + label, new TreeSet<>());
                default ->
                    named.put(
                            label,
                            change.inputs().stream()
                                    .map(ChangeImpact.InputChange::name)
                                    .collect(Collectors.toCollection(TreeSet::new)));
            }
        }
        return named;
    }

    private static Map<String, Object> container(StackRun run) {
        return (Map<String, Object>) Json.parseList(run.one(TASK, "api-task").string("containerDefinitions"))
                .get(0);
    }

    @Test
    void aReleaseChangesOnlyTheRevisionAndTheRollingServicePointsAtIt() {
        StackRun placeholder = Stacks.dev();
        StackRun released = Stacks.devReleased();
        assertEquals(
                Map.of(
                        TASK + " api-task", new TreeSet<>(Set.of("containerDefinitions")),
                        SERVICE + " api-service", new TreeSet<>(Set.of("taskDefinition"))),
                changes(placeholder, released));
        Map<String, Object> container = container(released);
        assertEquals(Stacks.RELEASED_IMAGE, container.get("image"));
        assertFalse(container.containsKey("command"), "the placeholder's command never reaches the team's image");
        assertFalse(container.containsKey("healthCheck"));
        assertEquals(
                released.output("taskDefinitionArn"),
                released.one(SERVICE, "api-service").string("taskDefinition"));
    }

    @Test
    void anUnrelatedCiRunLeavesTheReleasedImageRunning() {
        // The image is stack config: the next CI `up` from main deploys the same revision again.
        StackRun released = Stacks.devReleased();
        StackRun thresholdChanged = StackRun.of(StackRun.stackFile(Stacks.DEV_FILE)
                .withPath("storefront:service", "image", Stacks.RELEASED_IMAGE)
                .withPath("storefront:alerts", "ecsCpuPercent", 75));
        assertEquals(
                Map.of(
                        "aws:cloudwatch/metricAlarm:MetricAlarm monitoring-alarm-ecs-cpu",
                        new TreeSet<>(Set.of("alarmDescription", "threshold"))),
                changes(released, thresholdChanged));
        assertEquals(released.output("taskDefinitionArn"), thresholdChanged.output("taskDefinitionArn"));

        StackRun prodReleased = StackRun.of(
                StackRun.stackFile(Stacks.PROD_FILE).withPath("storefront:service", "image", Stacks.PRIVATE_IMAGE));
        StackRun prodThreshold = StackRun.of(StackRun.stackFile(Stacks.PROD_FILE)
                .withPath("storefront:service", "image", Stacks.PRIVATE_IMAGE)
                .withPath("storefront:alerts", "ecsCpuPercent", 75));
        assertEquals(
                Set.of("aws:cloudwatch/metricAlarm:MetricAlarm monitoring-alarm-ecs-cpu"),
                changes(prodReleased, prodThreshold).keySet());
        // The rollout tool deploys taskDefinitionArn only when ECS runs something else: same ARN, no deployment.
        assertEquals(prodReleased.output("taskDefinitionArn"), prodThreshold.output("taskDefinitionArn"));
    }

    @Test
    void aBlueGreenReleaseRegistersARevisionAndLeavesTheServiceToCodeDeploy() {
        StackRun before = Stacks.prod();
        StackRun after = StackRun.of(
                StackRun.stackFile(Stacks.PROD_FILE).withPath("storefront:service", "image", Stacks.PRIVATE_IMAGE));
        assertEquals(Map.of(TASK + " api-task", new TreeSet<>(Set.of("containerDefinitions"))), changes(before, after));
        assertTrue(after.one(SERVICE, "api-service").ignoreChanges().contains("taskDefinition"));
        assertFalse(String.valueOf(after.output("codeDeployAppSpecTemplate")).contains("command"));
        assertTrue(
                !before.output("taskDefinitionArn").equals(after.output("taskDefinitionArn")),
                "a new revision for the rollout tool to deploy");
    }

    @Test
    void capacityWeightsChangeTheRollingServiceInPlace() {
        StackRun before = Stacks.devReleased();
        StackRun after = StackRun.of(StackRun.stackFile(Stacks.DEV_FILE)
                .withPath("storefront:service", "image", Stacks.RELEASED_IMAGE)
                .withPath("storefront:service", "spotWeight", 1)
                .withPath("storefront:service", "fargateBase", 1));
        assertEquals(
                Map.of(SERVICE + " api-service", new TreeSet<>(Set.of("capacityProviderStrategies"))),
                changes(before, after));
        // forceNewDeployment turns the provider's replacement into an update (terraform-provider-aws#22408).
        Registered service = after.one(SERVICE, "api-service");
        assertTrue(service.bool("forceNewDeployment"));
        assertTrue(service.bool("waitForSteadyState"));

        // Blue/green: the weights travel in the AppSpec of the next deployment, not through UpdateService.
        StackRun prod = Stacks.prod();
        StackRun prodWeights =
                StackRun.of(StackRun.stackFile(Stacks.PROD_FILE).withPath("storefront:service", "spotWeight", 3));
        assertEquals(Set.of(), changes(prod, prodWeights).keySet());
        assertTrue(
                String.valueOf(prodWeights.output("codeDeployAppSpecTemplate")).contains("\"Weight\": 3"));
    }

    @Test
    void switchingHttpsOnWithGreenLiveForwardsEverythingToGreen() {
        StackRun before = Stacks.prodGreenLive();
        StackRun after = Stacks.prodWithDomainGreenLive();
        Map<String, SortedSet<String>> changes = changes(before, after);
        // The internal ALB becomes internet-facing (a new ALB), so the port-80 listener moves to it as the
        // redirect, the HTTPS listener is new, and the rules move to it; none of them may forward to blue,
        // which has no tasks while green is live.
        assertEquals(
                new TreeSet<>(Set.of("defaultActions", "loadBalancerArn")),
                changes.get(LISTENER + " load-balancer-listener-http"));
        assertEquals(
                new TreeSet<>(Set.of("internal", "subnets")),
                changes.get("aws:lb/loadBalancer:LoadBalancer load-balancer-alb"));
        assertTrue(changes.containsKey("+" + LISTENER + " load-balancer-listener-https"));
        assertTrue(changes.get(RULE + " load-balancer-rule-api").contains("listenerArn"));
        String green = String.valueOf(after.output("greenTargetGroupArn"));
        // Blue stays attached at weight 0 (as CodeDeploy leaves it); no forward gives it traffic.
        assertEquals(Set.of(green), Set.copyOf(com.storefront.service.LoadBalancerTest.forwardTargets(after)));
        assertTrue(String.valueOf(after.one(RULE, "load-balancer-rule-default").list("actions"))
                .contains(green));
        assertEquals(
                Set.of("load-balancer-listener-http", "load-balancer-listener-https", "load-balancer-listener-test"),
                new TreeSet<>(
                        after.ofType(LISTENER).stream().map(Registered::name).toList()));
    }

    @Test
    void whenCodeDeployFlipsTheLiveGroupTheNextUpChangesNoRouting() {
        // After a release green is live; the rollout tool passes that to the next update. The declared
        // forwards follow, which is what CodeDeploy already left in AWS: no traffic moves.
        Map<String, SortedSet<String>> changes = changes(Stacks.prod(), Stacks.prodGreenLive());
        assertEquals(
                Set.of(
                        LISTENER + " load-balancer-listener-test",
                        RULE + " load-balancer-rule-api",
                        RULE + " load-balancer-rule-default",
                        RULE + " load-balancer-rule-partner"),
                changes.keySet());
        assertEquals(
                Set.of(),
                Set.copyOf(
                        changes(Stacks.prodGreenLive(), Stacks.prodGreenLive()).keySet()));
    }

    @Test
    void aRolledBackRollingReleaseFailsTheUpdate() {
        StackConfig released =
                StackRun.stackFile(Stacks.DEV_FILE).withPath("storefront:service", "image", Stacks.RELEASED_IMAGE);
        String previous = "arn:aws:ecs:us-west-2:123456789012:task-definition/storefront-api-dev:41";
        PlanRun run = PlanRun.run(released, new PlanMocks().rollingBack("storefront-api-dev", previous));
        assertFalse(run.succeeded());
        String message = String.valueOf(run.errors().get(0));
        assertTrue(message.contains("ECS rolled the release back"), message);
        assertTrue(message.contains(previous), message);
        assertTrue(
                message.contains(
                        "aws ecs describe-services --cluster storefront-cluster-dev --services storefront-api-dev"),
                message);
    }

    @Test
    void theSameConfigRegistersTheSameRevision() {
        StackConfig config =
                StackRun.stackFile(Stacks.PROD_FILE).withPath("storefront:service", "image", Stacks.PRIVATE_IMAGE);
        assertEquals(
                StackRun.runFresh(config).output("taskDefinitionArn"),
                StackRun.runFresh(config).output("taskDefinitionArn"));
        List<String> ignored = Stacks.prod().one(SERVICE, "api-service").ignoreChanges();
        assertTrue(ignored.containsAll(
                List.of("taskDefinition", "loadBalancers", "serviceRegistries", "capacityProviderStrategies")));
    }
}
