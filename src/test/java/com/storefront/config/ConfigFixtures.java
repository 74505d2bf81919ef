package com.storefront.config;

import com.storefront.plan.StackConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Builds raw config maps (as the engine passes them) for loader tests. */
final class ConfigFixtures {

    private ConfigFixtures() {
    }

    /** The smallest valid dev config: suffix and owner set, everything else defaulted. */
    static Map<String, String> minimal() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("aws:region", "us-west-2");
        config.put("storefront:environmentSuffix", "t1");
        config.put("storefront:owner", "platform-team");
        config.putAll(StackConfig.SECRET_PLACEHOLDERS);
        return config;
    }

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

    static StackSettings load(Map<String, String> config) {
        return SettingsLoader.load(
                key -> Optional.ofNullable(config.get(SettingsLoader.NAMESPACE + ":" + key)),
                key -> Optional.ofNullable(config.get("aws:" + key)));
    }
}
