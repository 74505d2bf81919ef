package com.storefront.plan;

import com.pulumi.Context;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.core.Alias;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refactors that keep URNs, through the SDK's real alias options and the mock engine's URNs: moving
 * a resource into a component, and renaming a component (its children inherit its alias).
 */
class AliasMatchingTest {

    private static final StackConfig CONFIG = new StackConfig(Map.of(), Set.of(), Set.of());

    private static PlanRun run(Consumer<Context> program) {
        PlanRun run = PlanRun.run(CONFIG, new PlanMocks(), program);
        assertTrue(run.succeeded(), () -> String.valueOf(run.errors()));
        return run;
    }

    private static Provider provider() {
        return new Provider(
                "aws-primary", ProviderArgs.builder().region("us-west-2").build());
    }

    private static void repository(Provider provider, ComponentResource parent, Alias... aliases) {
        CustomResourceOptions.Builder options =
                CustomResourceOptions.builder().provider(provider).aliases(aliases);
        if (parent != null) {
            options.parent(parent);
        }
        new Repository(
                "repo", RepositoryArgs.builder().name("storefront-api-test").build(), options.build());
    }

    private static List<String> changes(Consumer<Context> before, Consumer<Context> after) {
        ChangeImpact impact = ChangeImpact.between(run(before), run(after), ReplacementRules.load());
        return impact.changes().stream()
                .map(c -> c.action().word() + " " + c.name())
                .toList();
    }

    @Test
    void aResourceMovedIntoAComponentWithANoParentAliasKeepsItsUrn() {
        Consumer<Context> topLevel = ctx -> repository(provider(), null);
        Consumer<Context> moved = ctx -> repository(
                provider(),
                new ComponentResource("storefront:test:Registry", "registry"),
                Alias.builder().noParent().build());
        assertEquals(List.of(), changes(topLevel, moved));
        Consumer<Context> movedWithoutAlias =
                ctx -> repository(provider(), new ComponentResource("storefront:test:Registry", "registry"));
        assertEquals(List.of("create repo", "delete repo"), changes(topLevel, movedWithoutAlias));
    }

    @Test
    void aComponentWithANewTypeCarriesItsChildrenByItsAlias() {
        // A child's URN holds its parent's type chain, so a new component type moves every child;
        // Pulumi derives the children's old URNs from the component's alias.
        Consumer<Context> before =
                ctx -> repository(provider(), new ComponentResource("storefront:test:Registry", "registry"));
        Consumer<Context> after = ctx -> repository(
                provider(),
                new ComponentResource(
                        "storefront:images:Registry",
                        "registry",
                        ComponentResourceOptions.builder()
                                .aliases(Alias.builder()
                                        .type("storefront:test:Registry")
                                        .build())
                                .build()));
        assertEquals(List.of(), changes(before, after));
        Consumer<Context> withoutAlias =
                ctx -> repository(provider(), new ComponentResource("storefront:images:Registry", "registry"));
        assertEquals(List.of("create repo", "delete repo"), changes(before, withoutAlias));
    }

    @Test
    void aRenamedComponentCarriesChildrenNamedAfterIt() {
        // The engine renames the child's old name with the parent's: images-repo was registry-repo.
        Consumer<Context> before =
                ctx -> named(new ComponentResource("storefront:test:Registry", "registry"), "registry-repo");
        Consumer<Context> after = ctx -> named(
                new ComponentResource(
                        "storefront:test:Registry",
                        "images",
                        ComponentResourceOptions.builder()
                                .aliases(Alias.builder().name("registry").build())
                                .build()),
                "images-repo");
        assertEquals(List.of(), changes(before, after));
    }

    private static void named(ComponentResource parent, String name) {
        new Repository(
                name,
                RepositoryArgs.builder().name("storefront-api-test").build(),
                CustomResourceOptions.builder()
                        .provider(provider())
                        .parent(parent)
                        .build());
    }
}
