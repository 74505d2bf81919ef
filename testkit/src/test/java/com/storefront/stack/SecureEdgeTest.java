package com.storefront.stack;

import com.pulumi.aws.apigateway.Integration;
import com.pulumi.aws.cloudfront.VpcOrigin;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.wafv2.WebAclLoggingConfiguration;
import com.storefront.plan.PolicyRules;
import com.storefront.plan.Registered;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The secure edge's acceptance, for the committed dev and prod stack files and a stack with a domain:
 * no plaintext hop over the internet, no internet-facing ALB without TLS, secrets redacted from both
 * WAF logs, and no route the API key guards reachable without it.
 */
class SecureEdgeTest {

    private static final Map<String, StackRun> STACKS =
            Map.of("dev", Stacks.dev(), "prod", Stacks.prod(), "prod with a domain", Stacks.prodWithDomain());

    @Test
    void noCustomOriginIsPlainHttpOverTheInternet() {
        STACKS.forEach((name, run) -> {
            assertEquals(List.of(), PolicyRules.Rule.PLAINTEXT_ORIGINS.violations(run.plan()), name);
            Registered alb = run.one(Types.of(LoadBalancer.class), "load-balancer-alb");
            // Either the ALB is private behind a VPC origin, or CloudFront speaks HTTPS to it.
            assertTrue(
                    alb.bool("internal")
                            == !run.ofType(Types.of(VpcOrigin.class)).isEmpty(),
                    name);
        });
    }

    @Test
    void noInternetFacingAlbLacksTls() {
        STACKS.forEach(
                (name, run) -> assertEquals(List.of(), PolicyRules.Rule.PUBLIC_ALB_TLS.violations(run.plan()), name));
        assertFalse(
                Stacks.prodWithDomain()
                        .one(Types.of(LoadBalancer.class), "load-balancer-alb")
                        .bool("internal"),
                "the domain case does exercise an internet-facing ALB");
    }

    @Test
    void bothWafLogsRedactTheSecretHeaders() {
        STACKS.forEach((name, run) -> {
            assertEquals(
                    2, run.ofType(Types.of(WebAclLoggingConfiguration.class)).size(), name);
            assertEquals(List.of(), PolicyRules.Rule.WAF_LOGS.violations(run.plan()), name);
        });
    }

    @Test
    void noRouteTheApiKeyGuardsIsReachableWithoutIt() {
        STACKS.forEach(
                (name, run) -> assertEquals(List.of(), PolicyRules.Rule.API_KEY_ROUTES.violations(run.plan()), name));
        assertTrue(Stacks.dev().ofType(Types.of(Integration.class)).isEmpty(), "dev has no API to guard");
        assertEquals(
                2, Stacks.prodWithDomain().ofType(Types.of(Integration.class)).size());
    }
}
