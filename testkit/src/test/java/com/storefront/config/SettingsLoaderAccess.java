package com.storefront.config;

import com.storefront.plan.StackConfig;
import com.storefront.settings.SettingsLoader;
import com.storefront.testing.Stacks;

import java.nio.file.Path;
import java.util.Map;

/** Loads the settings of a real stack file, for tests outside the config package. */
public final class SettingsLoaderAccess {

    private SettingsLoaderAccess() {}

    public static StackSettings load(String stackFile) {
        Map<String, String> config =
                StackConfig.read(Path.of(stackFile)).asObservedOffline().values();
        return SettingsLoader.load(config);
    }

    public static TaskSettings prodTaskSettings() {
        return load(Stacks.PROD_FILE).task();
    }
}
