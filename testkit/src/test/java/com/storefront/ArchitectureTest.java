package com.storefront;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Packages depend one way (no cycle of any length), and the program never reaches into the planner. */
class ArchitectureTest {

    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    /** An import or a qualified use of one of our classes (com.storefront.<package>.<Class>), or a wildcard import. */
    private static final Pattern REFERENCE =
            Pattern.compile("\\b(com\\.storefront(?:\\.[a-z]\\w*)*)(?:\\.[A-Z]|\\.\\*;)");

    /** No cycle of any length: every package's uses, followed, never lead back to it. */
    @Test
    void thePackagesFormNoCycle() {
        Map<String, Set<String>> uses = uses(List.of("program", "plan"));
        List<String> cycles = new ArrayList<>();
        for (String start : uses.keySet()) {
            path(start, start, uses, new ArrayList<>(List.of(start)), new TreeSet<>(), cycles);
        }
        assertEquals(List.of(), cycles);
    }

    /** Depth-first from {@code at}, recording a path that returns to {@code start}. */
    private static void path(
            String start,
            String at,
            Map<String, Set<String>> uses,
            List<String> path,
            Set<String> seen,
            List<String> cycles) {
        for (String next : uses.getOrDefault(at, Set.of())) {
            if (next.equals(start)) {
                cycles.add(String.join(" -> ", path) + " -> " + start);
            } else if (seen.add(next)) {
                path.add(next);
                path(start, next, uses, path, seen, cycles);
                path.remove(path.size() - 1);
            }
        }
    }

    @Test
    void theProgramNeverUsesThePlanner() {
        Map<String, Set<String>> uses = uses(List.of("program"));
        uses.forEach((from, targets) -> assertTrue(
                targets.stream().noneMatch(t -> t.startsWith("com.storefront.plan")),
                from + " uses the planner: " + targets));
        assertTrue(uses.size() > 10, "packages read: " + uses.keySet());
    }

    /** Package to the packages of ours it references, from the sources of the given modules. */
    private static Map<String, Set<String>> uses(List<String> modules) {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (String module : modules) {
            try (Stream<Path> files = Files.walk(Path.of(module, "src/main/java"))) {
                files.filter(p -> p.toString().endsWith(".java")).forEach(file -> {
                    String source = read(file);
                    Matcher pkg = PACKAGE.matcher(source);
                    assertTrue(pkg.find(), file + " has no package");
                    Set<String> targets = uses.computeIfAbsent(pkg.group(1), k -> new TreeSet<>());
                    Matcher ref = REFERENCE.matcher(source);
                    while (ref.find()) {
                        if (!ref.group(1).equals(pkg.group(1))) {
                            targets.add(ref.group(1));
                        }
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return uses;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
