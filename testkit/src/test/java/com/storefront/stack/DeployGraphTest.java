package com.storefront.stack;

import com.pulumi.aws.cloudfront.VpcOrigin;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterInstance;
import com.storefront.plan.DeployEstimate;
import com.storefront.plan.Registered;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PERF-1: the first deploy is bounded by the slowest managed service, not a serial chain. Nothing
 * depends on a whole component, and tiers that do not consume the database's or cache's outputs
 * do not wait for them.
 */
class DeployGraphTest {

    /** Resources that take ~10-17 minutes to create. */
    private static final Set<String> SLOW =
            Set.of(Types.of(Cluster.class), Types.of(ClusterInstance.class), Types.of(ReplicationGroup.class));
    /** Components that consume no database or cache output. */
    private static final Set<String> INDEPENDENT = Set.of(
            "storefront:network:Network",
            "storefront:security:Encryption",
            "storefront:edge:LogBucket",
            "storefront:service:Registry",
            "storefront:service:LoadBalancer",
            "storefront:edge:Waf",
            "storefront:edge:StaticAssets",
            "storefront:edge:Cdn",
            "storefront:api:ApiGateway",
            "storefront:observability:Alerts",
            "storefront:observability:Monitoring");

    @Test
    void nothingDependsOnAWholeComponent() {
        for (StackRun run : List.of(Stacks.dev(), Stacks.prod())) {
            Set<String> components = run.where(r -> r.type().startsWith("storefront:")).stream()
                    .map(Registered::urn)
                    .collect(Collectors.toSet());
            for (Registered r : run.resources()) {
                assertTrue(r.dependencies().stream().noneMatch(components::contains), r + " depends on a component");
            }
        }
    }

    @Test
    void tiersThatDoNotConsumeDataOutputsDoNotWaitForTheData() {
        for (StackRun run : List.of(Stacks.dev(), Stacks.prod())) {
            Map<String, Registered> byUrn =
                    run.resources().stream().collect(Collectors.toMap(Registered::urn, Function.identity()));
            for (Registered r : run.where(Registered::custom)) {
                Registered component = run.componentOf(r);
                if (component == null || !INDEPENDENT.contains(component.type())) {
                    continue;
                }
                Set<String> waitsFor =
                        closure(r, byUrn).stream().map(Registered::type).collect(Collectors.toSet());
                assertTrue(
                        waitsFor.stream().noneMatch(SLOW::contains),
                        r + " in " + component.type() + " waits for Aurora or ElastiCache");
            }
        }
    }

    @Test
    void theServiceWaitsForTheDataItConsumesButNotForAuroraInstances() {
        StackRun run = Stacks.prod();
        Map<String, Registered> byUrn =
                run.resources().stream().collect(Collectors.toMap(Registered::urn, Function.identity()));
        Set<String> waitsFor = closure(run.one(Types.of(TaskDefinition.class), "api-task"), byUrn).stream()
                .map(Registered::type)
                .collect(Collectors.toSet());
        assertTrue(waitsFor.contains(Types.of(Cluster.class)), "the task needs the cluster endpoint");
        assertTrue(waitsFor.contains(Types.of(ReplicationGroup.class)));
        assertTrue(!waitsFor.contains(Types.of(ClusterInstance.class)), "instances come up in parallel");
    }

    /**
     * PERF-1 (issue 16): without the cache nothing on the critical path waits for ElastiCache, and a stack
     * that does not wait for CloudFront's global rollout deploys in under 15 minutes by the estimate.
     */
    @Test
    void withoutTheCacheTheFirstDeployTakesUnderFifteenMinutes() {
        StackRun prodNoWait = StackRun.ofStackFile(
                Stacks.PROD_FILE,
                Map.of("storefront:cache", "{\"enabled\":false}", "storefront:edge", "{\"waitForDeployment\":false}"));
        for (StackRun run : List.of(Stacks.devWithoutCache(), prodNoWait)) {
            DeployEstimate estimate = DeployEstimate.of(run.plan());
            assertTrue(estimate.minutes() < 15, estimate.toString());
            assertTrue(
                    estimate.criticalPath().stream().noneMatch(step -> step.contains("elasticache")),
                    estimate.toString());
            // What is left is the private edge: the ALB, its VPC origin, then the distribution that uses it.
            assertEquals(
                    "aws:lb/loadBalancer:LoadBalancer load-balancer-alb (3 min)",
                    estimate.criticalPath().get(0),
                    estimate.toString());
            assertTrue(estimate.criticalPath().get(1).startsWith(Types.of(VpcOrigin.class)), estimate.toString());
        }
    }

    /** With the cache, ElastiCache bounds the deploy; the prod default waits for CloudFront's rollout on top. */
    @Test
    void theEstimateNamesWhatBoundsEachCommittedStack() {
        DeployEstimate dev = DeployEstimate.of(Stacks.dev().plan());
        assertTrue(dev.criticalPath().get(0).startsWith(Types.of(ReplicationGroup.class)), dev.toString());
        DeployEstimate prodNoCache = DeployEstimate.of(
                StackRun.ofStackFile(Stacks.PROD_FILE, Map.of("storefront:cache", "{\"enabled\":false}"))
                        .plan());
        assertTrue(
                prodNoCache
                        .criticalPath()
                        .contains("aws:cloudfront/distribution:Distribution cdn-distribution (5 min)"),
                prodNoCache.toString());
        assertTrue(prodNoCache.minutes() > 15, "waiting for the rollout costs its minutes: " + prodNoCache);
    }

    private static Set<Registered> closure(Registered start, Map<String, Registered> byUrn) {
        Set<Registered> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(start.dependencies());
        while (!todo.isEmpty()) {
            Registered next = byUrn.get(todo.pop());
            if (next != null && seen.add(next)) {
                todo.addAll(next.dependencies());
            }
        }
        return seen;
    }
}
