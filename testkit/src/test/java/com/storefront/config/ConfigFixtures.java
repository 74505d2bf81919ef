package com.storefront.config;

import com.storefront.settings.SettingsLoader;
import com.storefront.testing.ComponentRun;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Builds raw config maps (as the engine passes them) for loader tests. */
final class ConfigFixtures {

    private ConfigFixtures() {}

    /** The smallest valid dev config: suffix and owner set, everything else defaulted. */
    static Map<String, String> minimal() {
        return new LinkedHashMap<>(ComponentRun.MINIMAL);
    }

    /**
     * A prod config (blue/green by default) as the rollout tool passes it: with the live target group
     * it observed, no DR region, and the partner API logging through a role the account already has.
     */
    static Map<String, String> prodMinimal() {
        return with(
                minimal(),
                "storefront:environment",
                "prod",
                "storefront:dr",
                "{\"enabled\":false}",
                "storefront:deployment",
                "{\"liveTargetGroup\":\"blue\"}",
                "storefront:api",
                API_WITH_ROLE);
    }

    static final String API_WITH_ROLE = "{\"cloudWatchRoleArn\":\"arn:aws:iam::123456789012:role/api-gateway-logs\"}";

    static Map<String, String> with(Map<String, String> base, String... keyValues) {
        Map<String, String> config = new LinkedHashMap<>(base);
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                config.remove(keyValues[i]);
            } else {
                config.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return config;
    }

    /** Asserts the config fails with exactly one problem, for {@code key}, whose rule mentions {@code allowedFragment}. */
    static ConfigProblems.Problem onlyProblem(Map<String, String> config, String key, String allowedFragment) {
        List<ConfigProblems.Problem> problems = assertThrows(ConfigValidationException.class, () -> load(config))
                .problems();
        assertEquals(1, problems.size(), () -> "expected one problem, got " + problems);
        ConfigProblems.Problem problem = problems.get(0);
        assertEquals(key, problem.key());
        assertTrue(problem.allowed().contains(allowedFragment), problem::allowed);
        return problem;
    }

    static StackSettings load(Map<String, String> config) {
        return SettingsLoader.load(config);
    }
}
