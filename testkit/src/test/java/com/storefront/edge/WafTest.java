package com.storefront.edge;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogResourcePolicy;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.pulumi.aws.wafv2.WebAclLoggingConfiguration;
import com.storefront.plan.Registered;
import com.storefront.plan.StackConfig;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EDGE-3: both web ACLs, their rules, scopes and logging. */
class WafTest {

    private static final String ACL = Types.of(WebAcl.class);

    @Test
    void cloudFrontAclIsCreatedInUsEast1AndRegionalAclInTheStackRegion() {
        StackRun run = Stacks.prod();
        Registered cloudFront = run.one(ACL, "waf-web-acl-cloudfront");
        assertEquals("CLOUDFRONT", cloudFront.string("scope"));
        assertEquals("us-east-1", run.regionOf(cloudFront));
        Registered regional = run.one(ACL, "waf-web-acl-regional");
        assertEquals("REGIONAL", regional.string("scope"));
        assertEquals("us-east-2", run.regionOf(regional));
    }

    @Test
    @SuppressWarnings("unchecked")
    void rulesRateLimitPerIpAndBlockWithManagedGroups() {
        for (Registered acl : Stacks.prod().ofType(ACL)) {
            List<Map<String, Object>> rules = (List<Map<String, Object>>) (List<?>) acl.list("rules");
            assertEquals(5, rules.size());
            Map<String, Object> rate = rules.get(0);
            assertEquals(Map.of("block", Map.of()), rate.get("action"));
            Map<String, Object> statement =
                    (Map<String, Object>) ((Map<String, Object>) rate.get("statement")).get("rateBasedStatement");
            assertEquals(2000.0, statement.get("limit"));
            assertEquals(300.0, statement.get("evaluationWindowSec"));
            assertEquals("IP", statement.get("aggregateKeyType"));

            Set<String> managed = rules.subList(1, 5).stream()
                    .map(r -> (String) r.get("name"))
                    .collect(Collectors.toSet());
            assertEquals(
                    Set.of(
                            "AWSManagedRulesCommonRuleSet",
                            "AWSManagedRulesKnownBadInputsRuleSet",
                            "AWSManagedRulesSQLiRuleSet",
                            "AWSManagedRulesAmazonIpReputationList"),
                    managed);
            for (Map<String, Object> rule : rules.subList(1, 5)) {
                assertEquals(
                        Map.of("none", Map.of()),
                        rule.get("overrideAction"),
                        "managed groups block by their own rules");
                assertFalse(rule.containsKey("action"), "a managed group with an action is rejected");
            }
            Set<Object> priorities = rules.stream().map(r -> r.get("priority")).collect(Collectors.toSet());
            assertEquals(rules.size(), priorities.size(), "unique priorities");
            for (Map<String, Object> rule : rules) {
                Map<String, Object> visibility = (Map<String, Object>) rule.get("visibilityConfig");
                assertEquals(true, visibility.get("cloudwatchMetricsEnabled"));
                assertEquals(true, visibility.get("sampledRequestsEnabled"));
            }
            assertEquals(
                    true, acl.input("visibilityConfig.cloudwatchMetricsEnabled").orElseThrow());
            assertEquals(Map.of("allow", Map.of()), acl.map("defaultAction"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void largeApiBodiesAreCountedNotBlocked() {
        Registered acl = Stacks.prod().one(ACL, "waf-web-acl-regional");
        Map<String, Object> common = ((List<Map<String, Object>>) (List<?>) acl.list("rules"))
                .stream()
                        .filter(r -> r.get("name").equals("AWSManagedRulesCommonRuleSet"))
                        .findFirst()
                        .orElseThrow();
        Map<String, Object> statement =
                (Map<String, Object>) ((Map<String, Object>) common.get("statement")).get("managedRuleGroupStatement");
        assertEquals(
                List.of(Map.of("name", "SizeRestrictions_BODY", "actionToUse", Map.of("count", Map.of()))),
                statement.get("ruleActionOverrides"));
    }

    @Test
    void ourOwnProxiesAreNotCountedTwice() {
        StackRun run = Stacks.prod();
        // At the ALB: CloudFront's requests (the origin secret).
        Registered regional = run.one(ACL, "waf-web-acl-regional");
        Map<String, Object> fromCloudFront = regional.map(
                "rules.0.statement.rateBasedStatement.scopeDownStatement.notStatement.statements.0.byteMatchStatement");
        assertEquals(Map.of("singleHeader", Map.of("name", "x-origin-verify")), fromCloudFront.get("fieldToMatch"));
        assertEquals("EXACTLY", fromCloudFront.get("positionalConstraint"));
        assertEquals(
                StackConfig.SECRET_PLACEHOLDERS.get("storefront:originVerifySecret"),
                fromCloudFront.get("searchString"));
        // At CloudFront: API Gateway's requests (its own header), and only the uncached paths count.
        Registered cloudFront = run.one(ACL, "waf-web-acl-cloudfront");
        String scope = "rules.0.statement.rateBasedStatement.scopeDownStatement.andStatement.statements.";
        Map<String, Object> fromGateway = cloudFront.map(scope + "0.notStatement.statements.0.byteMatchStatement");
        assertEquals(Map.of("singleHeader", Map.of("name", "x-gateway-verify")), fromGateway.get("fieldToMatch"));
        assertEquals(64, ((String) fromGateway.get("searchString")).length(), "HMAC-SHA256 of the origin secret, hex");
        assertFalse(fromGateway.get("searchString").equals(fromCloudFront.get("searchString")));
        Map<String, Object> dynamic = cloudFront.map(scope + "1.regexMatchStatement");
        assertEquals("^/(api|partner)/", dynamic.get("regexString"));
        assertEquals(Map.of("uriPath", Map.of()), dynamic.get("fieldToMatch"));
        assertTrue(regional.secretInputs().contains("rules")
                && cloudFront.secretInputs().contains("rules"));
    }

    /** Shoppers behind one address load many cached assets per page; only the API paths count towards the limit. */
    @Test
    void theCloudFrontRateRuleCountsOnlyTheUncachedPaths() {
        java.util.regex.Pattern dynamic = java.util.regex.Pattern.compile(WafRules.DYNAMIC_PATHS);
        for (String path : List.of("/api/cart", "/api/", "/partner/orders")) {
            assertTrue(dynamic.matcher(path).find(), path);
        }
        for (String path : List.of("/", "/index.html", "/app.js", "/styles/site.css", "/img/api/logo.png", "/apiary")) {
            assertFalse(dynamic.matcher(path).find(), path);
        }
    }

    @Test
    void rateLimitFollowsConfig() {
        StackRun run = StackRun.ofStackFile(
                Stacks.DEV_FILE, Map.of("storefront:edge", "{\"wafRateLimit\":500,\"wafRateWindowSeconds\":60}"));
        Registered acl = run.one(ACL, "waf-web-acl-regional");
        assertEquals(500.0, acl.number("rules.0.statement.rateBasedStatement.limit"));
        assertEquals(60.0, acl.number("rules.0.statement.rateBasedStatement.evaluationWindowSec"));
    }

    @Test
    void regionalAclProtectsTheAlb() {
        StackRun run = Stacks.prod();
        Registered association = run.one(Types.of(WebAclAssociation.class), "waf-alb-web-acl");
        assertEquals(
                run.one(Types.of(LoadBalancer.class), "load-balancer-alb").string("name"),
                association.string("resourceArn").replaceAll(".*loadbalancer/app/([^/]+)/.*", "$1"));
        assertEquals(run.output("regionalWebAclArn"), association.string("webAclArn"));
        assertTrue(
                run.ofType(Types.of(WebAclAssociation.class)).stream()
                        .noneMatch(a -> a.string("resourceArn").contains("cloudfront")),
                "CloudFront takes its ACL on the distribution, not through an association");
    }

    @Test
    void eachAclLogsToAnAwsWafLogsGroupInItsRegion() {
        StackRun run = Stacks.prod();
        for (String what : List.of("regional", "cloudfront")) {
            Registered group = run.one(Types.of(LogGroup.class), "waf-logs-" + what);
            assertTrue(group.string("name").startsWith("aws-waf-logs-"), group.string("name"));
            assertEquals(30.0, group.number("retentionInDays"));
            Registered logging = run.one(Types.of(WebAclLoggingConfiguration.class), "waf-logging-" + what);
            assertEquals(run.regionOf(run.one(ACL, "waf-web-acl-" + what)), run.regionOf(group));
            assertEquals(
                    List.of("arn:aws:logs:" + run.regionOf(group) + ":123456789012:log-group:" + group.string("name")),
                    logging.list("logDestinationConfigs"));
        }
        Registered usEast1Key = run.one(Types.of(Key.class), "encryption-us-east-1-key");
        assertEquals("us-east-1", run.regionOf(usEast1Key));
        assertTrue(
                run.one(Types.of(LogGroup.class), "waf-logs-cloudfront")
                        .string("kmsKeyId")
                        .endsWith(usEast1Key.id()),
                "KMS keys are regional: the us-east-1 group uses the us-east-1 key");
        assertEquals(
                "alias/storefront-edge-prod",
                run.one(Types.of(Alias.class), "encryption-us-east-1-alias").string("name"));
    }

    @Test
    void bothAclsRedactTheSecretHeadersFromTheirLogs() {
        // The edge secrets, API keys, shoppers' cookies and credentials would otherwise sit in the log groups.
        for (StackRun run : List.of(Stacks.dev(), Stacks.prod(), Stacks.prodWithDomain())) {
            for (String what : List.of("regional", "cloudfront")) {
                Registered logging = run.one(Types.of(WebAclLoggingConfiguration.class), "waf-logging-" + what);
                assertEquals(
                        List.of(
                                Map.of("singleHeader", Map.of("name", "x-origin-verify")),
                                Map.of("singleHeader", Map.of("name", "x-gateway-verify")),
                                Map.of("singleHeader", Map.of("name", "x-api-key")),
                                Map.of("singleHeader", Map.of("name", "cookie")),
                                Map.of("singleHeader", Map.of("name", "authorization"))),
                        logging.list("redactedFields"));
                assertTrue(logging.input("loggingFilter").isEmpty(), "every request is logged by default");
            }
        }
    }

    /** Logging redaction does not reach sampled requests or rule match details; data protection does. */
    @Test
    void bothAclsMaskTheSameHeadersEverywhereWafStoresThem() {
        for (StackRun run : List.of(Stacks.dev(), Stacks.prod())) {
            for (String what : List.of("regional", "cloudfront")) {
                Registered acl = run.one(ACL, "waf-web-acl-" + what);
                assertEquals(
                        Map.of(
                                "dataProtections",
                                List.of(Map.of(
                                        "action",
                                        "SUBSTITUTION",
                                        "field",
                                        Map.of("fieldType", "SINGLE_HEADER", "fieldKeys", Waf.REDACTED_HEADERS),
                                        "excludeRuleMatchDetails",
                                        false,
                                        "excludeRateBasedDetails",
                                        false))),
                        acl.map("dataProtectionConfig"));
            }
        }
    }

    /**
     * WAF grants itself write access per log group (AWS's log-group-level resource policies); the stack adds
     * no account-level policy, so the 10-per-region limit does not fill up with test stacks.
     */
    @Test
    void noStackGrowsAnAccountLevelLogPolicy() {
        for (StackRun run : Stacks.all().values()) {
            assertTrue(run.ofType(Types.of(LogResourcePolicy.class)).isEmpty());
        }
    }

    @Test
    void aLogFilterKeepsOnlyBlockedAndCountedRequests() {
        StackRun run = StackRun.of(
                StackRun.stackFile(Stacks.DEV_FILE).withPath("storefront:edge", "wafLogFilter", "blockedAndCounted"));
        for (String what : List.of("regional", "cloudfront")) {
            Registered logging = run.one(Types.of(WebAclLoggingConfiguration.class), "waf-logging-" + what);
            assertEquals(
                    Map.of(
                            "defaultBehavior",
                            "DROP",
                            "filters",
                            List.of(Map.of(
                                    "behavior",
                                    "KEEP",
                                    "requirement",
                                    "MEETS_ANY",
                                    "conditions",
                                    List.of(
                                            Map.of("actionCondition", Map.of("action", "BLOCK")),
                                            Map.of("actionCondition", Map.of("action", "COUNT")),
                                            Map.of("actionCondition", Map.of("action", "EXCLUDED_AS_COUNT")))))),
                    logging.map("loggingFilter"));
            assertEquals(
                    Waf.REDACTED_HEADERS.size(), logging.list("redactedFields").size());
        }
    }
}
