package com.storefront.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a second run of the program registers differently from a first: resources matched by URN,
 * each new, gone, or kept with the names of the top-level inputs whose values differ (inputs under
 * {@code ignoreChanges} excepted: the engine keeps their old values). It says nothing about how the
 * provider carries a change out (update in place or replacement).
 *
 * @param created URNs only the second run registers
 * @param deleted URNs only the first run registers
 * @param changed URNs both register, with the inputs that differ
 */
public record StackDiff(SortedSet<String> created, SortedSet<String> deleted, SortedMap<String, SortedSet<String>> changed) {

    public static StackDiff between(List<Registered> before, List<Registered> after) {
        Map<String, Registered> old = byUrn(before);
        Map<String, Registered> now = byUrn(after);
        SortedSet<String> created = new TreeSet<>(now.keySet());
        created.removeAll(old.keySet());
        SortedSet<String> deleted = new TreeSet<>(old.keySet());
        deleted.removeAll(now.keySet());
        SortedMap<String, SortedSet<String>> changed = new TreeMap<>();
        for (Map.Entry<String, Registered> entry : now.entrySet()) {
            Registered previous = old.get(entry.getKey());
            if (previous == null) {
                continue;
            }
            SortedSet<String> keys = new TreeSet<>(previous.inputs().keySet());
            keys.addAll(entry.getValue().inputs().keySet());
            keys.removeIf(k -> Objects.equals(previous.inputs().get(k), entry.getValue().inputs().get(k)));
            // The engine keeps the old value of an ignored input, so it changes nothing.
            keys.removeAll(entry.getValue().ignoreChanges());
            if (!keys.isEmpty()) {
                changed.put(entry.getKey(), keys);
            }
        }
        return new StackDiff(created, deleted, changed);
    }

    public boolean isEmpty() {
        return created.isEmpty() && deleted.isEmpty() && changed.isEmpty();
    }

    private static Map<String, Registered> byUrn(List<Registered> resources) {
        return resources.stream().collect(Collectors.toMap(Registered::urn, Function.identity(), (a, b) -> a, TreeMap::new));
    }
}
