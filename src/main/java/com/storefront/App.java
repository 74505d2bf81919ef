package com.storefront;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.storefront.config.ConfigKeys;
import com.storefront.settings.SettingsLoader;
import com.storefront.config.StackSettings;
import com.storefront.plan.PlanCommand;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Entry point of the Storefront Pulumi program. */
public final class App {

    private App() {
    }

    /**
     * Pulumi starts the program with no arguments. {@code plan <stack>} runs the offline plan instead
     * (see README, "Try it without AWS").
     */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("plan")) {
            System.exit(PlanCommand.run(List.of(args).subList(1, args.length), System.out, System.err));
        }
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
                ctx.config(SettingsLoader.NAMESPACE)::get, ctx.config("aws")::get, configKeys,
                message -> ctx.log().warn(message));
        StackOutputs.export(ctx, settings, new StackComposition(settings).build());
    }
}
