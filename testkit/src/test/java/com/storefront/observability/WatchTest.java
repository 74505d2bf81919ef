package com.storefront.observability;

import com.pulumi.core.Output;
import com.storefront.config.AlertSettings;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A watch is one alarm: one metric, or the highest of at most ten (CloudWatch's metric-math limit). */
class WatchTest {

    private static MetricRef node(int i) {
        return Metrics.cacheNode(Output.of("node-" + i), "EngineCPUUtilization", "Maximum", "us-east-2");
    }

    private static Watch of(List<MetricRef> metrics) {
        return new Watch(
                "redis-cpu", s -> "busy", metrics, Watch.ABOVE, AlertSettings::redisCpuPercent, Watch.KEEP_STATE);
    }

    @Test
    void anAlarmWatchesOneToTenMetrics() {
        assertEquals(1, of(List.of(node(1))).metrics().size());
        assertEquals(
                10,
                of(IntStream.range(0, 10).mapToObj(WatchTest::node).toList())
                        .metrics()
                        .size());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> of(List.of()));
        assertTrue(none.getMessage().contains("1 to 10"), none.getMessage());
        assertThrows(
                IllegalArgumentException.class,
                () -> of(IntStream.range(0, 11).mapToObj(WatchTest::node).toList()));
    }

    @Test
    void largeClustersAreSplitIntoGroupsOneAlarmCanWatch() {
        List<Integer> nodes = IntStream.range(0, 23).boxed().toList();
        List<List<Integer>> groups = Watch.inGroups(nodes);
        assertEquals(List.of(10, 10, 3), groups.stream().map(List::size).toList());
        assertEquals(nodes, groups.stream().flatMap(List::stream).toList(), "every node once, in order");
        assertEquals(List.of(), Watch.inGroups(Collections.emptyList()));
    }
}
