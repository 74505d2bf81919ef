package com.storefront.edge;

import com.storefront.config.ConfigSection;
import com.storefront.config.DnsNames;
import com.storefront.config.EdgeSettings;
import com.storefront.config.Environment;
import com.storefront.config.OriginAccess;
import com.storefront.config.Setting;
import com.storefront.config.SettingGroup;
import com.storefront.config.SettingValues;
import com.storefront.config.WafLogFilter;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code storefront:edge}: declared settings of S3, CloudFront and WAF (EDGE-1..EDGE-4), and their reader. */
public final class EdgeConfig {

    /** S3 lifecycle: a transition to STANDARD_IA needs objects at least 30 days old. */
    static final int MIN_INFREQUENT_ACCESS_DAYS = 30;

    static final List<String> PRICE_CLASSES = List.of("PriceClass_100", "PriceClass_200", "PriceClass_All");
    /** The only evaluation windows a WAF rate-based rule accepts. */
    static final List<Integer> WAF_WINDOWS = List.of(60, 120, 300, 600);

    private static final Pattern US_EAST_1_CERTIFICATE =
            Pattern.compile("^arn:aws[a-z-]*:acm:us-east-1:\\d{12}:certificate/[0-9a-f-]{36}$");
    private static final Pattern OBJECT_KEY = Pattern.compile("^[A-Za-z0-9._/-]{1,255}$");

    static final Setting<Integer> LOG_EXPIRATION_DAYS = Setting.wholeNumber("logExpirationDays", 1, 3650)
            .doc("days the log bucket keeps ALB, CloudFront and S3 access logs")
            .defaultValue(30);
    static final Setting<OriginAccess> ORIGIN_ACCESS = Setting.choice("originAccess", OriginAccess.class)
            .doc("`oac` (bucket SSE-KMS with the CMK), `oai` (forces SSE-S3: an OAI cannot read KMS objects)")
            .defaultValue(OriginAccess.OAC);
    static final Setting<String> PRICE_CLASS = Setting.text("priceClass", "one of " + String.join(", ", PRICE_CLASSES))
            .rule(PRICE_CLASSES::contains)
            .doc("the CloudFront edge locations used")
            .byEnvironment("PriceClass_100", "PriceClass_All");
    static final Setting<String> DEFAULT_ROOT_OBJECT = Setting.text(
                    "defaultRootObject", "an object key such as index.html (no leading /)")
            .rule(v -> OBJECT_KEY.matcher(v).matches() && !v.startsWith("/"))
            .doc("what `/` serves")
            .defaultValue("index.html");
    static final Setting<Integer> STATIC_ASSET_TTL_SECONDS = Setting.wholeNumber("staticAssetTtlSeconds", 0, 31_536_000)
            .doc("default TTL of `*.js` / `*.css`")
            .defaultValue(86_400);
    static final Setting<Integer> NONCURRENT_VERSION_DAYS = Setting.wholeNumber("noncurrentVersionDays", 1, 3650)
            .doc("how long overwritten asset versions are kept")
            .byEnvironment(7, 30);
    static final Setting<Optional<String>> DOMAIN_NAME = Setting.text(
                    "domainName",
                    DnsNames.DOMAIN,
                    "a lowercase DNS name such as shop.example.com, not `tls.domainName`")
            .doc("viewer domain (CloudFront alias); with it viewers need TLS 1.2 or newer (`TLSv1.2_2021`). Without it "
                    + "CloudFront's default certificate serves, whose security policy is fixed at TLSv1")
            .optional();
    static final Setting<Optional<String>> CERTIFICATE_ARN = Setting.text(
                    "certificateArn",
                    US_EAST_1_CERTIFICATE,
                    "an ACM certificate ARN in us-east-1 (CloudFront only uses those)")
            .doc("the viewer certificate for `domainName`")
            .optional();
    static final Setting<Optional<String>> HOSTED_ZONE_ID = Setting.text(
                    "hostedZoneId", DnsNames.HOSTED_ZONE, "a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ")
            .doc("validates a requested us-east-1 certificate (when no `certificateArn`) and gets the alias record")
            .optional();
    static final Setting<Integer> WAF_RATE_LIMIT = Setting.wholeNumber("wafRateLimit", 10, 2_000_000_000)
            .doc("requests per client IP per window before both web ACLs block it")
            .defaultValue(2000);
    static final Setting<Integer> WAF_RATE_WINDOW_SECONDS = Setting.wholeNumber("wafRateWindowSeconds", 60, 600)
            .allowed("one of 60, 120, 300, 600")
            .rule(WAF_WINDOWS::contains)
            .doc("the rate rule's evaluation window")
            .defaultValue(300);
    static final Setting<WafLogFilter> WAF_LOG_FILTER = Setting.choice("wafLogFilter", WafLogFilter.class)
            .doc("`all` requests or only those a rule `blockedAndCounted`; the logs redact `x-origin-verify`, "
                    + "`x-gateway-verify`, `x-api-key`, `cookie` and `authorization` either way")
            .defaultValue(WafLogFilter.ALL);
    static final Setting<Integer> INFREQUENT_ACCESS_DAYS = Setting.wholeNumber("infrequentAccessDays", 0, 3650)
            .allowed("0 (assets stay in STANDARD) or 30–3650")
            .check(v -> v > 0 && v < MIN_INFREQUENT_ACCESS_DAYS
                    ? Optional.of("must be 0 (off) or at least "
                            + MIN_INFREQUENT_ACCESS_DAYS
                            + ": S3 moves objects to STANDARD_IA no sooner than 30 days after "
                            + "creation")
                    : Optional.empty())
            .doc("days after which assets move to STANDARD_IA (see \"Static assets\" for the trade-off)")
            .defaultValue(30);

    static final Setting<Boolean> WAIT_FOR_DEPLOYMENT = Setting.bool("waitForDeployment")
            .doc("whether `pulumi up` waits for CloudFront's global rollout (about 5 minutes per create or change) "
                    + "before it reports success; off, a first deploy without the cache takes under 15 minutes "
                    + "(see the deploy estimate), and the edge serves the change a few minutes after `up` ends")
            .byEnvironment(false, true);

    public static final SettingGroup GROUP = new SettingGroup(
            "storefront:edge",
            "S3 assets, CloudFront and WAF",
            List.of(
                    LOG_EXPIRATION_DAYS,
                    ORIGIN_ACCESS,
                    PRICE_CLASS,
                    DEFAULT_ROOT_OBJECT,
                    STATIC_ASSET_TTL_SECONDS,
                    NONCURRENT_VERSION_DAYS,
                    DOMAIN_NAME,
                    CERTIFICATE_ARN,
                    HOSTED_ZONE_ID,
                    WAF_RATE_LIMIT,
                    WAF_RATE_WINDOW_SECONDS,
                    WAF_LOG_FILTER,
                    INFREQUENT_ACCESS_DAYS,
                    WAIT_FOR_DEPLOYMENT));

    private EdgeConfig() {}

    public static EdgeSettings read(ConfigSection section, Environment environment) {
        SettingValues values = new SettingValues(section, environment);
        values.readAll(GROUP);
        boolean domain = section.has(DOMAIN_NAME.name());
        boolean certificate = section.has(CERTIFICATE_ARN.name());
        if (!domain && (certificate || section.has(HOSTED_ZONE_ID.name()))) {
            values.problems().add(values.key(DOMAIN_NAME), null, "is required with certificateArn or hostedZoneId");
        }
        if (domain && !certificate && !section.has(HOSTED_ZONE_ID.name())) {
            values.problems()
                    .add(
                            values.key(CERTIFICATE_ARN),
                            null,
                            "or hostedZoneId is required with domainName: CloudFront needs a us-east-1 certificate for it");
        }
        section.rejectUnknownKeys();
        return values.build(EdgeSettings.class);
    }
}
