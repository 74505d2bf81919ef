package com.storefront.plan;

import com.pulumi.Context;
import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import com.storefront.App;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Runs the real program in-process on Pulumi's mock engine, with mocks that answer like AWS, and
 * keeps every registration: the basis of the offline plan, the policy rules and the test suite.
 *
 * @param config    the config the program ran with (secrets included; never print it, see {@link StackConfig#redacted()})
 * @param resources what the program registered (even when it failed part-way)
 * @param errors    the program's failures (config validation included)
 * @param outputs   the stack outputs, resolved
 */
public record PlanRun(
        Map<String, String> config, List<Registered> resources, List<Throwable> errors, Map<String, Object> outputs) {

    public static final String PROVIDER_TYPE = "pulumi:providers:aws";

    public static PlanRun run(StackConfig config) {
        return run(config, new PlanMocks());
    }

    /** Runs against mocks set up for a scenario, e.g. {@link PlanMocks#rollingBack}. */
    public static PlanRun run(StackConfig config, PlanMocks mocks) {
        // As the engine would: the program sees every key the stack file sets, so unknown ones fail.
        java.util.Set<String> keys = java.util.Set.copyOf(config.values().keySet());
        return run(config, mocks, ctx -> App.stack(ctx, java.util.Optional.of(keys)));
    }

    /** Runs a given program, e.g. the one at a git commit ({@link ProgramAtRef}). */
    public static synchronized PlanRun run(StackConfig config, PlanMocks mocks, Consumer<Context> program) {
        RecordingMonitor[] monitor = new RecordingMonitor[1];
        try {
            PulumiTestInternal engine = PulumiTestInternal.builder()
                    .options(TestOptions.builder()
                            .projectName("storefront")
                            .stackName("plan")
                            .preview(false)
                            .build())
                    .config(config.values(), config.secretKeys())
                    .mocks(mocks)
                    .monitorDecorator(ignored -> monitor[0] = new RecordingMonitor(mocks))
                    .build();
            TestResult result = engine.runTest(program);
            List<Throwable> errors = new ArrayList<>(result.exceptions());
            List<String> urns =
                    monitor[0].registered().stream().map(Registered::urn).toList();
            urns.stream()
                    .filter(urn -> urns.indexOf(urn) != urns.lastIndexOf(urn))
                    .distinct()
                    .forEach(urn -> errors.add(
                            new IllegalStateException("duplicate resource URN (the engine rejects it): " + urn)));
            Map<String, Object> outputs = new TreeMap<>();
            if (errors.isEmpty()) {
                result.outputs().forEach((name, output) -> outputs.put(name, PulumiTest.extractValue(output)));
            }
            return new PlanRun(
                    new TreeMap<>(config.values()), List.copyOf(monitor[0].registered()), List.copyOf(errors), outputs);
        } finally {
            PulumiTest.cleanup();
        }
    }

    public boolean succeeded() {
        return errors.isEmpty();
    }

    public List<Registered> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    public List<Registered> where(Predicate<Registered> predicate) {
        return resources.stream().filter(predicate).toList();
    }

    public Registered one(String type, String name) {
        List<Registered> found =
                ofType(type).stream().filter(r -> r.name().equals(name)).toList();
        if (found.size() != 1) {
            throw new IllegalArgumentException(
                    "expected one " + type + " named '" + name + "', found " + found.size() + "; names of that type: "
                            + ofType(type).stream().map(Registered::name).toList());
        }
        return found.get(0);
    }

    public Registered byUrn(String urn) {
        return resources.stream()
                .filter(r -> r.urn().equals(urn))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no resource with urn " + urn));
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
        return ofType(type).stream()
                .filter(r -> {
                    Registered component = componentOf(r);
                    return component != null && component.type().equals(componentType);
                })
                .toList();
    }

    /** Resources of a type whose nearest storefront component has the given name (e.g. the primary network). */
    public List<Registered> ofTypeInComponent(String componentName, String type) {
        return ofType(type).stream()
                .filter(r -> {
                    Registered component = componentOf(r);
                    return component != null && component.name().equals(componentName);
                })
                .toList();
    }

    /** Whether a component of {@code componentType} is among the resource's ancestors (near or far). */
    public boolean isWithin(Registered resource, String componentType) {
        for (Registered c = componentOf(resource); c != null; c = componentOf(c)) {
            if (c.type().equals(componentType)) {
                return true;
            }
        }
        return false;
    }

    /** The provider resource a resource was registered with. */
    public Registered providerOf(Registered resource) {
        String name = resource.providerName();
        return resources.stream()
                .filter(r -> r.type().equals(PROVIDER_TYPE) && r.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        resource + " has no explicit provider (ref '" + resource.providerRef() + "')"));
    }

    public String regionOf(Registered resource) {
        return Objects.toString(providerOf(resource).inputs().get("region"));
    }

    public Object output(String name) {
        if (!outputs.containsKey(name)) {
            throw new IllegalArgumentException("no stack output " + name + "; outputs: " + outputs.keySet());
        }
        return outputs.get(name);
    }
}
