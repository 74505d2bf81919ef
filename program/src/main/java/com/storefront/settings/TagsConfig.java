package com.storefront.settings;

import com.storefront.config.ConfigSection;
import com.storefront.config.Environment;
import com.storefront.config.TagSettings;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** {@code storefront:tags}: the team's tag values and extra tags (CFG-4). */
public final class TagsConfig {

    /** Characters AWS accepts in tag values. */
    static final Pattern VALUE = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,256}$");
    /** AWS tag rules: keys 1-128 letters, digits, spaces and _ . : / = + - @. */
    private static final Pattern KEY = Pattern.compile("^[\\p{L}\\p{N} _.:/=+\\-@]{1,128}$");
    /** AWS allows 50 tags per resource; the stack's own Name and Tier tags and the four required ones need room. */
    static final int MAX_EXTRA_TAGS = 40;

    private TagsConfig() {}

    /**
     * Environment, Project, Owner and ManagedBy on everything, with the team's own values, plus extra
     * tags from {@code storefront:tags} (its {@code Environment} overrides the tag's value, e.g. production).
     */
    public static TagSettings read(ConfigSection root, Environment environment, String project, String owner) {
        ConfigSection section = root.section(GeneralConfig.TAGS.name());
        Map<String, String> extra = new TreeMap<>();
        String environmentTag = environment.configValue();
        // IAM compares tag keys ignoring case: two keys that differ only in case fail every role.
        Set<String> seen = new HashSet<>();
        for (String key : section.presentKeys()) {
            String value = section.string(key, "");
            String folded = key.toLowerCase(Locale.ROOT);
            if (!seen.add(folded)) {
                root.problems()
                        .add(
                                section.key(key),
                                value,
                                "repeats another tag key but for case; AWS treats keys " + "case-insensitively in IAM");
            } else if (key.equals("Environment")) {
                environmentTag = value;
            } else if (Set.of("project", "owner").contains(folded)) {
                root.problems().add(section.key(key), value, "is set by " + root.key(folded) + "; set it there");
            } else if (Set.of("managedby", "name", "tier", "environment").contains(folded)
                    || folded.startsWith("aws:")) {
                root.problems()
                        .add(
                                section.key(key),
                                value,
                                "is reserved (ManagedBy is always pulumi, Name and Tier are "
                                        + "the stack's own, Environment is spelt so; aws: tags are AWS's own)");
            } else if (!KEY.matcher(key).matches()) {
                root.problems()
                        .add(
                                section.key(key),
                                value,
                                "must be a tag key of 1-128 letters, digits, spaces or _ . : / = + - @");
            } else {
                extra.put(key, value);
            }
            if (!VALUE.matcher(value).matches()) {
                root.problems()
                        .add(
                                section.key(key),
                                value,
                                "must be 1-256 letters, digits, spaces or _ . : / = + - @ (AWS tag value rules)");
            }
        }
        if (extra.size() > MAX_EXTRA_TAGS) {
            root.problems()
                    .add(
                            root.key("tags"),
                            extra.size() + " tags",
                            "must be at most " + MAX_EXTRA_TAGS
                                    + " extra tags: AWS allows 50 per resource, and the stack's own need the rest");
        }
        return new TagSettings(environmentTag, project, owner, Map.copyOf(extra));
    }
}
