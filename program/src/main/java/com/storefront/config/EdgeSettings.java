package com.storefront.config;

import java.util.Optional;

/**
 * Edge settings (EDGE-1..EDGE-4).
 *
 * @param logExpirationDays        days the log bucket keeps ALB, CloudFront and S3 access logs
 * @param noncurrentVersionDays    days an overwritten or deleted asset version is kept
 * @param staticAssetTtlSeconds    default TTL of the {@code *.js} / {@code *.css} behaviours
 * @param domainName               the viewer-facing name (CloudFront alias), with a us-east-1 certificate
 * @param certificateArn           an existing us-east-1 ACM certificate for {@code domainName}
 * @param hostedZoneId             Route 53 zone for certificate validation and the alias record
 * @param wafRateLimit             requests per IP per {@code wafRateWindowSeconds} before WAF blocks
 * @param wafLogFilter             which requests the web ACLs log (the secret headers are redacted either way)
 * @param infrequentAccessDays     days after which assets move to STANDARD_IA; 0 keeps them in STANDARD
 * @param waitForDeployment        whether a create or change of the distribution waits for its global rollout
 */
public record EdgeSettings(
        int logExpirationDays,
        OriginAccess originAccess,
        String priceClass,
        String defaultRootObject,
        int staticAssetTtlSeconds,
        int noncurrentVersionDays,
        Optional<String> domainName,
        Optional<String> certificateArn,
        Optional<String> hostedZoneId,
        int wafRateLimit,
        int wafRateWindowSeconds,
        WafLogFilter wafLogFilter,
        int infrequentAccessDays,
        boolean waitForDeployment) {

    public boolean customDomain() {
        return domainName.isPresent();
    }

    public boolean issuesCertificate() {
        return domainName.isPresent() && certificateArn.isEmpty();
    }
}
