package com.storefront.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The architecture as a Mermaid flowchart, generated from what the program registered: one node per
 * component (its regions and resource count), tiers top-down (the front door first, the network and the
 * DR region last), and one edge per component another's resources take inputs from.
 *
 * <p>What would only repeat itself is summarised instead of drawn: every component encrypts with the
 * stack's keys and pages through the alarm topic (a legend says so), the dashboard watches everything (its
 * edges are left out), and an edge that a longer path already implies is dropped (transitive reduction),
 * so the picture shows the request and data path rather than the wiring. Byte-stable: everything is sorted.
 */
public final class MermaidDiagram {

    /**
     * Tiers, by the module of the type token ({@code storefront:<module>:<Type>}). The ranks top-down come from
     * the arrows; this is the order the nodes are declared in, which only sets left to right: the DR region
     * first keeps it to one side, clear of the request path.
     */
    static final List<String> TIERS = List.of("dr", "api", "edge", "service", "data", "network");

    /** Components everything uses; their edges are summarised in the legend. */
    static final Set<String> SHARED_TYPES = Set.of("storefront:security:Encryption", "storefront:observability:Alerts");

    /** Watches every other component; drawing its edges would add one per component and say nothing. */
    static final Set<String> WATCHER_TYPES = Set.of("storefront:observability:Monitoring");

    /** At most this many outgoing edges per component after the reduction (checked by the tests). */
    public static final int MAX_EDGES_PER_COMPONENT = 6;

    private MermaidDiagram() {}

    public static String render(PlanRun run, List<Inventory.Component> components) {
        Map<String, Inventory.Component> byKey = new TreeMap<>();
        for (Inventory.Component c : components) {
            if (!c.type().equals("(none)")) {
                byKey.put(key(c.type(), c.name()), c);
            }
        }
        Map<String, Set<String>> tiers = new LinkedHashMap<>();
        TIERS.forEach(t -> tiers.put(t, new TreeSet<>()));
        List<String> shared = new ArrayList<>();
        List<String> watchers = new ArrayList<>();
        byKey.forEach((key, c) -> {
            if (SHARED_TYPES.contains(c.type())) {
                shared.add(key);
            } else if (WATCHER_TYPES.contains(c.type())) {
                watchers.add(key);
            } else {
                tiers.computeIfAbsent(tierOf(run, c), t -> new TreeSet<>()).add(key);
            }
        });

        String primaryRegion = primaryRegion(byKey.values());
        StringBuilder out = new StringBuilder("flowchart TD\n");
        // Tiers top-down: an arrow points from a component to what it uses, so the front door ranks first
        // and the network last; the tier's colour marks it (subgraphs would pull the ranks apart).
        tiers.forEach((tier, keys) -> keys.forEach(key -> node(out, byKey.get(key), tier, primaryRegion)));
        if (!shared.isEmpty() || !watchers.isEmpty()) {
            out.append("  legend[\"")
                    .append(legend(byKey, shared, watchers, primaryRegion))
                    .append("\"]\n");
            out.append("  class legend legend\n");
            // Below the network, the lowest rank: a legend beside the top would sit among the arrows.
            tiers.getOrDefault("network", Set.of()).stream()
                    .findFirst()
                    .ifPresent(network -> out.append("  ").append(id(network)).append(" ~~~ legend\n"));
        }
        for (String edge : drawnEdges(run, byKey.keySet(), shared, watchers)) {
            String[] ends = edge.split(" -> ");
            out.append("  ")
                    .append(id(ends[0]))
                    .append(" --> ")
                    .append(id(ends[1]))
                    .append("\n");
        }
        tiers.forEach((tier, keys) -> {
            if (!keys.isEmpty()) {
                out.append("  classDef ")
                        .append(tier)
                        .append(" ")
                        .append(TIER_STYLES.getOrDefault(tier, OTHER_STYLE))
                        .append("\n");
            }
        });
        out.append("  classDef legend fill:#ffffff,stroke:#999999,text-align:left\n");
        return out.toString();
    }

    /** A module without a tier of its own (a new one, e.g. {@code messaging}): white, as the legend says. */
    static final String OTHER_STYLE = "fill:#ffffff,stroke:#6b7280";

    /** Fill and stroke per tier, as the legend names them. */
    static final Map<String, String> TIER_STYLES = tierStyles();

    private static Map<String, String> tierStyles() {
        Map<String, String> styles = new LinkedHashMap<>();
        styles.put("api", "fill:#dbeafe,stroke:#1d4ed8");
        styles.put("edge", "fill:#dbeafe,stroke:#1d4ed8");
        styles.put("service", "fill:#dcfce7,stroke:#15803d");
        styles.put("data", "fill:#fef9c3,stroke:#a16207");
        styles.put("network", "fill:#e5e7eb,stroke:#4b5563");
        styles.put("dr", "fill:#fee2e2,stroke:#b91c1c");
        return styles;
    }

    /** The edges drawn: between tier components only, with every edge a longer path implies removed. */
    static Set<String> drawnEdges(PlanRun run, Set<String> known, List<String> shared, List<String> watchers) {
        Map<String, Set<String>> graph = new TreeMap<>();
        for (String edge : edges(run)) {
            String[] ends = edge.split(" -> ");
            boolean summarised = shared.contains(ends[0])
                    || shared.contains(ends[1])
                    || watchers.contains(ends[0])
                    || watchers.contains(ends[1]);
            if (!summarised && known.contains(ends[0]) && known.contains(ends[1])) {
                graph.computeIfAbsent(ends[0], k -> new TreeSet<>()).add(ends[1]);
            }
        }
        return withoutShortcuts(graph);
    }

    /** {@code from -> to} for every edge of {@code graph} that no longer path already implies. */
    static Set<String> withoutShortcuts(Map<String, Set<String>> graph) {
        Set<String> drawn = new TreeSet<>();
        graph.forEach((from, targets) -> {
            for (String to : targets) {
                if (!reachableWithoutDirectEdge(graph, from, to)) {
                    drawn.add(from + " -> " + to);
                }
            }
        });
        return drawn;
    }

    /** Whether {@code to} is reachable from {@code from} through at least one other component. */
    private static boolean reachableWithoutDirectEdge(Map<String, Set<String>> graph, String from, String to) {
        // From itself the search must not continue: in a cycle it would come back to the edge being tested.
        Set<String> seen = new TreeSet<>(Set.of(from));
        List<String> frontier = new ArrayList<>();
        for (String next : graph.getOrDefault(from, Set.of())) {
            if (!next.equals(to)) {
                frontier.add(next);
            }
        }
        while (!frontier.isEmpty()) {
            String current = frontier.remove(frontier.size() - 1);
            if (current.equals(to)) {
                return true;
            }
            if (seen.add(current)) {
                frontier.addAll(graph.getOrDefault(current, Set.of()));
            }
        }
        return false;
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
                    edges.add(key(from.type(), from.name()) + " -> " + key(to.type(), to.name()));
                }
            }
        }
        return edges;
    }

    /** A component's tier: its module's, except that whatever lives inside the DR component is DR's. */
    private static String tierOf(PlanRun run, Inventory.Component c) {
        boolean inDr = run.resources().stream()
                .filter(r -> r.type().equals(c.type()) && r.name().equals(c.name()))
                .anyMatch(r -> run.isWithin(r, "storefront:dr:DisasterRecovery"));
        String module = c.type().split(":")[1];
        // The application's secrets sit with the data they guard.
        return inDr ? "dr" : module.equals("security") ? "data" : module;
    }

    /** The region most components live in: the stack's own. */
    private static String primaryRegion(java.util.Collection<Inventory.Component> components) {
        Map<String, Integer> counts = new TreeMap<>();
        components.forEach(c -> c.regions().forEach(r -> counts.merge(r, 1, Integer::sum)));
        return counts.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse("");
    }

    private static void node(StringBuilder out, Inventory.Component c, String tier, String primaryRegion) {
        String id = id(key(c.type(), c.name()));
        out.append("  ")
                .append(id)
                .append("[\"<b>")
                .append(c.name())
                .append("</b><br/>")
                .append(c.type().split(":")[2])
                .append(" · ")
                .append(c.resourceCount())
                .append(elsewhere(c, primaryRegion))
                .append("\"]\n");
        out.append("  class ").append(id).append(" ").append(tier).append("\n");
    }

    /** The regions of a component outside the primary one, e.g. {@code  · us-east-1}. */
    private static String elsewhere(Inventory.Component c, String primaryRegion) {
        List<String> others = c.regions().stream()
                .filter(r -> !r.equals(primaryRegion))
                .sorted()
                .toList();
        if (others.isEmpty()) {
            return "";
        }
        return (c.regions().contains(primaryRegion) ? "<br/>also " : "<br/>in ") + String.join(", ", others);
    }

    private static String legend(
            Map<String, Inventory.Component> byKey, List<String> shared, List<String> watchers, String primary) {
        List<String> lines = new ArrayList<>();
        lines.add("<b>how to read it</b>");
        lines.add("an arrow: uses that component's outputs");
        lines.add("an arrow a longer path implies is left out");
        lines.add("blue edge · green service · yellow data");
        lines.add("grey network · red DR region · white other");
        lines.add("name, type · resources; region " + primary + " unless noted");
        lines.add("<b>shared, arrows not drawn</b>");
        Map<String, List<String>> byType = new TreeMap<>();
        for (String key : shared) {
            Inventory.Component c = byKey.get(key);
            byType.computeIfAbsent(c.type().split(":")[2], t -> new ArrayList<>())
                    .addAll(c.regions());
        }
        byType.forEach((type, regions) -> lines.add(type + ": " + String.join(", ", new TreeSet<>(regions))));
        for (String key : watchers) {
            lines.add(byKey.get(key).type().split(":")[2] + ": the dashboard, watches every tier");
        }
        return String.join("<br/>", lines);
    }

    private static String key(String type, String name) {
        return type + "::" + name;
    }

    private static String id(String key) {
        return "c_" + key.substring(key.indexOf("::") + 2).replaceAll("[^A-Za-z0-9]", "_");
    }
}
