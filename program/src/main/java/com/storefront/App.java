package com.storefront;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.storefront.config.ConfigKeys;
import com.storefront.config.StackSettings;
import com.storefront.settings.SettingsLoader;

import java.util.Optional;
import java.util.Set;

/** Entry point of the Storefront Pulumi program. */
public final class App {

    private App() {}

    /** What Pulumi runs (`mvn compile exec:java` in this module). The offline plan is the plan module's. */
    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    /** Builds the whole stack; tests and the offline plan run this against Pulumi's mock engine. */
    public static void stack(Context ctx) {
        // Validation happens here, before anything is registered: a bad config registers nothing.
        stack(ctx, ConfigKeys.fromEnvironment());
    }

    /**
     * As {@link #stack(Context)}, knowing every key the stack sets (the mock runs pass them; the engine
     * passes them in {@code PULUMI_CONFIG}), so misspelled top-level and unread {@code aws:} keys fail too.
     */
    public static void stack(Context ctx, Optional<Set<String>> configKeys) {
        StackSettings settings = SettingsLoader.load(
                ctx.config(SettingsLoader.NAMESPACE)::get,
                ctx.config("aws")::get,
                configKeys,
                message -> ctx.log().warn(message));
        StackOutputs.export(ctx, settings, new StackComposition(settings).build());
    }
}
