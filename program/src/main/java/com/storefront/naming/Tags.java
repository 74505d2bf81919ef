package com.storefront.naming;

import com.storefront.config.TagSettings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tags every resource carries (CFG-4), applied through each provider's {@code defaultTags}. */
public final class Tags {

    public static final List<String> REQUIRED = List.of("Environment", "Project", "Owner", "ManagedBy");

    private Tags() {}

    public static Map<String, String> required(TagSettings settings) {
        Map<String, String> tags = new LinkedHashMap<>(settings.extra());
        tags.put("Environment", settings.environment());
        tags.put("Project", settings.project());
        tags.put("Owner", settings.owner());
        tags.put("ManagedBy", "pulumi");
        return Map.copyOf(tags);
    }
}
