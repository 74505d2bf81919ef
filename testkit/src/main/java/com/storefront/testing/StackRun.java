package com.storefront.testing;

import com.storefront.plan.PlanRun;
import com.storefront.plan.Registered;
import com.storefront.plan.StackConfig;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The program's run for one configuration, shared by every test class (PERF-3): the first request
 * runs it on the mock engine, later ones reuse the result. Queries fail the test when the run did.
 */
public final class StackRun {

    private static final Map<Map<String, String>, StackRun> CACHE = new HashMap<>();

    private final PlanRun run;

    StackRun(PlanRun run) {
        this.run = run;
    }

    /** The stack as configured by a real stack file, e.g. {@code Pulumi.dev.yaml}. */
    public static StackRun ofStackFile(String fileName) {
        return of(stackFile(fileName));
    }

    /** A stack file as the rollout tool would deploy it before any release (blue live). */
    public static StackConfig stackFile(String fileName) {
        return StackConfig.read(Path.of(fileName)).asObservedOffline();
    }

    /** A stack file with some keys replaced ({@code null} removes a key). */
    public static StackRun ofStackFile(String fileName, Map<String, String> overrides) {
        return of(stackFile(fileName).with(overrides));
    }

    public static synchronized StackRun of(StackConfig config) {
        return CACHE.computeIfAbsent(new TreeMap<>(config.values()), k -> new StackRun(PlanRun.run(config)));
    }

    /** Runs the program uncached: for determinism tests that compare two runs. */
    public static synchronized StackRun runFresh(StackConfig config) {
        return new StackRun(PlanRun.run(config));
    }

    public PlanRun plan() {
        return requireSuccess().run;
    }

    public Map<String, String> config() {
        return run.config();
    }

    public List<Throwable> errors() {
        return run.errors();
    }

    /** Fails with the program's own error if the run did not succeed. */
    public StackRun requireSuccess() {
        if (!run.succeeded()) {
            throw new AssertionError(
                    "program failed: " + run.errors().get(0), run.errors().get(0));
        }
        return this;
    }

    public List<Registered> resources() {
        return plan().resources();
    }

    /** Resources registered, whatever the outcome (for config-validation tests). */
    public List<Registered> registeredEvenIfFailed() {
        return run.resources();
    }

    public List<Registered> ofType(String type) {
        return plan().ofType(type);
    }

    public List<Registered> ofTypeInComponent(String componentName, String type) {
        return plan().ofTypeInComponent(componentName, type);
    }

    public boolean isWithin(Registered resource, String componentType) {
        return plan().isWithin(resource, componentType);
    }

    public List<Registered> ofTypeIn(String componentType, String type) {
        return plan().ofTypeIn(componentType, type);
    }

    public List<Registered> where(Predicate<Registered> predicate) {
        return plan().where(predicate);
    }

    public Registered one(String type, String name) {
        return plan().one(type, name);
    }

    public Registered componentOf(Registered resource) {
        return plan().componentOf(resource);
    }

    public Registered providerOf(Registered resource) {
        return plan().providerOf(resource);
    }

    public String regionOf(Registered resource) {
        return plan().regionOf(resource);
    }

    public Object output(String name) {
        return plan().output(name);
    }

    public Map<String, Object> outputs() {
        return plan().outputs();
    }
}
