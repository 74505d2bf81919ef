package com.storefront.settings;

import com.storefront.config.AwsTables;
import com.storefront.config.Environment;
import com.storefront.config.Setting;
import com.storefront.config.SettingGroup;
import com.storefront.config.TsvTable;

import java.util.List;

/**
 * The README's configuration tables, generated from the setting declarations (one table per
 * section). {@code ConfigReferenceTest} fails when the README's copy drifts and writes the current
 * text to {@code target/config-reference.md}.
 */
public final class ConfigReference {

    public static final String BEGIN =
            "<!-- config-reference:begin (generated from the setting declarations; see ConfigReferenceTest) -->";
    public static final String END = "<!-- config-reference:end -->";

    private ConfigReference() {}

    public static String markdown() {
        StringBuilder out = new StringBuilder(BEGIN).append("\n");
        for (SettingGroup group : GeneralConfig.catalogue()) {
            out.append("\n#### `")
                    .append(group.prefix())
                    .append("` — ")
                    .append(group.summary())
                    .append("\n\n");
            out.append("| key | type | dev default | prod default | allowed | what it does |\n");
            out.append("|---|---|---|---|---|---|\n");
            for (Setting<?> setting : group.settings()) {
                out.append("| `")
                        .append(group.key(setting))
                        .append("` | ")
                        .append(setting.kind().label())
                        .append(" | ")
                        .append(cell(setting.shownDefault(Environment.DEV)))
                        .append(" | ")
                        .append(cell(setting.shownDefault(Environment.PROD)))
                        .append(" | ")
                        .append(cell(setting.allowed()))
                        .append(" | ")
                        .append(cell(setting.doc()))
                        .append(" |\n");
            }
            if (!group.moved().isEmpty()) {
                out.append("\nMoved in config v2 (the old keys fail with their new place): ")
                        .append(String.join(
                                ", ",
                                group.moved().keySet().stream()
                                        .sorted()
                                        .map(k -> "`" + k + "` → `"
                                                + group.moved().get(k) + "`")
                                        .toList()))
                        .append(".\n");
            }
        }
        out.append("\nTables of real AWS values (each file names its sources and the day it was read):\n\n");
        for (TsvTable table : AwsTables.all()) {
            out.append("- `program/src/main/resources")
                    .append(table.resource())
                    .append("`: ")
                    .append(table.rows().size())
                    .append(" rows, checked ")
                    .append(table.checked())
                    .append("\n");
        }
        return out.append("\n").append(END).toString();
    }

    private static String cell(String text) {
        return text.isEmpty() ? "—" : text.replace("|", "\\|").replace("\n", " ");
    }

    /** Every declared key, e.g. {@code storefront:network.azCount}. */
    public static List<String> keys() {
        return GeneralConfig.catalogue().stream()
                .flatMap(g -> g.settings().stream().map(g::key))
                .toList();
    }
}
