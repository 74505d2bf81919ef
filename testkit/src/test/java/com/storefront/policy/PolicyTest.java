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
        return Stacks.all().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .flatMap(entry -> Arrays.stream(PolicyRules.Rule.values())
                        .map(rule -> dynamicTest(entry.getKey() + ": " + rule.description(), () -> {
                            List<String> violations =
                                    rule.violations(entry.getValue().plan());
                            assertTrue(
                                    violations.isEmpty(),
                                    () -> violations.size() + " violation(s):\n  " + String.join("\n  ", violations));
                        })));
    }

    @Test
    void rulesSeeTheWholeStack() {
        // Guards against a rule passing vacuously because the run registered little.
        StackRun run = Stacks.prod();
        assertTrue(
                run.resources().size() > 50, "prod registers " + run.resources().size() + " resources");
        assertEquals(
                List.of("aws-primary", "aws-us-east-1", "aws-dr-us-west-2"),
                run.ofType("pulumi:providers:aws").stream()
                        .map(Registered::name)
                        .toList());
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
        assertEquals(
                List.of("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration 'waf-logging-regional' "
                        + "logs the authorization header"),
                violations);
    }

    /** The same run with one resource's inputs changed, to show a rule can fail. */
    private static com.storefront.plan.PlanRun mutated(
            StackRun run, String name, java.util.function.UnaryOperator<Map<String, Object>> change) {
        List<Registered> resources = new java.util.ArrayList<>();
        for (Registered r : run.resources()) {
            if (r.name().equals(name)) {
                r = r.withInputs(change.apply(new java.util.LinkedHashMap<>(r.inputs())));
            }
            resources.add(r);
        }
        return new com.storefront.plan.PlanRun(run.config(), resources, List.of(), Map.of());
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePlaintextOriginRuleFindsAnHttpOrigin() {
        com.storefront.plan.PlanRun run = mutated(Stacks.prodWithDomain(), "cdn-distribution", inputs -> {
            List<Object> origins = new java.util.ArrayList<>();
            for (Object o : (List<Object>) inputs.get("origins")) {
                Map<String, Object> origin = new java.util.LinkedHashMap<>((Map<String, Object>) o);
                if (origin.containsKey("customOriginConfig")) {
                    Map<String, Object> config =
                            new java.util.LinkedHashMap<>((Map<String, Object>) origin.get("customOriginConfig"));
                    config.put("originProtocolPolicy", "http-only");
                    origin.put("customOriginConfig", config);
                }
                origins.add(origin);
            }
            inputs.put("origins", origins);
            return inputs;
        });
        assertEquals(
                List.of(
                        "aws:cloudfront/distribution:Distribution 'cdn-distribution' origin api is http-only over the internet"),
                PolicyRules.Rule.PLAINTEXT_ORIGINS.violations(run));
    }

    @Test
    void thePublicAlbRuleFindsAnInternetFacingAlbWithoutTls() {
        // The internal ALB of prod, made internet-facing: its port-80 listener serves plain HTTP.
        com.storefront.plan.PlanRun run = mutated(Stacks.prod(), "load-balancer-alb", inputs -> {
            inputs.put("internal", false);
            return inputs;
        });
        List<String> violations = PolicyRules.Rule.PUBLIC_ALB_TLS.violations(run);
        assertTrue(
                violations.contains(
                        "aws:lb/loadBalancer:LoadBalancer 'load-balancer-alb' is internet-facing without an HTTPS listener"),
                violations.toString());
        assertTrue(
                violations.stream().anyMatch(v -> v.contains("'load-balancer-listener-http' serves plain HTTP")),
                violations.toString());
    }

    @Test
    void theApiKeyRuleFindsAPartnerRouteAroundTheGateway() {
        for (StackRun stack : List.of(Stacks.prod(), Stacks.prodWithDomain())) {
            // Without the deny rule, /partner/* with only the origin header falls through to the default forward.
            com.storefront.plan.PlanRun run = mutated(stack, "load-balancer-rule-partner-deny", inputs -> {
                inputs.put("conditions", List.of(Map.of("pathPattern", Map.of("values", List.of("/nothing/*")))));
                return inputs;
            });
            List<String> violations = PolicyRules.Rule.API_KEY_ROUTES.violations(run);
            assertEquals(2, violations.size(), violations.toString());
            assertTrue(violations.get(0).contains("forwards without API Gateway's header"), violations.toString());
        }
    }
}
