package com.storefront.config;

import java.util.List;
import java.util.Map;

/**
 * The settings of one config section, in README order: {@code storefront} (top level),
 * {@code storefront:network}, {@code storefront:network.subnetCidrs}, ...
 *
 * @param prefix   the section's key, e.g. {@code storefront:network}
 * @param summary  one line on what the section configures (the README table's group row)
 * @param moved    keys an earlier config version had here, and where they live now
 */
public record SettingGroup(String prefix, String summary, List<Setting<?>> settings, Map<String, String> moved) {

    public SettingGroup {
        settings = List.copyOf(settings);
        moved = Map.copyOf(moved);
    }

    public SettingGroup(String prefix, String summary, List<Setting<?>> settings) {
        this(prefix, summary, settings, Map.of());
    }

    /** The full key of one of this group's settings. */
    public String key(Setting<?> setting) {
        return prefix + (prefix.contains(":") ? "." : ":") + setting.name();
    }
}
