package com.storefront.plan;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The offline plan of one stack file: inventory, diagram, idle cost and policy findings, rendered
 * as JSON (schema in the README, {@code schemaVersion} 1) and Markdown. Output is deterministic:
 * sorted everywhere, no timestamps, secrets masked.
 */
public record PlanReport(
        String stack,
        String stackFile,
        Map<String, String> config,
        List<String> warnings,
        List<Inventory.Component> components,
        String mermaid,
        CostModel.Estimate cost,
        List<PolicyRules.Finding> findings,
        DeployEstimate deploy) {

    public static final int SCHEMA_VERSION = 1;
    private static final Gson GSON =
            new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    public static PlanReport of(
            String stack, String stackFile, StackConfig config, PlanRun run, List<String> warnings) {
        List<Inventory.Component> components = Inventory.of(run);
        return new PlanReport(
                stack,
                stackFile,
                config.redacted(),
                List.copyOf(warnings),
                components,
                MermaidDiagram.render(run, components),
                CostModel.estimate(run, PriceTable.load()),
                PolicyRules.check(run),
                DeployEstimate.of(run));
    }

    public int resourceCount() {
        return components.stream().mapToInt(Inventory.Component::resourceCount).sum();
    }

    public String json() {
        JsonObject root = new JsonObject();
        root.addProperty("schemaVersion", SCHEMA_VERSION);
        root.addProperty("stack", stack);
        root.addProperty("stackFile", stackFile);
        root.add("config", GSON.toJsonTree(config));
        root.add("warnings", GSON.toJsonTree(warnings));
        JsonArray componentArray = new JsonArray();
        for (Inventory.Component c : components) {
            JsonObject component = new JsonObject();
            component.addProperty("type", c.type());
            component.addProperty("name", c.name());
            component.addProperty("resourceCount", c.resourceCount());
            component.add("regions", GSON.toJsonTree(c.regions()));
            component.add("countsByType", GSON.toJsonTree(c.countsByType()));
            component.add("resources", GSON.toJsonTree(c.resources()));
            componentArray.add(component);
        }
        root.add("components", componentArray);
        JsonObject cost = new JsonObject();
        cost.addProperty("currency", cost().prices().currency());
        JsonObject table = new JsonObject();
        table.addProperty("version", cost().prices().version());
        table.addProperty("date", cost().prices().date());
        table.addProperty("regionBasis", cost().prices().regionBasis());
        table.addProperty("source", cost().prices().source());
        cost.add("priceTable", table);
        cost.add("lineItems", GSON.toJsonTree(cost().lineItems()));
        cost.add("unknown", GSON.toJsonTree(cost().unknown()));
        cost.add("usageBased", GSON.toJsonTree(cost().usageBased()));
        cost.addProperty("totalMonthly", cost().totalMonthly());
        root.add("cost", cost);
        JsonObject deployEstimate = new JsonObject();
        deployEstimate.addProperty("minutes", deploy.minutes());
        deployEstimate.add("criticalPath", GSON.toJsonTree(deploy.criticalPath()));
        root.add("deployEstimate", deployEstimate);
        JsonArray findingArray = new JsonArray();
        for (PolicyRules.Finding f : findings) {
            JsonObject finding = new JsonObject();
            finding.addProperty("rule", f.rule().name());
            finding.addProperty("description", f.rule().description());
            finding.addProperty("message", f.message());
            findingArray.add(finding);
        }
        root.add("findings", findingArray);
        root.addProperty("mermaid", mermaid);
        return GSON.toJson(root) + "\n";
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Offline plan: ")
                .append(stack)
                .append(" (")
                .append(stackFile)
                .append(")\n\n");
        md.append(resourceCount())
                .append(" AWS resources in ")
                .append(components.size())
                .append(" components; ")
                .append("estimated idle cost ")
                .append(money(cost.totalMonthly()))
                .append(" per month; ")
                .append(findings.size())
                .append(" policy finding(s).\n\n");
        if (!warnings.isEmpty()) {
            md.append("## Warnings\n\n");
            warnings.forEach(w -> md.append("- ").append(w).append("\n"));
            md.append("\n");
        }
        md.append("## Architecture\n\n```mermaid\n").append(mermaid).append("```\n\n");
        md.append("## Inventory\n\n| component | regions | resources | by type |\n|---|---|---|---|\n");
        for (Inventory.Component c : components) {
            md.append("| ")
                    .append(c.type())
                    .append(" `")
                    .append(c.name())
                    .append("` | ")
                    .append(String.join(", ", c.regions()))
                    .append(" | ")
                    .append(c.resourceCount())
                    .append(" | ");
            c.countsByType()
                    .forEach((type, count) -> md.append(shortType(type))
                            .append(" ×")
                            .append(count)
                            .append("<br/>"));
            md.append(" |\n");
        }
        md.append("\n### Key settings\n\n| resource | region | settings |\n|---|---|---|\n");
        for (Inventory.Component c : components) {
            for (Inventory.Item item : c.resources()) {
                if (!item.settings().isEmpty()) {
                    md.append("| ")
                            .append(shortType(item.type()))
                            .append(" `")
                            .append(item.name())
                            .append("` | ")
                            .append(item.region())
                            .append(" | `")
                            .append(GSON.toJson(item.settings())
                                    .replace("\n", " ")
                                    .replaceAll(" +", " ")
                                    .replace("|", "\\|"))
                            .append("` |\n");
                }
            }
        }
        md.append("\n## First deploy estimate\n\n")
                .append("About ")
                .append(DeployEstimate.format(deploy.minutes()))
                .append(" minutes: the longest chain of ")
                .append("resources that wait for each other, each weighted by its typical create time ")
                .append("(`plan/src/main/resources/plan/create-minutes.tsv`, with sources). The chain: ")
                .append(String.join(" → ", deploy.criticalPath()))
                .append(".\n");
        md.append("\n## Estimated idle monthly cost\n\n")
                .append("Prices: ")
                .append(cost.prices().source())
                .append(" Basis: ")
                .append(cost.prices().regionBasis())
                .append(". Table dated ")
                .append(cost.prices().date())
                .append(".\n\n")
                .append("| item | quantity | unit price / month | monthly | notes |\n|---|---|---|---|---|\n");
        for (CostModel.LineItem item : cost.lineItems()) {
            md.append("| ")
                    .append(item.item())
                    .append(" | ")
                    .append(quantity(item.quantity()))
                    .append(" ")
                    .append(item.unit())
                    .append(" | ")
                    .append(money(item.unitMonthly()))
                    .append(" | ")
                    .append(money(item.monthly()))
                    .append(" | ")
                    .append(item.notes())
                    .append(" |\n");
        }
        md.append("| **total** | | | **").append(money(cost.totalMonthly())).append("** | |\n\n");
        if (!cost.unknown().isEmpty()) {
            md.append("Not priced (size missing from the price table): ")
                    .append(String.join("; ", cost.unknown()))
                    .append(".\n\n");
        }
        md.append("Usage-based, not in the total: ")
                .append(String.join("; ", cost.usageBased()))
                .append(".\n\n");
        md.append("## Policy findings\n\n");
        if (findings.isEmpty()) {
            md.append("None: every resource passes every rule (")
                    .append(PolicyRules.Rule.values().length)
                    .append(" rules).\n");
        } else {
            findings.forEach(f -> md.append("- **")
                    .append(f.rule().name())
                    .append("** ")
                    .append(f.message())
                    .append("\n"));
        }
        return md.toString();
    }

    /** A short terminal summary. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append("Plan for ")
                .append(stack)
                .append(": ")
                .append(resourceCount())
                .append(" AWS resources in ")
                .append(components.size())
                .append(" components\n");
        for (Inventory.Component c : components) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-50s %4d  %s%n",
                    c.type() + " " + c.name(),
                    c.resourceCount(),
                    String.join(", ", c.regions())));
        }
        out.append("Estimated idle cost: ")
                .append(money(cost.totalMonthly()))
                .append(" per month (")
                .append(cost.lineItems().size())
                .append(" line items");
        if (!cost.unknown().isEmpty()) {
            out.append("; not priced: ").append(String.join("; ", cost.unknown()));
        }
        out.append(")\n");
        out.append("Policy findings: ").append(findings.size()).append("\n");
        findings.forEach(f -> out.append("  ")
                .append(f.rule().name())
                .append(": ")
                .append(f.message())
                .append("\n"));
        return out.toString();
    }

    static String money(double amount) {
        return String.format(Locale.ROOT, "$%,.2f", amount);
    }

    private static String quantity(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.2f", value);
    }

    private static String shortType(String type) {
        return type.substring(type.lastIndexOf(':') + 1);
    }
}
