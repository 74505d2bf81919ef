package com.storefront.testing;

import com.storefront.plan.PlanRun;
import com.storefront.plan.Registered;
import com.storefront.plan.StackConfig;

import java.nio.file.Path;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Runs the real program once per configuration against the mock engine and keeps what it
 * registered, so every test class shares one run per config (PERF-3).
 */
public final class StackRun {

    private static final Map<Map<String, String>, StackRun> CACHE = new HashMap<>();

    private final Map<String, String> config;
    private final List<Registered> resources;
    private final List<Throwable> errors;
    private final Map<String, Object> outputs;

    private StackRun(Map<String, String> config, List<Registered> resources, List<Throwable> errors,
                     Map<String, Object> outputs) {
        this.config = config;
        this.resources = resources;
        this.errors = errors;
        this.outputs = outputs;
    }

    /** The stack as configured by a real stack file, e.g. {@code Pulumi.dev.yaml}. */
    public static StackRun ofStackFile(String fileName) {
        return of(StackConfig.read(Path.of(fileName)));
    }

    /** A stack file with some keys replaced ({@code null} removes a key). */
    public static StackRun ofStackFile(String fileName, Map<String, String> overrides) {
        return of(StackConfig.read(Path.of(fileName)).with(overrides));
    }

    public static synchronized StackRun of(StackConfig config) {
        return CACHE.computeIfAbsent(new TreeMap<>(config.values()), k -> run(config));
    }

    /** Runs the program uncached: for determinism tests that compare two runs. */
    public static synchronized StackRun runFresh(StackConfig config) {
        return run(config);
    }

    private static StackRun run(StackConfig config) {
        PlanRun run = PlanRun.run(config);
        return new StackRun(config.values(), run.resources(), run.errors(), run.outputs());
    }

    public Map<String, String> config() {
        return config;
    }

    public List<Throwable> errors() {
        return errors;
    }

    /** Fails with the program's own error if the run did not succeed. */
    public StackRun requireSuccess() {
        if (!errors.isEmpty()) {
            AssertionError error = new AssertionError("program failed: " + errors.get(0), errors.get(0));
            throw error;
        }
        return this;
    }

    public List<Registered> resources() {
        requireSuccess();
        return resources;
    }

    /** Resources registered, whatever the outcome (for config-validation tests). */
    public List<Registered> registeredEvenIfFailed() {
        return resources;
    }

    public List<Registered> ofType(String type) {
        return resources().stream().filter(r -> r.type().equals(type)).toList();
    }

    public List<Registered> where(Predicate<Registered> predicate) {
        return resources().stream().filter(predicate).toList();
    }

    public Registered one(String type, String name) {
        List<Registered> found = ofType(type).stream().filter(r -> r.name().equals(name)).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + " named '" + name + "', found " + found.size()
                    + "; names of that type: " + ofType(type).stream().map(Registered::name).toList());
        }
        return found.get(0);
    }

    public Registered byUrn(String urn) {
        return resources().stream().filter(r -> r.urn().equals(urn)).findFirst()
                .orElseThrow(() -> new AssertionError("no resource with urn " + urn));
    }

    /** The nearest {@code storefront:} component above a resource, or null for top-level resources. */
    public Registered componentOf(Registered resource) {
        String parent = resource.parentUrn();
        while (parent != null && !parent.isEmpty()) {
            Registered p = byUrn(parent);
            if (p.type().startsWith("storefront:")) {
                return p;
            }
            parent = p.parentUrn();
        }
        return null;
    }

    /** Resources of a type whose nearest storefront component has the given type token. */
    public List<Registered> ofTypeIn(String componentType, String type) {
        return ofType(type).stream().filter(r -> {
            Registered component = componentOf(r);
            return component != null && component.type().equals(componentType);
        }).toList();
    }

    public Map<String, Long> countByType() {
        return resources().stream().collect(Collectors.groupingBy(Registered::type, TreeMap::new, Collectors.counting()));
    }

    public Object output(String name) {
        requireSuccess();
        if (!outputs.containsKey(name)) {
            throw new AssertionError("no stack output " + name + "; outputs: " + outputs.keySet());
        }
        return outputs.get(name);
    }

    public Map<String, Object> outputs() {
        requireSuccess();
        return outputs;
    }

    /** The provider resource a resource was registered with. */
    public Registered providerOf(Registered resource) {
        String name = resource.providerName();
        return resources().stream()
                .filter(r -> r.type().equals("pulumi:providers:aws") && r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(resource + " has no explicit provider (ref '"
                        + resource.providerRef() + "')"));
    }

    public String regionOf(Registered resource) {
        return Objects.toString(providerOf(resource).inputs().get("region"));
    }
}
