package com.storefront.plan;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.SubnetGroup;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The classification rules on small, hand-made registrations (the catalogue runs the real program). */
class ChangeImpactTest {

    private static final String STACK = "urn:pulumi:plan::storefront::";
    private static final ReplacementRules RULES = ReplacementRules.parse(List.of(
            "# type\tinput\tcondition\tsource",
            "aws:rds/subnetGroup:SubnetGroup\tname\t-\ttest",
            "aws:rds/cluster:Cluster\tdbSubnetGroupName\t-\ttest",
            "aws:rds/cluster:Cluster\tmasterUsername\t-\ttest",
            "aws:ecs/service:Service\tcapacityProviderStrategies\tunless forceNewDeployment\ttest",
            "aws:ecs/service:Service\tname\t-\ttest",
            "aws:lb/targetGroup:TargetGroup\thealthCheck.protocol\t-\ttest",
            "aws:cloudwatch/metricAlarm:MetricAlarm\t-\t-\ttest"));

    private static Registered resource(
            String type,
            String name,
            Map<String, Object> inputs,
            String id,
            Map<String, Object> outputs,
            List<String> aliases,
            Set<String> secrets) {
        return new Registered(
                type,
                name,
                STACK + "storefront:data:Database$" + type + "::" + name,
                id,
                STACK + "storefront:data:Database::database",
                true,
                "urn:pulumi:plan::storefront::pulumi:providers:aws::aws-primary::provider-aws-primary",
                inputs,
                secrets,
                false,
                List.of(),
                List.of(),
                false,
                false,
                aliases,
                outputs,
                Map.of());
    }

    private static Registered resource(String type, String name, Map<String, Object> inputs) {
        return resource(
                type, name, inputs, name + "-id", Map.of("arn", "arn:aws:x:::" + name + "-id"), List.of(), Set.of());
    }

    /** The component every test resource belongs to. */
    private static final Registered DATABASE = new Registered(
            "storefront:data:Database",
            "database",
            STACK + "storefront:data:Database::database",
            "database",
            "",
            false,
            "",
            Map.of(),
            Set.of(),
            false,
            List.of(),
            List.of(),
            false,
            false,
            List.of(),
            Map.of(),
            Map.of());

    private static ChangeImpact impact(List<Registered> before, List<Registered> after) {
        PlanRun base = new PlanRun(Map.of(), withComponent(before), List.of(), Map.of());
        PlanRun change = new PlanRun(Map.of(), withComponent(after), List.of(), Map.of());
        return ChangeImpact.between(base, change, RULES);
    }

    private static List<Registered> withComponent(List<Registered> resources) {
        List<Registered> all = new java.util.ArrayList<>(resources);
        all.add(DATABASE);
        return all;
    }

    private static List<String> lines(ChangeImpact impact) {
        return impact.changes().stream()
                .map(c -> c.action().word() + " " + c.name())
                .toList();
    }

    @Test
    void anInputThatDoesNotForceReplacementIsAnUpdateAndNamesTheValues() {
        ChangeImpact impact = impact(
                List.of(resource(Types.of(MetricAlarm.class), "cpu", Map.of("threshold", 85.0))),
                List.of(resource(Types.of(MetricAlarm.class), "cpu", Map.of("threshold", 75.0))));
        assertEquals(List.of("update cpu"), lines(impact));
        ChangeImpact.InputChange input = impact.changes().get(0).inputs().get(0);
        assertEquals(
                List.of("threshold", "85.0", "75.0", false),
                List.of(input.name(), input.before(), input.after(), input.forcesReplacement()));
    }

    @Test
    void aReplacementOfAStatefulResourceIsAnErrorWithTheInputThatCausesIt() {
        ChangeImpact impact = impact(
                List.of(resource(Types.of(Cluster.class), "db", Map.of("masterUsername", "storefront"))),
                List.of(resource(Types.of(Cluster.class), "db", Map.of("masterUsername", "shop"))));
        ChangeImpact.Change change = impact.changes().get(0);
        assertEquals(ChangeImpact.Action.REPLACE, change.action());
        assertTrue(change.endangersData());
        assertEquals(List.of("masterUsername forces a new resource"), change.reasons());
    }

    @Test
    void aReplacedResourceReplacesWhatTakesAForceNewInputFromIt() {
        // As in a preview, the replaced group's outputs are unknown, so the cluster's dbSubnetGroupName
        // (which the engine records as coming from the group) is too, and that input forces a new cluster.
        Registered groupBefore = resource(Types.of(SubnetGroup.class), "subnets", Map.of("name", "a"));
        Registered groupAfter = resource(Types.of(SubnetGroup.class), "subnets", Map.of("name", "b"));
        Registered plain = resource(Types.of(Cluster.class), "db", Map.of("dbSubnetGroupName", "storefront-data"));
        Registered cluster = new Registered(
                plain.type(),
                plain.name(),
                plain.urn(),
                plain.id(),
                plain.parentUrn(),
                true,
                plain.providerRef(),
                plain.inputs(),
                Set.of(),
                false,
                List.of(),
                List.of(),
                false,
                false,
                List.of(),
                plain.outputs(),
                Map.of("dbSubnetGroupName", List.of(groupAfter.urn())));
        ChangeImpact impact = impact(List.of(groupBefore, cluster), List.of(groupAfter, cluster));
        assertEquals(List.of("replace db", "replace subnets"), lines(impact));
        ChangeImpact.Change db = impact.changes().get(0);
        assertTrue(db.inputs().get(0).fromReplaced());
        assertEquals("(known after the replacement)", db.inputs().get(0).after());
        assertTrue(
                db.reasons().get(0).contains("comes from aws:rds/subnetGroup:SubnetGroup subnets"),
                db.reasons().toString());
        assertTrue(db.deleteFirst() || !db.inputs().isEmpty());
        // Without the dependency (a value merely equal to the group's), nothing is carried over.
        assertEquals(
                List.of("replace subnets"), lines(impact(List.of(groupBefore, plain), List.of(groupAfter, plain))));
    }

    @Test
    void aConditionalRuleHonoursItsCondition() {
        Map<String, Object> oneSplit = Map.of("capacityProviderStrategies", List.of(Map.of("weight", 1.0)));
        Map<String, Object> otherSplit = Map.of("capacityProviderStrategies", List.of(Map.of("weight", 3.0)));
        assertEquals(
                List.of("replace api"),
                lines(impact(
                        List.of(resource(Types.of(Service.class), "api", oneSplit)),
                        List.of(resource(Types.of(Service.class), "api", otherSplit)))));
        Map<String, Object> forced = new java.util.HashMap<>(otherSplit);
        forced.put("forceNewDeployment", true);
        Map<String, Object> forcedBefore = new java.util.HashMap<>(oneSplit);
        forcedBefore.put("forceNewDeployment", true);
        assertEquals(
                List.of("update api"),
                lines(impact(
                        List.of(resource(Types.of(Service.class), "api", forcedBefore)),
                        List.of(resource(Types.of(Service.class), "api", forced)))));
    }

    @Test
    void aNestedRuleFiresOnlyWhenItsPathChanges() {
        Map<String, Object> before = Map.of("healthCheck", Map.of("protocol", "HTTP", "path", "/health"));
        assertEquals(
                List.of("update tg"),
                lines(impact(
                        List.of(resource(Types.of(TargetGroup.class), "tg", before)),
                        List.of(resource(
                                Types.of(TargetGroup.class),
                                "tg",
                                Map.of("healthCheck", Map.of("protocol", "HTTP", "path", "/ready")))))));
        assertEquals(
                List.of("replace tg"),
                lines(impact(
                        List.of(resource(Types.of(TargetGroup.class), "tg", before)),
                        List.of(resource(
                                Types.of(TargetGroup.class),
                                "tg",
                                Map.of("healthCheck", Map.of("protocol", "HTTPS", "path", "/health")))))));
    }

    @Test
    void anAliasCarriesAResourceAcrossARenameAndAMissingOneIsADeleteAndACreate() {
        Registered old = resource(Types.of(MetricAlarm.class), "cpu", Map.of("threshold", 85.0));
        Registered renamed = new Registered(
                old.type(),
                "cpu-high",
                old.urn().replace("::cpu", "::cpu-high"),
                old.id(),
                old.parentUrn(),
                true,
                old.providerRef(),
                old.inputs(),
                Set.of(),
                false,
                List.of(),
                List.of(),
                false,
                false,
                List.of(old.urn()),
                old.outputs(),
                Map.of());
        assertEquals(List.of(), lines(impact(List.of(old), List.of(renamed))));
        Registered withoutAlias = new Registered(
                old.type(),
                "cpu-high",
                renamed.urn(),
                old.id(),
                old.parentUrn(),
                true,
                old.providerRef(),
                old.inputs(),
                Set.of(),
                false,
                List.of(),
                List.of(),
                false,
                false,
                List.of(),
                old.outputs(),
                Map.of());
        assertEquals(List.of("create cpu-high", "delete cpu"), lines(impact(List.of(old), List.of(withoutAlias))));
    }

    @Test
    void secretsAreComparedButNeverShown() {
        Registered before = resource(
                Types.of(MetricAlarm.class),
                "cpu",
                Map.of("authToken", "old-secret-value"),
                "x",
                Map.of(),
                List.of(),
                Set.of("authToken"));
        Registered after = resource(
                Types.of(MetricAlarm.class),
                "cpu",
                Map.of("authToken", "new-secret-value"),
                "x",
                Map.of(),
                List.of(),
                Set.of("authToken"));
        ChangeImpact impact = impact(List.of(before), List.of(after));
        ChangeReport report = new ChangeReport("dev", "base", "change", impact, List.of());
        assertEquals(List.of("update cpu"), lines(impact));
        for (String text : List.of(report.markdown(), report.json(), report.summary())) {
            assertFalse(text.contains("secret-value"), text);
        }
        assertTrue(report.markdown().contains("`authToken`: [secret] → [secret]"), report.markdown());
    }

    @Test
    void ignoredInputsChangeNothing() {
        Registered before = resource(Types.of(MetricAlarm.class), "cpu", Map.of("threshold", 85.0));
        Registered after = new Registered(
                before.type(),
                before.name(),
                before.urn(),
                before.id(),
                before.parentUrn(),
                true,
                before.providerRef(),
                Map.of("threshold", 75.0),
                Set.of(),
                false,
                List.of("threshold"),
                List.of(),
                false,
                false,
                List.of(),
                before.outputs(),
                Map.of());
        assertEquals(List.of(), lines(impact(List.of(before), List.of(after))));
    }

    @Test
    void theSummaryCountsWhatChangesAndWhatEndangersData() {
        ChangeImpact impact = impact(
                List.of(
                        resource(Types.of(Cluster.class), "db", Map.of("masterUsername", "a")),
                        resource(Types.of(MetricAlarm.class), "cpu", Map.of("threshold", 85.0))),
                List.of(
                        resource(Types.of(Cluster.class), "db", Map.of("masterUsername", "b")),
                        resource(Types.of(MetricAlarm.class), "cpu", Map.of("threshold", 75.0))));
        ChangeReport report = new ChangeReport("prod", "origin/main", "working tree", impact, List.of());
        assertEquals("prod: 1 to update, 1 to replace (stateful: 1)", report.summary());
        assertEquals(report.json(), new ChangeReport("prod", "origin/main", "working tree", impact, List.of()).json());
        assertEquals(
                "prod: no changes (stateful: 0)",
                new ChangeReport("prod", "b", "c", impact(List.of(), List.of()), List.of()).summary());
    }
}
