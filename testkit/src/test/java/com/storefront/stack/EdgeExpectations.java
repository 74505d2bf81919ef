package com.storefront.stack;

import com.storefront.testing.StackRun;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What must be (and only be) created through the us-east-1 provider. */
final class EdgeExpectations {

    /** CLOUDFRONT-scope WAF with its log group (and the us-east-1 key encrypting that group). */
    static final Set<String> US_EAST_1_WITHOUT_DOMAIN = new TreeSet<>(Set.of(
            "aws:wafv2/webAcl:WebAcl waf-web-acl-cloudfront",
            "aws:cloudwatch/logGroup:LogGroup waf-logs-cloudfront",
            "aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration waf-logging-cloudfront",
            "aws:kms/key:Key encryption-us-east-1-key",
            "aws:kms/alias:Alias encryption-us-east-1-alias"));

    private EdgeExpectations() {}

    static Set<String> usEast1Resources(StackRun run) {
        return run.where(r -> r.custom() && "aws-us-east-1".equals(r.providerName())).stream()
                .map(r -> r.type() + " " + r.name())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
