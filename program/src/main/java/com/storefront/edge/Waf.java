package com.storefront.edge;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.pulumi.aws.wafv2.WebAclAssociationArgs;
import com.pulumi.aws.wafv2.WebAclLoggingConfiguration;
import com.pulumi.aws.wafv2.WebAclLoggingConfigurationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDataProtectionConfigArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDataProtectionConfigDataProtectionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDataProtectionConfigDataProtectionFieldArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationLoggingFilterArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationLoggingFilterFilterArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationLoggingFilterFilterConditionActionConditionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationLoggingFilterFilterConditionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldArgs;
import com.pulumi.aws.wafv2.inputs.WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.config.AlertSettings;
import com.storefront.config.WafLogFilter;
import com.storefront.core.Providers;
import com.storefront.core.StackComponent;
import com.storefront.iam.KeyUse;
import com.storefront.naming.NameLimit;
import com.storefront.naming.Naming;
import com.storefront.observability.MetricRef;
import com.storefront.observability.Metrics;
import com.storefront.observability.Watch;
import com.storefront.observability.Watches;
import com.storefront.security.EdgeSecrets;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * WAFv2 (EDGE-3): a REGIONAL web ACL on the ALB (and the API stage), and a CLOUDFRONT web ACL,
 * which AWS accepts only in us-east-1, for the distribution. Each logs to an
 * {@code aws-waf-logs-} group in its own region.
 */
public final class Waf extends StackComponent {

    /**
     * Headers whose values never reach the log records: the origin secret, API keys, shoppers'
     * sessions and credentials. Lowercase: the API returns the names lowercased, and the provider
     * compares them as given (other spellings would diff on every update, or be rejected).
     */
    public static final List<String> REDACTED_HEADERS = List.of(
            EdgeSecrets.ORIGIN_HEADER.toLowerCase(Locale.ROOT),
            EdgeSecrets.GATEWAY_HEADER.toLowerCase(Locale.ROOT),
            "x-api-key",
            "cookie",
            "authorization");
    /** What the blocked-and-counted filter keeps; a rule with a CAPTCHA or CHALLENGE action would need adding. */
    static final List<String> LOGGED_ACTIONS = List.of("BLOCK", "COUNT", "EXCLUDED_AS_COUNT");

    public static final String TYPE = "storefront:edge:Waf";

    /** Both ACLs' log groups encrypt with the key of their region. */
    public static final List<KeyUse> KEY_USES = List.of(KeyUse.cloudWatchLogs());
    /** WAF only accepts CloudWatch log groups whose names start with this. */
    public static final String LOG_GROUP_PREFIX = "aws-waf-logs-";

    private final String region;
    private final Output<String> regionalAclArn;
    private final Output<String> regionalAclName;
    private final Output<String> cloudFrontAclArn;
    private final Output<String> cloudFrontAclName;

    public Waf(String name, WafArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.region = args.aws().region();
        CustomResourceOptions regional =
                CustomResourceOptions.builder().parent(this).build();
        CustomResourceOptions usEast1 = CustomResourceOptions.builder()
                .parent(this)
                .provider(args.usEast1())
                .build();

        // Regional: CloudFront's requests (origin secret) are not counted per IP again. CloudFront: API
        // Gateway's requests (gateway secret) are not; and there only the uncached paths count.
        WebAcl regionalAcl = webAcl(
                "regional",
                "REGIONAL",
                args,
                args.originSecret()
                        .output()
                        .applyValue(secret -> new WafRules.Exemption(EdgeSecrets.ORIGIN_HEADER, secret)),
                false,
                regional);
        // Right after creation WAF can answer WAFUnavailableEntityException; a re-run of `pulumi up` settles it.
        new WebAclAssociation(
                name("alb-web-acl"),
                WebAclAssociationArgs.builder()
                        .resourceArn(args.albArn())
                        .webAclArn(regionalAcl.arn())
                        .build(),
                regional);
        WebAcl cloudFrontAcl = webAcl(
                "cloudfront",
                "CLOUDFRONT",
                args,
                EdgeSecrets.gatewaySecret(args.originSecret())
                        .applyValue(secret -> new WafRules.Exemption(EdgeSecrets.GATEWAY_HEADER, secret)),
                true,
                usEast1);

        this.regionalAclArn = regionalAcl.arn();
        this.regionalAclName = regionalAcl.name();
        this.cloudFrontAclArn = cloudFrontAcl.arn();
        this.cloudFrontAclName = cloudFrontAcl.name();
        registerOutputs(Map.of("regionalAclArn", regionalAclArn, "cloudFrontAclArn", cloudFrontAclArn));
    }

    private WebAcl webAcl(
            String what,
            String scope,
            WafArgs args,
            Output<WafRules.Exemption> ourEdge,
            boolean dynamicOnly,
            CustomResourceOptions options) {
        Naming naming = args.naming();
        String name = naming.name("waf-" + what);
        WebAcl acl = new WebAcl(
                name("web-acl-" + what),
                WebAclArgs.builder()
                        .name(name)
                        .description("Storefront " + naming.suffix() + " " + what + " protection")
                        .scope(scope)
                        .defaultAction(WebAclDefaultActionArgs.builder()
                                .allow(WebAclDefaultActionAllowArgs.builder().build())
                                .build())
                        .rules(ourEdge.applyValue(
                                exemption -> WafRules.rules(args.settings(), name, exemption, dynamicOnly)))
                        // Sampled requests (console, API) ignore the logging redaction; this masks the same headers
                        // there.
                        .dataProtectionConfig(dataProtection())
                        .visibilityConfig(WebAclVisibilityConfigArgs.builder()
                                .cloudwatchMetricsEnabled(true)
                                .sampledRequestsEnabled(true)
                                .metricName(name)
                                .build())
                        .build(),
                options);
        LogGroup logs = new LogGroup(
                name("waf-logs-" + what),
                LogGroupArgs.builder()
                        .name(LOG_GROUP_PREFIX + naming.name(what, NameLimit.LOG_GROUP))
                        .retentionInDays(args.logRetentionDays())
                        .kmsKeyId("CLOUDFRONT".equals(scope) ? args.usEast1KmsKeyArn() : args.kmsKeyArn())
                        .build(),
                options);
        WebAclLoggingConfigurationArgs.Builder logging = WebAclLoggingConfigurationArgs.builder()
                .resourceArn(acl.arn())
                .logDestinationConfigs(logs.arn().applyValue(List::of))
                // WAF logs every header unless told otherwise: keep the secrets out.
                .redactedFields(REDACTED_HEADERS.stream()
                        .map(header -> WebAclLoggingConfigurationRedactedFieldArgs.builder()
                                .singleHeader(WebAclLoggingConfigurationRedactedFieldSingleHeaderArgs.builder()
                                        .name(header)
                                        .build())
                                .build())
                        .toList());
        if (args.settings().wafLogFilter() == WafLogFilter.BLOCKED_AND_COUNTED) {
            logging.loggingFilter(blockedAndCountedOnly());
        }
        new WebAclLoggingConfiguration(name("waf-logging-" + what), logging.build(), options);
        return acl;
    }

    /** The redacted headers, replaced by {@code REDACTED} in everything WAF stores about a request. */
    static WebAclDataProtectionConfigArgs dataProtection() {
        return WebAclDataProtectionConfigArgs.builder()
                .dataProtections(WebAclDataProtectionConfigDataProtectionArgs.builder()
                        .action("SUBSTITUTION")
                        .field(WebAclDataProtectionConfigDataProtectionFieldArgs.builder()
                                .fieldType("SINGLE_HEADER")
                                .fieldKeys(REDACTED_HEADERS)
                                .build())
                        .excludeRuleMatchDetails(false)
                        .excludeRateBasedDetails(false)
                        .build())
                .build();
    }

    /**
     * Logs only requests a rule blocked or counted (a managed rule group's counted rules show as
     * EXCLUDED_AS_COUNT); everything else is dropped.
     */
    private static WebAclLoggingConfigurationLoggingFilterArgs blockedAndCountedOnly() {
        return WebAclLoggingConfigurationLoggingFilterArgs.builder()
                .defaultBehavior("DROP")
                .filters(WebAclLoggingConfigurationLoggingFilterFilterArgs.builder()
                        .behavior("KEEP")
                        .requirement("MEETS_ANY")
                        .conditions(LOGGED_ACTIONS.stream()
                                .map(action -> WebAclLoggingConfigurationLoggingFilterFilterConditionArgs.builder()
                                        .actionCondition(
                                                WebAclLoggingConfigurationLoggingFilterFilterConditionActionConditionArgs
                                                        .builder()
                                                        .action(action)
                                                        .build())
                                        .build())
                                .toList())
                        .build())
                .build();
    }

    /** The REGIONAL web ACL (ALB, API Gateway stage). */
    public Output<String> regionalAclArn() {
        return regionalAclArn;
    }

    /** The CLOUDFRONT web ACL (set on the distribution by ARN). */
    public Output<String> cloudFrontAclArn() {
        return cloudFrontAclArn;
    }

    /** Its dashboard panels (both ACLs) and the alarm on the regional ACL's blocked requests. */
    public Watches watches() {
        MetricRef blocked = Metrics.regionalWaf(regionalAclName, "BlockedRequests", region);
        return new Watches(
                List.of(
                        new Watches.Panel(
                                "WAF (ALB, API): allowed and blocked",
                                region,
                                List.of(Metrics.regionalWaf(regionalAclName, "AllowedRequests", region), blocked)),
                        new Watches.Panel(
                                "WAF (CloudFront): allowed and blocked",
                                Providers.CLOUDFRONT_REGION,
                                List.of(
                                        Metrics.cloudFrontWaf(cloudFrontAclName, "AllowedRequests"),
                                        Metrics.cloudFrontWaf(cloudFrontAclName, "BlockedRequests")))),
                List.of(Watch.on(
                        "waf-blocked",
                        s -> "The regional WAF blocks over " + s.wafBlockedPerMinute()
                                + " requests a minute: an attack, or a rule " + "blocking real users",
                        blocked,
                        Watch.ABOVE,
                        AlertSettings::wafBlockedPerMinute,
                        Watch.QUIET_IS_OK)));
    }
}
