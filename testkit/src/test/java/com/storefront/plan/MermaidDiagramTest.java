package com.storefront.plan;

import com.storefront.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The generated diagram is valid Mermaid: balanced blocks, and every edge joins declared nodes. */
class MermaidDiagramTest {

    private static final Pattern NODE = Pattern.compile("^\\s+(c_\\w+)\\[\"[^\"]+\"\\]$");
    private static final Pattern EDGE = Pattern.compile("^\\s+(c_\\w+) --> (c_\\w+)$");

    private static String diagram(boolean prod) {
        PlanRun run = (prod ? Stacks.prod() : Stacks.dev()).plan();
        return MermaidDiagram.render(run, Inventory.of(run));
    }

    @Test
    void isWellFormed() {
        for (boolean prod : List.of(false, true)) {
            String diagram = diagram(prod);
            List<String> lines = diagram.lines().toList();
            assertEquals("flowchart LR", lines.get(0));
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
                    if (node.matches()) {
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

    @Test
    void showsTiersAndDataFlow() {
        String diagram = diagram(true);
        for (String tier : List.of("network", "data", "service", "edge", "api", "observability", "dr", "security")) {
            assertTrue(diagram.contains("subgraph tier_" + tier + "[\"" + tier + "\"]"), tier);
        }
        assertTrue(diagram.contains("c_api --> c_database"), "the service consumes the database");
        assertTrue(diagram.contains("c_cdn --> c_load_balancer"), "CloudFront fronts the ALB");
        assertTrue(diagram.contains("c_dr --> c_static_assets"), "DR replicates the assets");
        assertTrue(diagram.contains("us-east-1"), "regions are shown");
    }
}
