package com.storefront.edge;

import com.pulumi.aws.wafv2.inputs.WebAclRuleActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionBlockArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionNoneArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementByteMatchStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementByteMatchStatementFieldToMatchArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementByteMatchStatementFieldToMatchSingleHeaderArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementByteMatchStatementTextTransformationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCountArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementNotStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementScopeDownStatementAndStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementScopeDownStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementScopeDownStatementNotStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRegexMatchStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRegexMatchStatementFieldToMatchArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRegexMatchStatementFieldToMatchUriPathArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRegexMatchStatementTextTransformationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleVisibilityConfigArgs;
import com.storefront.config.EdgeSettings;

import java.util.ArrayList;
import java.util.List;

/** The rules both web ACLs share (EDGE-3): a per-IP rate limit and four AWS managed rule groups. */
final class WafRules {

    /** Managed groups, in evaluation order; IP reputation first, it is the cheapest to reject on. */
    static final List<String> MANAGED_GROUPS = List.of(
            "AWSManagedRulesAmazonIpReputationList",
            "AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet",
            "AWSManagedRulesSQLiRuleSet");

    static final String RATE_RULE = "rate-limit-per-ip";
    /**
     * What the CloudFront rate rule counts: the uncached paths that reach the ALB. Shoppers behind one shared
     * address (an office, a carrier's NAT) load dozens of cached assets per page; counting those would lock
     * them out, while CloudFront absorbs asset floods from its cache.
     */
    static final String DYNAMIC_PATHS = "^/(api|partner)/";

    /** Requests that carry {@code header} = {@code value} are exempt from the per-IP rate rule. */
    record Exemption(String header, String value) {}

    private WafRules() {}

    /**
     * @param ourEdge     requests carrying it come from our own CloudFront (at the regional ACL) or API Gateway
     *                    (at the CloudFront ACL), which already counted the client's real address; counting them
     *                    again would throttle the proxies' shared addresses
     * @param dynamicOnly count only {@link #DYNAMIC_PATHS} (the CloudFront ACL; everything the regional ACL sees
     *                    is dynamic, and API Gateway's paths carry its stage)
     */
    static List<WebAclRuleArgs> rules(
            EdgeSettings settings, String metricPrefix, Exemption ourEdge, boolean dynamicOnly) {
        List<WebAclRuleArgs> rules = new ArrayList<>();
        WebAclRuleStatementArgs notOurEdge = WebAclRuleStatementArgs.builder()
                .notStatement(WebAclRuleStatementNotStatementArgs.builder()
                        .statements(fromOurEdge(ourEdge))
                        .build())
                .build();
        WebAclRuleStatementRateBasedStatementScopeDownStatementArgs scope = dynamicOnly
                ? WebAclRuleStatementRateBasedStatementScopeDownStatementArgs.builder()
                        .andStatement(WebAclRuleStatementRateBasedStatementScopeDownStatementAndStatementArgs.builder()
                                .statements(notOurEdge, dynamicPaths())
                                .build())
                        .build()
                : WebAclRuleStatementRateBasedStatementScopeDownStatementArgs.builder()
                        .notStatement(WebAclRuleStatementRateBasedStatementScopeDownStatementNotStatementArgs.builder()
                                .statements(fromOurEdge(ourEdge))
                                .build())
                        .build();
        rules.add(WebAclRuleArgs.builder()
                .name(RATE_RULE)
                .priority(0)
                .action(WebAclRuleActionArgs.builder()
                        .block(WebAclRuleActionBlockArgs.builder().build())
                        .build())
                .statement(WebAclRuleStatementArgs.builder()
                        .rateBasedStatement(WebAclRuleStatementRateBasedStatementArgs.builder()
                                .limit(settings.wafRateLimit())
                                .evaluationWindowSec(settings.wafRateWindowSeconds())
                                .aggregateKeyType("IP")
                                .scopeDownStatement(scope)
                                .build())
                        .build())
                .visibilityConfig(visibility(metricPrefix + "-" + RATE_RULE))
                .build());
        for (int i = 0; i < MANAGED_GROUPS.size(); i++) {
            String group = MANAGED_GROUPS.get(i);
            rules.add(WebAclRuleArgs.builder()
                    .name(group)
                    .priority(i + 1)
                    // Managed groups take an override action, not an action; "none" keeps their own blocks.
                    .overrideAction(WebAclRuleOverrideActionArgs.builder()
                            .none(WebAclRuleOverrideActionNoneArgs.builder().build())
                            .build())
                    .statement(WebAclRuleStatementArgs.builder()
                            .managedRuleGroupStatement(managedGroup(group))
                            .build())
                    .visibilityConfig(visibility(metricPrefix + "-" + group))
                    .build());
        }
        return rules;
    }

    /**
     * The Common rule set blocks request bodies over 8 KB by default; API payloads (carts, orders) can be
     * larger, so that one rule only counts.
     */
    static final String BODY_SIZE_RULE = "SizeRestrictions_BODY";

    private static WebAclRuleStatementManagedRuleGroupStatementArgs managedGroup(String group) {
        WebAclRuleStatementManagedRuleGroupStatementArgs.Builder statement =
                WebAclRuleStatementManagedRuleGroupStatementArgs.builder()
                        .vendorName("AWS")
                        .name(group);
        if (group.equals("AWSManagedRulesCommonRuleSet")) {
            statement.ruleActionOverrides(WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideArgs.builder()
                    .name(BODY_SIZE_RULE)
                    .actionToUse(WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseArgs.builder()
                            .count(
                                    WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCountArgs
                                            .builder()
                                            .build())
                            .build())
                    .build());
        }
        return statement.build();
    }

    private static WebAclRuleStatementArgs dynamicPaths() {
        return WebAclRuleStatementArgs.builder()
                .regexMatchStatement(WebAclRuleStatementRegexMatchStatementArgs.builder()
                        .regexString(DYNAMIC_PATHS)
                        .fieldToMatch(WebAclRuleStatementRegexMatchStatementFieldToMatchArgs.builder()
                                .uriPath(WebAclRuleStatementRegexMatchStatementFieldToMatchUriPathArgs.builder()
                                        .build())
                                .build())
                        .textTransformations(WebAclRuleStatementRegexMatchStatementTextTransformationArgs.builder()
                                .priority(0)
                                .type("NONE")
                                .build())
                        .build())
                .build();
    }

    private static WebAclRuleStatementArgs fromOurEdge(Exemption ourEdge) {
        return WebAclRuleStatementArgs.builder()
                .byteMatchStatement(WebAclRuleStatementByteMatchStatementArgs.builder()
                        .fieldToMatch(WebAclRuleStatementByteMatchStatementFieldToMatchArgs.builder()
                                .singleHeader(
                                        WebAclRuleStatementByteMatchStatementFieldToMatchSingleHeaderArgs.builder()
                                                .name(ourEdge.header().toLowerCase(java.util.Locale.ROOT))
                                                .build())
                                .build())
                        .positionalConstraint("EXACTLY")
                        .searchString(ourEdge.value())
                        .textTransformations(WebAclRuleStatementByteMatchStatementTextTransformationArgs.builder()
                                .priority(0)
                                .type("NONE")
                                .build())
                        .build())
                .build();
    }

    private static WebAclRuleVisibilityConfigArgs visibility(String metricName) {
        return WebAclRuleVisibilityConfigArgs.builder()
                .cloudwatchMetricsEnabled(true)
                .sampledRequestsEnabled(true)
                .metricName(metricName)
                .build();
    }
}
