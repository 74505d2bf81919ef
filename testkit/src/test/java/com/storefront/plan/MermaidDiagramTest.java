package com.storefront.plan;

import com.storefront.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated diagram is valid Mermaid (balanced blocks, every edge joins declared nodes) and shows the
 * architecture rather than the wiring: tiers top-down, no edge a longer path implies, few edges per node.
 */
class MermaidDiagramTest {

    private static final Pattern NODE = Pattern.compile("^\\s+(c_\\w+|legend)\\[\"[^\"]+\"\\]$");
    private static final Pattern CLASS = Pattern.compile("^\\s+class (c_\\w+|legend) (\\w+)$");
    private static final Pattern CLASS_DEF = Pattern.compile("^\\s+classDef \\w+ [^ ]+$");
    private static final Pattern EDGE = Pattern.compile("^\\s+(c_\\w+) --> (c_\\w+)$");

    private static String diagram(boolean prod) {
        PlanRun run = (prod ? Stacks.prod() : Stacks.dev()).plan();
        return MermaidDiagram.render(run, Inventory.of(run));
    }

    private static Map<String, Set<String>> edges(String diagram) {
        Map<String, Set<String>> edges = new TreeMap<>();
        diagram.lines()
                .map(EDGE::matcher)
                .filter(Matcher::matches)
                .forEach(m ->
                        edges.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2)));
        return edges;
    }

    @Test
    void isWellFormed() {
        for (boolean prod : List.of(false, true)) {
            String diagram = diagram(prod);
            List<String> lines = diagram.lines().toList();
            assertEquals("flowchart TD", lines.get(0));
            int depth = 0;
            Set<String> nodes = new HashSet<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.trim().startsWith("subgraph ")) {
                    depth++;
                } else if (line.trim().equals("end")) {
                    depth--;
                    assertTrue(depth >= 0, "an end without a subgraph");
                } else {
                    Matcher node = NODE.matcher(line);
                    Matcher edge = EDGE.matcher(line);
                    Matcher style = CLASS.matcher(line);
                    if (style.matches()) {
                        assertTrue(nodes.contains(style.group(1)), "class before its node: " + line);
                    } else if (CLASS_DEF.matcher(line).matches() || line.equals("  c_network ~~~ legend")) {
                        continue;
                    } else if (node.matches()) {
                        assertTrue(nodes.add(node.group(1)), "node declared twice: " + line);
                    } else if (edge.matches()) {
                        assertTrue(
                                nodes.contains(edge.group(1)) && nodes.contains(edge.group(2)),
                                "undeclared node: " + line);
                    } else {
                        throw new AssertionError("not a node, edge, subgraph or end: " + line);
                    }
                }
            }
            assertEquals(0, depth, "subgraphs balanced");
        }
    }

    /** No edge duplicates a longer path, and no component has more than the documented number of edges. */
    @Test
    void hasNoTransitiveEdgeAndFewEdgesPerComponent() {
        for (boolean prod : List.of(false, true)) {
            Map<String, Set<String>> edges = edges(diagram(prod));
            edges.forEach((from, targets) -> {
                assertTrue(
                        targets.size() <= MermaidDiagram.MAX_EDGES_PER_COMPONENT,
                        from + " has " + targets.size() + " edges: " + targets);
                for (String to : targets) {
                    assertFalse(longerPath(edges, from, to), from + " --> " + to + " repeats a longer path");
                }
            });
        }
    }

    private static boolean longerPath(Map<String, Set<String>> edges, String from, String to) {
        List<String> frontier = new ArrayList<>(edges.getOrDefault(from, Set.of()));
        frontier.remove(to);
        Set<String> seen = new HashSet<>(Set.of(from));
        while (!frontier.isEmpty()) {
            String at = frontier.remove(0);
            if (at.equals(to)) {
                return true;
            }
            if (seen.add(at)) {
                frontier.addAll(edges.getOrDefault(at, Set.of()));
            }
        }
        return false;
    }

    @Test
    void showsTiersTheRequestPathRegionsAndALegend() {
        String diagram = diagram(true);
        assertTrue(diagram.contains("  class c_cdn edge\n"), "each node is coloured by its tier");
        assertTrue(diagram.contains("  class c_database data\n"));
        assertTrue(diagram.contains("  class c_dr_network dr\n"), "the DR network belongs to the DR region");
        assertTrue(diagram.contains("  class c_network network\n"));
        Map<String, Set<String>> edges = edges(diagram);
        assertTrue(edges.get("c_api").contains("c_database"), "the service uses the database");
        assertTrue(longerPath(edges, "c_cdn", "c_load_balancer"), "CloudFront reaches the ALB (through the WAF)");
        assertTrue(edges.get("c_dr").contains("c_static_assets"), "DR replicates the assets");
        assertTrue(edges.get("c_dr").contains("c_dr_network"), "the DR VPC is DR's second network");
        assertFalse(edges.containsKey("c_monitoring"), "the dashboard's edges are summarised");
        assertFalse(diagram.contains("c_encryption"), "so are the keys, in the legend");
        assertTrue(diagram.contains("Encryption: us-east-1, us-east-2, us-west-2"), diagram);
        assertTrue(diagram.contains("Waf · 7<br/>also us-east-1"), "regions beyond the stack's are shown");
        assertTrue(diagram.contains("Network · 11<br/>in us-west-2"));
    }

    /** The reduction drops only an edge another path implies, also in a cycle. */
    @Test
    void aShortcutGoesAndACycleKeepsItsOwnEdges() {
        assertEquals(
                Set.of("a -> b", "b -> c"),
                MermaidDiagram.withoutShortcuts(Map.of("a", Set.of("b", "c"), "b", Set.of("c"))));
        assertEquals(
                Set.of("a -> b", "b -> a", "a -> c"),
                MermaidDiagram.withoutShortcuts(Map.of("a", Set.of("b", "c"), "b", Set.of("a"))));
    }

    @Test
    void isByteStable() {
        assertEquals(diagram(true), diagram(true));
    }
}
