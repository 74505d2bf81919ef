package com.storefront.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The architecture as a Mermaid flowchart, generated from what the program registered: one node
 * per component (with its regions and resource count), grouped by tier, and an edge wherever a
 * component's resources take inputs from another's.
 */
public final class MermaidDiagram {

    private MermaidDiagram() {}

    public static String render(PlanRun run, List<Inventory.Component> components) {
        Map<String, String> ids = new TreeMap<>();
        Map<String, Set<String>> tiers = new TreeMap<>();
        for (Inventory.Component c : components) {
            if (c.type().equals("(none)")) {
                continue;
            }
            String key = c.type() + "::" + c.name();
            ids.put(key, id(c.name()));
            tiers.computeIfAbsent(c.type().split(":")[1], t -> new TreeSet<>()).add(key);
        }
        StringBuilder out = new StringBuilder("flowchart LR\n");
        Map<String, Inventory.Component> byKey = new TreeMap<>();
        components.forEach(c -> byKey.put(c.type() + "::" + c.name(), c));
        tiers.forEach((tier, keys) -> {
            out.append("  subgraph tier_")
                    .append(tier.replaceAll("[^A-Za-z0-9]", "_"))
                    .append("[\"")
                    .append(tier)
                    .append("\"]\n");
            for (String key : keys) {
                Inventory.Component c = byKey.get(key);
                out.append("    ")
                        .append(ids.get(key))
                        .append("[\"")
                        .append(c.type().split(":")[2])
                        .append(" ")
                        .append(c.name())
                        .append("<br/>")
                        .append(c.resourceCount())
                        .append(" resources · ")
                        .append(String.join(", ", c.regions()))
                        .append("\"]\n");
            }
            out.append("  end\n");
        });
        for (String edge : edges(run)) {
            String[] ends = edge.split(" -> ");
            if (ids.containsKey(ends[0]) && ids.containsKey(ends[1])) {
                out.append("  ")
                        .append(ids.get(ends[0]))
                        .append(" --> ")
                        .append(ids.get(ends[1]))
                        .append("\n");
            }
        }
        return out.toString();
    }

    /** {@code consumer -> producer} pairs of component keys, from the resources' dependencies. */
    static Set<String> edges(PlanRun run) {
        Set<String> edges = new TreeSet<>();
        for (Registered r : run.where(Registered::custom)) {
            Registered from = run.componentOf(r);
            if (from == null) {
                continue;
            }
            for (String dependency : r.dependencies()) {
                Registered target = run.byUrn(dependency);
                Registered to = target.type().startsWith("storefront:") ? target : run.componentOf(target);
                if (to != null && !to.urn().equals(from.urn())) {
                    edges.add(from.type() + "::" + from.name() + " -> " + to.type() + "::" + to.name());
                }
            }
        }
        return edges;
    }

    private static String id(String name) {
        return "c_" + name.replaceAll("[^A-Za-z0-9]", "_");
    }
}
