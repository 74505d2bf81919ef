package com.storefront.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and validates {@code storefront:edge} (with its WAF settings) and {@code storefront:api}. */
final class EdgeSettingsReader {

    /** S3 lifecycle: a transition to STANDARD_IA needs objects at least 30 days old. */
    static final int MIN_INFREQUENT_ACCESS_DAYS = 30;

    static final List<String> PRICE_CLASSES = List.of("PriceClass_100", "PriceClass_200", "PriceClass_All");
    /** The only evaluation windows a WAF rate-based rule accepts. */
    static final List<Integer> WAF_WINDOWS = List.of(60, 120, 300, 600);
    private static final Pattern DOMAIN = Pattern.compile("^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final Pattern US_EAST_1_CERTIFICATE =
            Pattern.compile("^arn:aws[a-z-]*:acm:us-east-1:\\d{12}:certificate/[0-9a-f-]{36}$");
    private static final Pattern HOSTED_ZONE = Pattern.compile("^Z[A-Z0-9]{1,31}$");
    private static final Pattern OBJECT_KEY = Pattern.compile("^[A-Za-z0-9._/-]{1,255}$");
    private static final Pattern STAGE = Pattern.compile("^[a-zA-Z0-9_]{1,128}$");
    private static final Pattern ROLE_ARN = Pattern.compile("^arn:aws[a-z-]*:iam::\\d{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}$");

    private EdgeSettingsReader() {
    }

    static EdgeSettings read(ConfigSection section, Environment environment) {
        ConfigProblems problems = section.problems();
        int expiration = section.integer("logExpirationDays", 30, 1, 3650);
        OriginAccess access = section.choice("originAccess", OriginAccess.class, OriginAccess.OAC);
        String priceClass = section.string("priceClass", environment.pick("PriceClass_100", "PriceClass_All"));
        if (!PRICE_CLASSES.contains(priceClass)) {
            problems.add(section.key("priceClass"), priceClass, "must be one of " + PRICE_CLASSES);
        }
        String rootObject = section.string("defaultRootObject", "index.html");
        if (!OBJECT_KEY.matcher(rootObject).matches() || rootObject.startsWith("/")) {
            problems.add(section.key("defaultRootObject"), rootObject, "must be an object key such as index.html (no leading /)");
        }
        int ttl = section.integer("staticAssetTtlSeconds", 86_400, 0, 31_536_000);
        int noncurrent = section.integer("noncurrentVersionDays", environment.pick(7, 30), 1, 3650);

        Optional<String> domain = section.optionalString("domainName");
        Optional<String> certificate = section.optionalString("certificateArn");
        Optional<String> zone = section.optionalString("hostedZoneId");
        domain.filter(d -> !DOMAIN.matcher(d).matches()).ifPresent(d -> problems.add(section.key("domainName"), d,
                "must be a lowercase DNS name such as shop.example.com"));
        certificate.filter(c -> !US_EAST_1_CERTIFICATE.matcher(c).matches()).ifPresent(c -> problems.add(
                section.key("certificateArn"), c, "must be an ACM certificate ARN in us-east-1 (CloudFront only uses those)"));
        zone.filter(z -> !HOSTED_ZONE.matcher(z).matches()).ifPresent(z -> problems.add(section.key("hostedZoneId"), z,
                "must be a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ"));
        if (domain.isEmpty() && (certificate.isPresent() || zone.isPresent())) {
            problems.add(section.key("domainName"), null, "is required with certificateArn or hostedZoneId");
        }
        if (domain.isPresent() && certificate.isEmpty() && zone.isEmpty()) {
            problems.add(section.key("certificateArn"), null,
                    "or hostedZoneId is required with domainName: CloudFront needs a us-east-1 certificate for it");
        }

        int rateLimit = section.integer("wafRateLimit", 2000, 10, 2_000_000_000);
        int window = section.integer("wafRateWindowSeconds", 300, 60, 600);
        if (!WAF_WINDOWS.contains(window)) {
            problems.add(section.key("wafRateWindowSeconds"), window, "must be one of " + WAF_WINDOWS);
        }
        WafLogFilter logFilter = section.choice("wafLogFilter", WafLogFilter.class, WafLogFilter.ALL);
        int infrequentAccess = section.integer("infrequentAccessDays", 30, 0, 3650);
        if (infrequentAccess > 0 && infrequentAccess < MIN_INFREQUENT_ACCESS_DAYS) {
            problems.add(section.key("infrequentAccessDays"), infrequentAccess, "must be 0 (off) or at least "
                    + MIN_INFREQUENT_ACCESS_DAYS + ": S3 moves objects to STANDARD_IA no sooner than 30 days after creation");
        }
        section.rejectUnknownKeys();
        return new EdgeSettings(expiration, access, priceClass, rootObject, ttl, noncurrent, domain, certificate, zone,
                rateLimit, window, logFilter, infrequentAccess);
    }

    static ApiSettings api(ConfigSection section, Environment environment) {
        ConfigProblems problems = section.problems();
        boolean enabled = section.bool("enabled", environment.pick(false, true));
        String stage = section.string("stageName", "v1");
        if (!STAGE.matcher(stage).matches()) {
            problems.add(section.key("stageName"), stage, "must be letters, digits or _ (at most 128)");
        }
        int rate = section.integer("rateLimit", 100, 1, 10_000);
        int burst = section.integer("burstLimit", 1000, 1, 5_000);
        if (burst < rate) {
            problems.add(section.key("burstLimit"), burst, "must be at least rateLimit (" + rate + ")");
        }
        Optional<String> role = section.optionalString("cloudWatchRoleArn");
        role.filter(r -> !ROLE_ARN.matcher(r).matches()).ifPresent(r -> problems.add(section.key("cloudWatchRoleArn"), r,
                "must be an IAM role ARN"));
        boolean manage = section.bool("manageAccountLogging", false);
        ApiLogLevel level = section.choice("executionLogLevel", ApiLogLevel.class, ApiLogLevel.ERROR);
        // Access logs need the account-level role as much as execution logs do.
        if (enabled && !manage && role.isEmpty()) {
            problems.add(section.key("cloudWatchRoleArn"), null, "is required with api.enabled unless "
                    + section.key("manageAccountLogging") + " is true: API Gateway logs only through the role in the "
                    + "region's account settings, shared by every REST API there. Name the role already registered "
                    + "(aws apigateway get-account), or let this stack register one (manageAccountLogging: true)");
        }
        section.rejectUnknownKeys();
        return new ApiSettings(enabled, stage, rate, burst, role, manage, level);
    }
}
