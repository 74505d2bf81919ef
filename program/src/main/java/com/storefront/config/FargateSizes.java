package com.storefront.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The task CPU/memory pairs Fargate accepts (AWS "task size" table); any other pair fails at deploy. */
public final class FargateSizes {

    private static final Map<Integer, List<Integer>> MEMORY_BY_CPU = new TreeMap<>(Map.of(
            256, List.of(512, 1024, 2048),
            512, range(1024, 4096, 1024),
            1024, range(2048, 8192, 1024),
            2048, range(4096, 16384, 1024),
            4096, range(8192, 30720, 1024),
            8192, range(16384, 61440, 4096),
            16384, range(32768, 122880, 8192)));

    private FargateSizes() {}

    public static boolean valid(int cpu, int memory) {
        return MEMORY_BY_CPU.getOrDefault(cpu, List.of()).contains(memory);
    }

    public static boolean validCpu(int cpu) {
        return MEMORY_BY_CPU.containsKey(cpu);
    }

    public static String cpuValues() {
        return MEMORY_BY_CPU.keySet().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
    }

    /** What memory a given CPU allows, for error messages. */
    public static String memoryRule(int cpu) {
        List<Integer> memory = MEMORY_BY_CPU.get(cpu);
        if (memory == null) {
            return "cpu must be one of " + cpuValues();
        }
        return cpu == 256
                ? "with cpu 256, memory must be 512, 1024 or 2048"
                : "with cpu " + cpu + ", memory must be " + memory.get(0) + " to " + memory.get(memory.size() - 1)
                        + " in steps of " + (memory.get(1) - memory.get(0));
    }

    private static List<Integer> range(int from, int to, int step) {
        List<Integer> values = new java.util.ArrayList<>();
        for (int v = from; v <= to; v += step) {
            values.add(v);
        }
        return List.copyOf(values);
    }
}
