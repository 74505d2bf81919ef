package com.storefront.plan;

import com.pulumi.test.PulumiTest;
import com.pulumi.test.TestOptions;
import com.pulumi.test.TestResult;
import com.pulumi.test.internal.PulumiTestInternal;
import com.storefront.App;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the real program in-process on Pulumi's mock engine, with mocks that answer like AWS, and
 * keeps every registration: the basis of the offline plan and of the test suite.
 *
 * @param resources what the program registered (even when it failed part-way)
 * @param errors    the program's failures (config validation included)
 * @param outputs   the stack outputs, resolved
 */
public record PlanRun(List<Registered> resources, List<Throwable> errors, Map<String, Object> outputs) {

    public static synchronized PlanRun run(StackConfig config) {
        PlanMocks mocks = new PlanMocks();
        RecordingMonitor[] monitor = new RecordingMonitor[1];
        try {
            PulumiTestInternal engine = PulumiTestInternal.builder()
                    .options(TestOptions.builder().projectName("storefront").stackName("plan").preview(false).build())
                    .config(config.values(), config.secretKeys())
                    .mocks(mocks)
                    .monitorDecorator(ignored -> monitor[0] = new RecordingMonitor(mocks))
                    .build();
            TestResult result = engine.runTest(App::stack);
            List<Throwable> errors = new ArrayList<>(result.exceptions());
            List<String> urns = monitor[0].registered().stream().map(Registered::urn).toList();
            urns.stream().filter(urn -> urns.indexOf(urn) != urns.lastIndexOf(urn)).distinct().forEach(urn ->
                    errors.add(new IllegalStateException("duplicate resource URN (the engine rejects it): " + urn)));
            Map<String, Object> outputs = new TreeMap<>();
            if (errors.isEmpty()) {
                result.outputs().forEach((name, output) -> outputs.put(name, PulumiTest.extractValue(output)));
            }
            return new PlanRun(List.copyOf(monitor[0].registered()), List.copyOf(errors), outputs);
        } finally {
            PulumiTest.cleanup();
        }
    }

    public boolean succeeded() {
        return errors.isEmpty();
    }
}
