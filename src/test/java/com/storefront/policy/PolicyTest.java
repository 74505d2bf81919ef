package com.storefront.policy;

import com.storefront.plan.PolicyRules;
import com.storefront.plan.Registered;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The policy rules (in main code, shared with the offline plan) hold for every resource of every
 * configuration the suite runs.
 */
class PolicyTest {

    @TestFactory
    Stream<DynamicTest> rulesHoldForEveryConfiguration() {
        return Stacks.all().entrySet().stream().sorted(Map.Entry.comparingByKey()).flatMap(entry ->
                Arrays.stream(PolicyRules.Rule.values()).map(rule -> dynamicTest(
                        entry.getKey() + ": " + rule.description(), () -> {
                            List<String> violations = rule.violations(entry.getValue().plan());
                            assertTrue(violations.isEmpty(), () -> violations.size() + " violation(s):\n  "
                                    + String.join("\n  ", violations));
                        })));
    }

    @Test
    void rulesSeeTheWholeStack() {
        // Guards against a rule passing vacuously because the run registered little.
        StackRun run = Stacks.prod();
        assertTrue(run.resources().size() > 50, "prod registers " + run.resources().size() + " resources");
        assertEquals(List.of("aws-primary", "aws-us-east-1", "aws-dr-us-west-2"),
                run.ofType("pulumi:providers:aws").stream().map(Registered::name).toList());
    }

    @Test
    void theWafLogRuleFindsAnUnredactedHeader() {
        // The rule must be able to fail: drop one header from prod's regional logging configuration.
        List<Registered> resources = new java.util.ArrayList<>();
        for (Registered r : Stacks.prod().resources()) {
            if (r.name().equals("waf-logging-regional")) {
                Map<String, Object> inputs = new java.util.LinkedHashMap<>(r.inputs());
                inputs.put("redactedFields", ((List<?>) inputs.get("redactedFields")).subList(0, 4));
                r = r.withInputs(inputs);
            }
            resources.add(r);
        }
        List<String> violations = PolicyRules.Rule.WAF_LOGS.violations(
                new com.storefront.plan.PlanRun(Map.of(), resources, List.of(), Map.of()));
        assertEquals(List.of("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration 'waf-logging-regional' "
                + "logs the authorization header"), violations);
    }
}
