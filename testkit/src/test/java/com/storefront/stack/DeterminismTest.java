package com.storefront.stack;

import com.storefront.plan.Registered;
import com.storefront.plan.StackConfig;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** CFG-6: the same config registers the same inputs, so a second `pulumi up` is a no-op. */
class DeterminismTest {

    @Test
    void twoRunsOfProdRegisterIdenticalInputsAndOptions() {
        StackConfig config = StackConfig.read(Path.of(Stacks.PROD_FILE)).asObservedOffline();
        assertEquals(snapshot(StackRun.runFresh(config)), snapshot(StackRun.runFresh(config)));
    }

    private static Map<String, String> snapshot(StackRun run) {
        return run.resources().stream()
                .sorted(Comparator.comparing(Registered::urn))
                .collect(Collectors.toMap(
                        Registered::urn,
                        r -> new TreeMap<>(r.inputs()) + " protect=" + r.protect() + " ignore=" + r.ignoreChanges()
                                + " deps=" + r.dependencies().stream().sorted().toList(),
                        (a, b) -> a + " | " + b,
                        TreeMap::new));
    }

    @Test
    void snapshotCoversEveryResource() {
        StackRun run = Stacks.prod();
        List<String> urns = run.resources().stream().map(Registered::urn).toList();
        assertEquals(urns.size(), urns.stream().distinct().count(), "URNs are unique");
    }
}
