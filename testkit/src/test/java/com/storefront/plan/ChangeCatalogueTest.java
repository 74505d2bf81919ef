package com.storefront.plan;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.rds.Cluster;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * CHG-1: the day-2 changes users make, each run as config A then config B through the real program,
 * with the impact `pulumi up` would have. A wrong classification fails here.
 */
class ChangeCatalogueTest {

    private static final ReplacementRules RULES = ReplacementRules.load();

    private static ChangeImpact impact(StackRun before, StackRun after) {
        return ChangeImpact.between(before.plan(), after.plan(), RULES);
    }

    private static ChangeImpact impact(StackRun before, List<Registered> after) {
        return ChangeImpact.between(before.plan(), new PlanRun(Map.of(), after, List.of(), Map.of()), RULES);
    }

    /** Each change as {@code action type name}. */
    private static Set<String> lines(ChangeImpact impact) {
        return impact.changes().stream()
                .map(c -> c.action().word() + " " + c.type() + " " + c.name())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static StackConfig dev() {
        return StackRun.stackFile(Stacks.DEV_FILE);
    }

    private static StackConfig prod() {
        return StackRun.stackFile(Stacks.PROD_FILE);
    }

    @Test
    void scalingTasksUpdatesTheScalableTargetOnly() {
        ChangeImpact impact = impact(
                Stacks.dev(),
                StackRun.of(dev().withPath("storefront:scaling", "minTasks", 2)
                        .withPath("storefront:scaling", "maxTasks", 6)));
        assertEquals(Set.of("update aws:appautoscaling/target:Target api-scaling-target"), lines(impact));
        // Autoscaling owns the service's desired count (ignored), so the service itself is untouched.
        assertEquals(
                Set.of("maxCapacity", "minCapacity"),
                impact.changes().get(0).inputs().stream()
                        .map(ChangeImpact.InputChange::name)
                        .collect(Collectors.toSet()));
    }

    @Test
    void aNewImageReplacesTheRevisionAndUpdatesTheService() {
        assertEquals(
                Set.of(
                        "replace aws:ecs/taskDefinition:TaskDefinition api-task",
                        "update aws:ecs/service:Service api-service"),
                lines(impact(Stacks.dev(), Stacks.devReleased())));
        // Blue/green: the service's task definition belongs to CodeDeploy; only the revision is new.
        assertEquals(
                Set.of("replace aws:ecs/taskDefinition:TaskDefinition api-task"),
                lines(impact(
                        Stacks.prod(),
                        StackRun.of(prod().withPath("storefront:service", "image", Stacks.PRIVATE_IMAGE)))));
    }

    @Test
    void anAlarmThresholdUpdatesThatAlarm() {
        ChangeImpact impact =
                impact(Stacks.prod(), StackRun.of(prod().withPath("storefront:alerts", "ecsCpuPercent", 75)));
        assertEquals(Set.of("update aws:cloudwatch/metricAlarm:MetricAlarm monitoring-alarm-ecs-cpu"), lines(impact));
        ChangeImpact.InputChange threshold = impact.changes().get(0).inputs().stream()
                .filter(i -> i.name().equals("threshold"))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("85.0", "75.0"), List.of(threshold.before(), threshold.after()));
    }

    @Test
    void aCacheNodeTypeIsAnInPlaceModification() {
        assertEquals(
                Set.of("update aws:elasticache/replicationGroup:ReplicationGroup cache-redis"),
                lines(impact(
                        Stacks.prod(),
                        StackRun.of(prod().withPath("storefront:cache", "nodeType", "cache.r7g.xlarge")))));
    }

    @Test
    void anotherAuroraReaderIsOneNewInstance() {
        assertEquals(
                Set.of("create aws:rds/clusterInstance:ClusterInstance database-aurora-reader-2"),
                lines(impact(Stacks.prod(), StackRun.of(prod().withPath("storefront:database", "readers", 2)))));
    }

    @Test
    void anAuroraMinorVersionUpdatesTheClusterAndItsInstancesInPlace() {
        assertEquals(
                Set.of(
                        "update aws:rds/cluster:Cluster database-aurora",
                        "update aws:rds/clusterInstance:ClusterInstance database-aurora-reader-1",
                        "update aws:rds/clusterInstance:ClusterInstance database-aurora-writer"),
                lines(impact(
                        Stacks.prod(), StackRun.of(prod().withPath("storefront:database", "engineVersion", "16.8")))));
    }

    @Test
    void capacityWeightsUpdateTheRollingServiceInPlace() {
        ChangeImpact impact = impact(Stacks.dev(), StackRun.of(dev().withPath("storefront:service", "spotWeight", 1)));
        assertEquals(Set.of("update aws:ecs/service:Service api-service"), lines(impact));
        // Without forceNewDeployment the provider's CustomizeDiff would replace it (and the fixed name collide).
        List<Registered> withoutForce = withInput(
                StackRun.of(dev().withPath("storefront:service", "spotWeight", 1)),
                Types.of(Service.class),
                "api-service",
                "forceNewDeployment",
                false);
        // ... and with it the scaling target whose resourceId comes from the service, and its policy.
        assertEquals(
                Set.of(
                        "replace aws:ecs/service:Service api-service",
                        "replace aws:appautoscaling/target:Target api-scaling-target",
                        "replace aws:appautoscaling/policy:Policy api-scale-cpu"),
                lines(impact(Stacks.dev(), withoutForce)));
    }

    @Test
    void aRulePriorityIsUpdatedInPlace() {
        // Priorities are code, not config: the change is made to the registrations directly.
        List<Registered> after =
                withInput(Stacks.prod(), Types.of(ListenerRule.class), "load-balancer-rule-api", "priority", 25.0);
        assertEquals(
                Set.of("update aws:lb/listenerRule:ListenerRule load-balancer-rule-api"),
                lines(impact(Stacks.prod(), after)));
    }

    @Test
    void switchingHttpsOnReplacesTheAlbAndItsRoutingAndKeepsTheData() {
        ChangeImpact impact = impact(Stacks.prod(), Stacks.prodWithDomain());
        Set<String> lines = lines(impact);
        // Internal (VPC origin) -> internet-facing (HTTPS on the domain): a new ALB, deleted first (fixed name).
        assertTrue(
                lines.containsAll(Set.of(
                        "replace aws:lb/loadBalancer:LoadBalancer load-balancer-alb",
                        "create aws:lb/listener:Listener load-balancer-listener-https",
                        "create aws:acm/certificate:Certificate load-balancer-alb-certificate",
                        "replace aws:lb/listener:Listener load-balancer-listener-http",
                        "replace aws:lb/listenerRule:ListenerRule load-balancer-rule-api",
                        "replace aws:lb/listenerRule:ListenerRule load-balancer-rule-health",
                        "replace aws:lb/listenerRule:ListenerRule load-balancer-rule-default",
                        "replace aws:wafv2/webAclAssociation:WebAclAssociation waf-alb-web-acl",
                        // In place: a second prefix-list rule beside the first would not fit the group's 60 rules.
                        "update aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule load-balancer-sg-alb-ingress-cloudfront",
                        "delete aws:cloudfront/vpcOrigin:VpcOrigin cdn-alb-vpc-origin",
                        "update aws:cloudfront/distribution:Distribution cdn-distribution")),
                lines.toString());
        assertTrue(impact.endangered().isEmpty());
        ChangeImpact.Change alb = impact.changes().stream()
                .filter(c -> c.name().equals("load-balancer-alb"))
                .findFirst()
                .orElseThrow();
        assertTrue(alb.deleteFirst());
        // The target groups, the service and the security group stay: tasks keep running through the switch.
        assertTrue(
                lines.stream()
                        .noneMatch(l -> l.contains(Types.of(TargetGroup.class))
                                || l.contains(Types.of(Service.class))
                                || l.contains(Types.of(SecurityGroup.class))),
                lines.toString());
    }

    @Test
    void aThirdZoneAddsItsSubnetsAndRoutesAndReplacesNothing() {
        ChangeImpact impact = impact(Stacks.dev(), StackRun.of(dev().withPath("storefront:network", "azCount", 3)));
        assertEquals(
                Set.of(
                        "create aws:ec2/route:Route network-route-app-3-nat",
                        "create aws:ec2/routeTable:RouteTable network-rt-app-3",
                        "create aws:ec2/routeTableAssociation:RouteTableAssociation network-rta-app-3",
                        "create aws:ec2/routeTableAssociation:RouteTableAssociation network-rta-data-3",
                        "create aws:ec2/routeTableAssociation:RouteTableAssociation network-rta-public-3",
                        "create aws:ec2/subnet:Subnet network-subnet-app-3",
                        "create aws:ec2/subnet:Subnet network-subnet-data-3",
                        "create aws:ec2/subnet:Subnet network-subnet-public-3",
                        "update aws:elasticache/subnetGroup:SubnetGroup cache-subnets",
                        "update aws:rds/subnetGroup:SubnetGroup database-db-subnets",
                        "update aws:ec2/vpcEndpoint:VpcEndpoint network-endpoint-s3",
                        "update aws:ecs/service:Service api-service",
                        "update aws:lb/loadBalancer:LoadBalancer load-balancer-alb"),
                lines(impact));
    }

    @Test
    void aNewSuffixReplacesEveryNamedResourceAndFlagsTheData() {
        ChangeImpact impact =
                impact(Stacks.dev(), StackRun.of(dev().with(Map.of("storefront:environmentSuffix", "dev2"))));
        Set<String> endangered = impact.endangered().stream()
                .map(c -> c.type() + " " + c.name())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(
                Set.of(
                        "aws:ecr/repository:Repository registry-api-repository",
                        "aws:elasticache/replicationGroup:ReplicationGroup cache-redis",
                        "aws:rds/cluster:Cluster database-aurora",
                        "aws:rds/clusterInstance:ClusterInstance database-aurora-writer",
                        "aws:s3/bucketV2:BucketV2 static-assets-assets",
                        "aws:s3/bucketV2:BucketV2 log-bucket-logs",
                        "aws:secretsmanager/secret:Secret app-secrets-api-keys",
                        "aws:secretsmanager/secret:Secret cache-connection-secret"),
                endangered);
        assertTrue(
                impact.count(ChangeImpact.Action.REPLACE) > 80,
                "every suffixed name is new: " + impact.count(ChangeImpact.Action.REPLACE));
        assertEquals(
                0,
                impact.count(ChangeImpact.Action.CREATE) + impact.count(ChangeImpact.Action.DELETE),
                "URNs are unchanged");
        ChangeImpact.Change cluster = impact.endangered().stream()
                .filter(c -> c.name().equals("database-aurora"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                cluster.reasons().contains("clusterIdentifier forces a new resource"),
                cluster.reasons().toString());
    }

    @Test
    void aComponentRefactorThatKeepsUrnsChangesNothing() {
        StackRun prod = Stacks.prod();
        // The registry component renamed, its children carried over by aliases to their old URNs.
        List<Registered> renamed = renameComponent(prod, "registry", "image-registry", true);
        assertEquals(Set.of(), lines(impact(prod, renamed)));
        // The same rename without aliases: every child is a new URN, so the repository would be deleted.
        ChangeImpact lost = impact(prod, renameComponent(prod, "registry", "image-registry", false));
        assertTrue(
                lines(lost).contains("delete aws:ecr/repository:Repository registry-api-repository"),
                lines(lost).toString());
        assertEquals(1, lost.endangered().size());
    }

    @Test
    void theMasterUsernameReplacesTheClusterAndIsAnError() {
        ChangeImpact impact = impact(
                Stacks.prod(), StackRun.of(prod().withPath("storefront:database", "masterUsername", "shopadmin")));
        ChangeImpact.Change cluster = impact.endangered().stream()
                .filter(c -> c.name().equals("database-aurora"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of(
                        "masterUsername forces a new resource",
                        "protected: pulumi up stops here until it is unprotected"),
                cluster.reasons());
        assertTrue(cluster.deleteFirst(), "a fixed clusterIdentifier: the old cluster goes first");
        // The instances take the cluster's identifier and engine (both force a new instance) from it.
        assertEquals(
                Set.of("database-aurora", "database-aurora-writer", "database-aurora-reader-1"),
                impact.endangered().stream().map(ChangeImpact.Change::name).collect(Collectors.toSet()));
        // What reads the new cluster's managed secret is replaced or updated with it.
        assertTrue(
                lines(impact)
                        .containsAll(Set.of(
                                "replace aws:secretsmanager/secretRotation:SecretRotation database-db-master-rotation",
                                "replace aws:ecs/taskDefinition:TaskDefinition api-task",
                                "replace aws:backup/selection:Selection dr-backup-selection")),
                lines(impact).toString());
    }

    /** The registrations of a run with one input of one resource changed. */
    private static List<Registered> withInput(StackRun run, String type, String name, String input, Object value) {
        List<Registered> changed = new ArrayList<>();
        for (Registered r : run.resources()) {
            if (r.type().equals(type) && r.name().equals(name)) {
                Map<String, Object> inputs = new java.util.LinkedHashMap<>(r.inputs());
                inputs.put(input, value);
                r = r.withInputs(inputs);
            }
            changed.add(r);
        }
        return changed;
    }

    /** The registrations after renaming one component, optionally with aliases to the old URNs. */
    private static List<Registered> renameComponent(StackRun run, String from, String to, boolean aliases) {
        List<Registered> renamed = new ArrayList<>();
        String marker = "::" + from;
        for (Registered r : run.resources()) {
            boolean inside = r.urn().endsWith(marker) && r.type().startsWith("storefront:")
                    || r.parentUrn().endsWith(marker);
            if (!inside) {
                renamed.add(r);
                continue;
            }
            String urn =
                    r.urn().endsWith(marker) ? r.urn().substring(0, r.urn().length() - from.length()) + to : r.urn();
            String parent = r.parentUrn().endsWith(marker)
                    ? r.parentUrn().substring(0, r.parentUrn().length() - from.length()) + to
                    : r.parentUrn();
            // A child's URN does not contain its parent's name, only its type: children keep their URNs,
            // so to move them the refactor also renames them, as a real one that prefixes names would.
            if (!r.urn().endsWith(marker)) {
                urn = r.urn() + "-moved";
            }
            renamed.add(new Registered(
                    r.type(),
                    r.name(),
                    urn,
                    r.id(),
                    parent,
                    r.custom(),
                    r.providerRef(),
                    r.inputs(),
                    r.secretInputs(),
                    r.protect(),
                    r.ignoreChanges(),
                    r.dependencies(),
                    r.retainOnDelete(),
                    r.deleteBeforeReplace(),
                    aliases ? List.of(r.urn()) : List.of(),
                    r.outputs(),
                    r.propertyDependencies()));
        }
        return renamed;
    }

    /** CFG-5: choosing what a destroy keeps is an update of settings, never a replacement of the data. */
    @Test
    void switchingTheTeardownIntentChangesSettingsNotData() {
        StackRun keep = StackRun.of(prod().with(Map.of("storefront:protect", "false")));
        StackRun drop = StackRun.of(prod().with(Map.of(
                "storefront:protect",
                "false",
                "storefront:teardown",
                "forceDelete",
                "storefront:api",
                "{\"cloudWatchRoleArn\":\"arn:aws:iam::123456789012:role/api-gateway-logs\"}")));
        ChangeImpact impact = impact(keep, drop);
        assertTrue(impact.endangered().isEmpty(), lines(impact).toString());
        Set<String> lines = lines(impact);
        assertTrue(
                lines.containsAll(Set.of(
                        "update aws:rds/cluster:Cluster database-aurora",
                        "update aws:elasticache/replicationGroup:ReplicationGroup cache-redis",
                        "update aws:backup/vault:Vault dr-primary-backup-vault",
                        "update aws:backup/vault:Vault dr-backup-vault")),
                lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("replace")), lines.toString());
        ChangeImpact.Change cluster = impact.changes().stream()
                .filter(c -> c.name().equals("database-aurora"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                Set.of("skipFinalSnapshot", "finalSnapshotIdentifier"),
                cluster.inputs().stream().map(ChangeImpact.InputChange::name).collect(Collectors.toSet()));
    }

    /** Day 2: a major Aurora upgrade is an upgrade in place, with the new family's parameter group made first. */
    @Test
    void aMajorAuroraUpgradeUpdatesTheClusterInPlace() {
        ChangeImpact impact =
                impact(Stacks.prod(), StackRun.of(prod().withPath("storefront:database", "engineVersion", "17.4")));
        Set<String> lines = lines(impact);
        assertTrue(lines.contains("update aws:rds/cluster:Cluster database-aurora"), lines.toString());
        assertTrue(
                lines.contains(
                        "replace aws:rds/clusterParameterGroup:ClusterParameterGroup database-db-cluster-parameters"),
                lines.toString());
        ChangeImpact.Change group = impact.changes().stream()
                .filter(c -> c.name().equals("database-db-cluster-parameters"))
                .findFirst()
                .orElseThrow();
        assertFalse(group.deleteFirst(), "a name prefix: the new group exists before the cluster moves to it");
        assertTrue(impact.endangered().isEmpty(), lines.toString());
    }

    /** DR switched on for a running stack: the DR region, backups and alerts are created; nothing running is replaced. */
    @Test
    void switchingDrOnCreatesTheDrTierAndReplacesNothing() {
        ChangeImpact impact = impact(StackRun.of(prod().withPath("storefront:dr", "enabled", false)), Stacks.prod());
        Set<String> lines = lines(impact);
        assertTrue(lines.stream().noneMatch(l -> l.startsWith("replace") || l.startsWith("delete")), lines.toString());
        assertTrue(
                lines.containsAll(Set.of(
                        "create aws:rds/subnetGroup:SubnetGroup dr-db-subnets",
                        "create aws:cloudwatch/eventRule:EventRule dr-backup-job-failed",
                        "create aws:cloudwatch/metricAlarm:MetricAlarm dr-alarm-no-aurora-backup",
                        "create aws:backup/vault:Vault dr-backup-vault")),
                lines.toString());
        assertTrue(impact.endangered().isEmpty());
    }

    /** CACHE-1 on a running stack: dropping the cache deletes the replication group, flagged as data at risk. */
    @Test
    void droppingTheCacheDeletesItsDataAndIsFlagged() {
        ChangeImpact impact = impact(Stacks.dev(), Stacks.devWithoutCache());
        Set<String> endangered = impact.endangered().stream()
                .map(c -> c.action() + " " + c.type() + " " + c.name())
                .collect(Collectors.toSet());
        assertTrue(
                endangered.contains("DELETE aws:elasticache/replicationGroup:ReplicationGroup cache-redis"),
                endangered.toString());
        Set<String> lines = lines(impact);
        assertTrue(
                lines.contains("update aws:ecs/taskDefinition:TaskDefinition api-task")
                        || lines.contains("replace aws:ecs/taskDefinition:TaskDefinition api-task"),
                lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains(Types.of(Cluster.class))), "Aurora is untouched");
    }
}
