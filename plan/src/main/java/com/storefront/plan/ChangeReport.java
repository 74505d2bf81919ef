package com.storefront.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The change impact of one stack (CHG-1) as a one-line summary, Markdown and JSON
 * ({@code schemaVersion} 1). Deterministic: the changes come sorted, values are shown in a stable
 * form, nothing depends on time, and secrets show as {@code [secret]}.
 *
 * @param base   what the change is compared with: a git ref or a stack file
 * @param change what is compared: the working tree's program and stack file
 */
public record ChangeReport(String stack, String base, String change, ChangeImpact impact, List<String> warnings) {

    public static final int SCHEMA_VERSION = 1;
    private static final int SHOWN_LENGTH = 120;
    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /** e.g. {@code prod: 3 to update, 1 to replace (stateful: 0)}. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        impact.counts().forEach((action, count) -> {
            if (count > 0) {
                parts.add(count + " to " + action.word());
            }
        });
        String moved = impact.moves().isEmpty() ? "" : "; " + impact.moves().size() + " moved to a new URN by alias";
        return stack + ": " + (parts.isEmpty() ? "no changes" : String.join(", ", parts)) + " (stateful: "
                + impact.endangered().size() + ")" + moved;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Change impact: ").append(stack).append("\n\n");
        md.append("`").append(summary()).append("`\n\n");
        md.append("Compared: `")
                .append(change)
                .append("` against `")
                .append(base)
                .append("`, both run on the mock engine. ")
                .append("A replacement is decided from the replacement-forcing inputs of each type ")
                .append("(`plan/replacement-inputs.tsv`, sources cited there).\n\n");
        warnings.forEach(w -> md.append("> warning: ").append(w).append("\n\n"));
        List<ChangeImpact.Change> endangered = impact.endangered();
        if (!endangered.isEmpty()) {
            md.append("## Errors: data at risk\n\n");
            for (ChangeImpact.Change c : endangered) {
                md.append("- **")
                        .append(c.action().word())
                        .append("** `")
                        .append(c.type())
                        .append("` `")
                        .append(c.name())
                        .append("`: ")
                        .append(String.join("; ", c.reasons()))
                        .append("\n");
            }
            md.append("\nSee the README, \"When the change impact flags data at risk\".\n\n");
        }
        for (ChangeImpact.Action action : ChangeImpact.Action.values()) {
            List<ChangeImpact.Change> of =
                    impact.changes().stream().filter(c -> c.action() == action).toList();
            if (of.isEmpty()) {
                continue;
            }
            md.append("## ")
                    .append(capitalized(action.word()))
                    .append(" (")
                    .append(of.size())
                    .append(")\n\n");
            md.append("| resource | component | inputs | why |\n|---|---|---|---|\n");
            for (ChangeImpact.Change c : of) {
                md.append("| `")
                        .append(c.type())
                        .append("` `")
                        .append(c.name())
                        .append("`")
                        .append(c.deleteFirst() && action == ChangeImpact.Action.REPLACE ? " (deleted first)" : "")
                        .append(
                                c.protect()
                                                && (action == ChangeImpact.Action.REPLACE
                                                        || action == ChangeImpact.Action.DELETE)
                                        ? " (protected)"
                                        : "")
                        .append(" | ")
                        .append(c.component().isEmpty() ? "" : "`" + c.component() + "`")
                        .append(" | ")
                        .append(inputs(c))
                        .append(" | ")
                        .append(cell(String.join("; ", c.reasons())))
                        .append(" |\n");
            }
            md.append("\n");
        }
        if (impact.changes().isEmpty() && impact.moves().isEmpty()) {
            md.append("Nothing changes: every resource keeps its URN and its inputs.\n");
        } else if (impact.changes().isEmpty()) {
            md.append("Nothing changes in AWS: every resource keeps its inputs.\n");
        }
        if (!impact.moves().isEmpty()) {
            md.append("\n## Moved by alias\n\n")
                    .append(impact.moves().size())
                    .append(" resources get a new URN and keep their state: each one's alias names its old URN, ")
                    .append("so `pulumi up` moves it (no create, no delete).\n\n")
                    .append("<details><summary>old URN → new URN</summary>\n\n");
            impact.moves()
                    .forEach(m -> md.append("- `")
                            .append(m.fromUrn())
                            .append("` → `")
                            .append(m.toUrn())
                            .append("`\n"));
            md.append("\n</details>\n");
        }
        return md.toString();
    }

    private static String inputs(ChangeImpact.Change c) {
        List<String> shown = new ArrayList<>();
        for (ChangeImpact.InputChange input : c.inputs()) {
            shown.add("`" + input.name() + "`" + (input.forcesReplacement() ? " (forces replacement)" : "") + ": "
                    + cell(brief(input.before())) + " → " + cell(brief(input.after())));
        }
        return String.join("<br>", shown);
    }

    /** The Markdown table shows the start of a long value; the JSON has it whole. */
    private static String brief(String value) {
        return value.length() > SHOWN_LENGTH ? value.substring(0, SHOWN_LENGTH - 1) + "…" : value;
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    public String json() {
        JsonObject root = new JsonObject();
        root.addProperty("schemaVersion", SCHEMA_VERSION);
        root.addProperty("stack", stack);
        root.addProperty("base", base);
        root.addProperty("change", change);
        root.addProperty("summary", summary());
        JsonObject counts = new JsonObject();
        impact.counts().forEach((action, count) -> counts.addProperty(action.word(), count));
        counts.addProperty("stateful", impact.endangered().size());
        root.add("counts", counts);
        root.add("warnings", GSON.toJsonTree(warnings));
        JsonArray changes = new JsonArray();
        for (ChangeImpact.Change c : impact.changes()) {
            JsonObject change = new JsonObject();
            change.addProperty("action", c.action().word());
            change.addProperty("type", c.type());
            change.addProperty("name", c.name());
            change.addProperty("urn", c.urn());
            change.addProperty("component", c.component());
            change.addProperty("stateful", c.stateful());
            change.addProperty("error", c.endangersData());
            change.addProperty("deleteFirst", c.deleteFirst());
            change.addProperty("protect", c.protect());
            change.addProperty("retainOnDelete", c.retained());
            change.add("reasons", GSON.toJsonTree(c.reasons()));
            JsonArray inputs = new JsonArray();
            for (ChangeImpact.InputChange input : c.inputs()) {
                JsonObject i = new JsonObject();
                i.addProperty("name", input.name());
                i.addProperty("before", input.before());
                i.addProperty("after", input.after());
                i.addProperty("forcesReplacement", input.forcesReplacement());
                i.addProperty("fromReplaced", input.fromReplaced());
                i.add("sources", GSON.toJsonTree(input.sources()));
                inputs.add(i);
            }
            change.add("inputs", inputs);
            changes.add(change);
        }
        root.add("changes", changes);
        JsonArray moved = new JsonArray();
        impact.moves().forEach(m -> {
            JsonObject move = new JsonObject();
            move.addProperty("from", m.fromUrn());
            move.addProperty("to", m.toUrn());
            moved.add(move);
        });
        root.add("moved", moved);
        return GSON.toJson(root) + "\n";
    }

    /** For tests and the terminal: each change as {@code action type name}. */
    public List<String> lines() {
        return impact.changes().stream()
                .map(c -> c.action().word() + " " + c.type() + " " + c.name())
                .toList();
    }
}
