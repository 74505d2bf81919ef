package com.storefront.testing;

import com.pulumi.Context;
import com.pulumi.resources.ComponentResourceOptions;
import com.storefront.config.StackSettings;
import com.storefront.core.Providers;
import com.storefront.core.StackContext;
import com.storefront.plan.PlanMocks;
import com.storefront.plan.PlanRun;
import com.storefront.plan.StackConfig;
import com.storefront.settings.SettingsLoader;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Runs one component on the mock engine, without the rest of the stack: the test builds it from
 * settings of its own (a config map, not a committed stack file) and the {@link StackContext} a stack
 * would give it, with the stack's providers.
 */
public final class ComponentRun {

    /** The smallest valid config: a region, a suffix, an owner and the two secrets. */
    public static final Map<String, String> MINIMAL = minimal();

    private static Map<String, String> minimal() {
        Map<String, String> config = new TreeMap<>();
        config.put("aws:region", "us-west-2");
        config.put("storefront:environmentSuffix", "t1");
        config.put("storefront:owner", "platform-team");
        config.putAll(StackConfig.SECRET_PLACEHOLDERS);
        return java.util.Collections.unmodifiableMap(config);
    }

    private ComponentRun() {}

    /** The settings of {@link #MINIMAL} with {@code overrides} (e.g. a section's JSON). */
    public static StackSettings settings(Map<String, String> overrides) {
        Map<String, String> config = new TreeMap<>(MINIMAL);
        config.putAll(overrides);
        return SettingsLoader.load(config);
    }

    /**
     * Call it from a test method or {@code @BeforeAll}, never a static initializer: the engine runs
     * {@code component} on its own threads, which would wait for the test class to finish initializing.
     *
     * <p>Builds only what {@code component} creates, with the context of a stack of {@code settings} (its
     * key stood in by a fixed ARN) and that stack's primary provider.
     */
    public static StackRun of(StackSettings settings, BiConsumer<StackContext, ComponentResourceOptions> component) {
        StackConfig config = new StackConfig(MINIMAL, Set.of(), Set.of());
        return new StackRun(PlanRun.run(config, new PlanMocks(), (Context ctx) -> {
            Providers providers = Providers.create(settings);
            StackContext context = StackContext.of(settings, providers.primary())
                    .withKey(com.pulumi.core.Output.of("arn:aws:kms:" + settings.region()
                            + ":123456789012:key/00000000-0000-0000-0000-000000000001"));
            component.accept(
                    context,
                    ComponentResourceOptions.builder()
                            .providers(providers.primary())
                            .build());
        }));
    }
}
