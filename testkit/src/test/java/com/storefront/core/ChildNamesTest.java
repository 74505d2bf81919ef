package com.storefront.core;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.resources.ComponentResourceOptions;
import com.storefront.plan.ChangeImpact;
import com.storefront.plan.PlanMocks;
import com.storefront.plan.PlanRun;
import com.storefront.plan.Registered;
import com.storefront.plan.ReplacementRules;
import com.storefront.plan.StackConfig;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Children are named after their component, keep their former names as aliases, and cannot collide. */
class ChildNamesTest {

    /** A component with one child per call, to exercise the naming rules. */
    static final class Probe extends StackComponent {
        Probe(String name, Provider provider, Consumer<Probe> children) {
            super(
                    "storefront:test:Probe",
                    name,
                    ComponentResourceOptions.builder().providers(provider).build());
            children.accept(this);
            registerOutputs(Map.of());
        }

        private void topic(String logicalName) {
            new Topic(logicalName, TopicArgs.builder().build(), child());
        }

        /** A VPC and a subnet in it: the subnet's input comes from the VPC's id. */
        private void vpcWithSubnet(String vpcName) {
            Vpc vpc =
                    new Vpc(vpcName, VpcArgs.builder().cidrBlock("10.9.0.0/16").build(), child());
            new Subnet(
                    name("subnet"),
                    SubnetArgs.builder()
                            .vpcId(vpc.id())
                            .cidrBlock("10.9.1.0/24")
                            .build(),
                    child());
        }
    }

    /** A component nested in another that took over one of its children (as the DR network did). */
    static final class Mover extends StackComponent {
        private final StackComponent from;

        Mover(String name, StackComponent from) {
            super(
                    "storefront:test:Mover",
                    name,
                    ComponentResourceOptions.builder().parent(from).build());
            this.from = from;
            new Topic(name("events"), TopicArgs.builder().build(), child());
            registerOutputs(Map.of());
        }

        @Override
        protected java.util.Optional<com.pulumi.core.Alias> movedFrom(String what) {
            return java.util.Optional.of(from.formerChildAlias("dr-" + what, pulumiResourceName() + "-" + what));
        }
    }

    @Test
    void aNameAnotherComponentTookOverCannotBeReused() {
        PlanRun run = run(provider -> new Probe("dr", provider, p -> {
            new Mover("dr-inner", p);
            p.topic(p.name("events"));
        }));
        assertTrue(
                run.errors().stream()
                        .anyMatch(e -> String.valueOf(e.getMessage()).contains("the former name dr-events of")),
                run.errors().toString());
    }

    /** Runs {@code program} with the region's provider, as the stack's components get it. */
    private static PlanRun run(Consumer<Provider> program) {
        return PlanRun.run(
                new StackConfig(Map.of(), java.util.Set.of(), java.util.Set.of()),
                new PlanMocks(),
                ctx -> program.accept(new Provider(
                        "aws-primary",
                        ProviderArgs.builder().region("us-east-2").build())));
    }

    @Test
    void twoComponentsOfOneTypeGiveTheirChildrenDistinctUrns() {
        PlanRun run = run(provider -> {
            new Probe("primary", provider, p -> p.topic(p.name("alarms")));
            new Probe("standby", provider, p -> p.topic(p.name("alarms")));
        });
        assertEquals(List.of(), run.errors());
        List<String> names = run.ofType(Types.of(Topic.class)).stream()
                .map(Registered::name)
                .sorted()
                .toList();
        assertEquals(List.of("primary-alarms", "standby-alarms"), names);
    }

    @Test
    void aPrefixedChildAnswersToItsFormerNameUnderTheSameParent() {
        PlanRun run = run(provider -> new Probe("probe", provider, p -> {
            p.topic(p.name("alarms"));
            p.topic(p.renamed("standby-alarms", "alarms-dr"));
            p.topic(p.name("probe-events"));
        }));
        assertEquals(List.of(), run.errors());
        Registered alarms = run.one(Types.of(Topic.class), "probe-alarms");
        assertEquals(1, alarms.aliasUrns().size(), alarms.aliasUrns().toString());
        assertTrue(alarms.aliasUrns().get(0).endsWith("$storefront:test:Probe$aws:sns/topic:Topic::alarms"));
        assertTrue(run.one(Types.of(Topic.class), "probe-standby-alarms")
                .aliasUrns()
                .get(0)
                .endsWith("::alarms-dr"));
        assertEquals(
                List.of(),
                run.one(Types.of(Topic.class), "probe-events").aliasUrns(),
                "already named after its component: no alias");
    }

    @Test
    void twoChildrenOnOneNameFailBeforeAnythingDeploys() {
        PlanRun run = run(provider -> new Probe("dr", provider, p -> {
            p.topic(p.name("dr-vault"));
            p.topic(p.name("vault"));
        }));
        assertTrue(
                run.errors().stream()
                        .anyMatch(e -> String.valueOf(e.getMessage()).contains("dr: two children named dr-vault")),
                run.errors().toString());
    }

    @Test
    void aFormerNameThatIsAnotherChildsNameFails() {
        PlanRun run = run(provider -> new Probe("probe", provider, p -> {
            p.topic(p.renamed("new-home", "probe-old"));
            p.topic(p.name("probe-old"));
        }));
        assertTrue(
                run.errors().stream()
                        .anyMatch(e -> String.valueOf(e.getMessage())
                                .contains("the former name probe-old of probe-new-home is the name of another child")),
                run.errors().toString());
    }

    /**
     * Once every stack has moved, the alias can go: the URN stays, so the change impact (whose mocks keep
     * the ids the base run gave) shows nothing. Fresh mocks would derive a new VPC id from the new name and
     * replace the subnet that references it.
     */
    @Test
    void droppingAnAliasAfterTheMoveChangesNothing() {
        StackConfig config = new StackConfig(Map.of(), java.util.Set.of(), java.util.Set.of());
        Consumer<Provider> withAlias =
                provider -> new Probe("probe", provider, p -> p.vpcWithSubnet(p.renamed("vpc", "old-vpc")));
        Consumer<Provider> withoutAlias =
                provider -> new Probe("probe", provider, p -> p.vpcWithSubnet(p.name("probe-vpc")));
        PlanMocks baseMocks = new PlanMocks();
        PlanRun base = PlanRun.run(config, baseMocks, program(withAlias));
        PlanRun change = PlanRun.run(config, baseMocks.continuing(), program(withoutAlias));
        ChangeImpact impact = ChangeImpact.between(base, change, ReplacementRules.load());
        assertEquals(List.of(), impact.changes());
        assertEquals(List.of(), impact.moves(), "the same URN on both sides");

        PlanRun fresh = PlanRun.run(config, new PlanMocks(), program(withoutAlias));
        assertTrue(ChangeImpact.between(base, fresh, ReplacementRules.load()).changes().stream()
                .anyMatch(c -> c.action() == ChangeImpact.Action.REPLACE));
    }

    private static Consumer<com.pulumi.Context> program(Consumer<Provider> components) {
        return ctx -> components.accept(new Provider(
                "aws-primary", ProviderArgs.builder().region("us-east-2").build()));
    }

    /** Every resource of every configuration is named after its component, so any component can exist twice. */
    @Test
    void everyChildOfEveryStackIsNamedAfterItsComponent() {
        Stacks.all()
                .forEach((label, stack) -> stack.resources().stream()
                        .filter(r -> r.custom()
                                && !r.parentUrn().isEmpty()
                                && !r.parentUrn().endsWith("::root"))
                        .filter(r -> !r.type().equals(PlanRun.PROVIDER_TYPE))
                        .forEach(r -> {
                            String component =
                                    r.parentUrn().substring(r.parentUrn().lastIndexOf("::") + 2);
                            assertTrue(
                                    r.name().startsWith(component + "-"),
                                    label + ": " + r.type() + " " + r.name() + " is not named after " + component);
                        }));
    }
}
