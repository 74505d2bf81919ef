package com.storefront.edge;

import com.pulumi.aws.cloudfront.CachePolicy;
import com.pulumi.aws.cloudfront.CachePolicyArgs;
import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.DistributionArgs;
import com.pulumi.aws.cloudfront.OriginAccessControl;
import com.pulumi.aws.cloudfront.OriginAccessControlArgs;
import com.pulumi.aws.cloudfront.OriginAccessIdentity;
import com.pulumi.aws.cloudfront.OriginAccessIdentityArgs;
import com.pulumi.aws.cloudfront.VpcOrigin;
import com.pulumi.aws.cloudfront.VpcOriginArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginCookiesConfigArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigArgs;
import com.pulumi.aws.cloudfront.inputs.CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionDefaultCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionLoggingConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOrderedCacheBehaviorArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomHeaderArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginCustomOriginConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginS3OriginConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionOriginVpcOriginConfigArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionRestrictionsGeoRestrictionArgs;
import com.pulumi.aws.cloudfront.inputs.DistributionViewerCertificateArgs;
import com.pulumi.aws.cloudfront.inputs.VpcOriginTimeoutsArgs;
import com.pulumi.aws.cloudfront.inputs.VpcOriginVpcOriginEndpointConfigArgs;
import com.pulumi.aws.cloudfront.inputs.VpcOriginVpcOriginEndpointConfigOriginSslProtocolsArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.config.EdgeSettings;
import com.storefront.config.OriginAccess;
import com.storefront.core.Certificates;
import com.storefront.core.ChildNames;
import com.storefront.core.EdgeRoutes;
import com.storefront.core.StackComponent;
import com.storefront.iam.PolicyDocument;
import com.storefront.iam.PolicyStatement;
import com.storefront.naming.Naming;
import com.storefront.security.EdgeSecrets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CloudFront (EDGE-2): the assets bucket as the default origin, {@code *.js}/{@code *.css} with a
 * day-long cache, {@code /api/*} to the ALB uncached; HTTPS for viewers everywhere, HTTP/2 and 3,
 * IPv6, security headers, access logs, the CLOUDFRONT web ACL, and an optional custom domain.
 */
public final class Cdn extends StackComponent {

    public static final String TYPE = "storefront:edge:Cdn";
    static final String S3_ORIGIN = "assets";
    static final String ALB_ORIGIN = "api";
    static final String API_PATH = "/api/*";
    /** VPC origins take up to 15 minutes to create or change (AWS); the provider's default wait is exactly that. */
    static final String VPC_ORIGIN_TIMEOUT = "30m";

    static final List<String> STATIC_PATHS = List.of("*.js", "*.css");
    /** The hosted zone every CloudFront alias record points into. */
    static final String CLOUDFRONT_ZONE_ID = "Z2FDTNDATAQYW2";

    static final List<String> ALL_METHODS = List.of("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE");
    static final List<String> READ_METHODS = List.of("GET", "HEAD", "OPTIONS");
    static final List<String> CACHED_METHODS = List.of("GET", "HEAD");

    private final Output<String> distributionId;
    private final Output<String> distributionArn;
    private final Output<String> domainName;
    private final Output<String> applicationUrl;

    public Cdn(String name, CdnArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        EdgeSettings settings = args.settings();
        Naming naming = args.naming();
        CustomResourceOptions child = child();
        boolean oac = settings.originAccess() == OriginAccess.OAC;

        DistributionOriginArgs.Builder s3Origin = DistributionOriginArgs.builder()
                .originId(S3_ORIGIN)
                .domainName(args.assets().regionalDomainName());
        Optional<OriginAccessIdentity> oai = Optional.empty();
        if (oac) {
            OriginAccessControl control = new OriginAccessControl(
                    name("assets-oac"),
                    OriginAccessControlArgs.builder()
                            .name(naming.name("assets"))
                            .description("Storefront assets bucket, SigV4-signed")
                            .originAccessControlOriginType("s3")
                            .signingBehavior("always")
                            .signingProtocol("sigv4")
                            .build(),
                    child);
            s3Origin.originAccessControlId(control.id());
        } else {
            oai = Optional.of(new OriginAccessIdentity(
                    name("assets-oai"),
                    OriginAccessIdentityArgs.builder()
                            .comment("Storefront " + naming.suffix() + " assets")
                            .build(),
                    child));
            s3Origin.s3OriginConfig(DistributionOriginS3OriginConfigArgs.builder()
                    .originAccessIdentity(oai.get().cloudfrontAccessIdentityPath())
                    .build());
        }

        CachePolicy staticPolicy = new CachePolicy(
                name("static-cache-policy"),
                CachePolicyArgs.builder()
                        .name(naming.name("static-assets"))
                        .comment("Storefront JS and CSS: cached for a day, compressed")
                        .defaultTtl(settings.staticAssetTtlSeconds())
                        .minTtl(0)
                        .maxTtl(Math.max(settings.staticAssetTtlSeconds(), 31_536_000))
                        .parametersInCacheKeyAndForwardedToOrigin(
                                CachePolicyParametersInCacheKeyAndForwardedToOriginArgs.builder()
                                        .enableAcceptEncodingGzip(true)
                                        .enableAcceptEncodingBrotli(true)
                                        .cookiesConfig(
                                                CachePolicyParametersInCacheKeyAndForwardedToOriginCookiesConfigArgs
                                                        .builder()
                                                        .cookieBehavior("none")
                                                        .build())
                                        .headersConfig(
                                                CachePolicyParametersInCacheKeyAndForwardedToOriginHeadersConfigArgs
                                                        .builder()
                                                        .headerBehavior("none")
                                                        .build())
                                        .queryStringsConfig(
                                                CachePolicyParametersInCacheKeyAndForwardedToOriginQueryStringsConfigArgs
                                                        .builder()
                                                        .queryStringBehavior("none")
                                                        .build())
                                        .build())
                        .build(),
                child);

        CustomResourceOptions usEast1 = CustomResourceOptions.builder()
                .parent(this)
                .provider(args.usEast1())
                .build();
        DistributionViewerCertificateArgs certificate = settings.domainName()
                .map(domain -> DistributionViewerCertificateArgs.builder()
                        .acmCertificateArn(Certificates.arn(
                                "cdn-certificate", domain, settings.certificateArn(), settings.hostedZoneId(), usEast1))
                        .sslSupportMethod("sni-only")
                        .minimumProtocolVersion("TLSv1.2_2021")
                        .build())
                .orElse(DistributionViewerCertificateArgs.builder()
                        .cloudfrontDefaultCertificate(true)
                        .build());

        DistributionArgs.Builder distribution = DistributionArgs.builder()
                .enabled(true)
                .comment("Storefront " + naming.suffix())
                .httpVersion("http2and3")
                .isIpv6Enabled(true)
                .priceClass(settings.priceClass())
                .defaultRootObject(settings.defaultRootObject())
                .origins(Output.all(Output.of(s3Origin.build()), albOrigin(args, child)))
                .defaultCacheBehavior(DistributionDefaultCacheBehaviorArgs.builder()
                        .targetOriginId(S3_ORIGIN)
                        .viewerProtocolPolicy("redirect-to-https")
                        .allowedMethods(READ_METHODS)
                        .cachedMethods(CACHED_METHODS)
                        .compress(true)
                        .cachePolicyId(CloudFrontPolicies.CACHING_OPTIMIZED)
                        .responseHeadersPolicyId(CloudFrontPolicies.SECURITY_HEADERS)
                        .build())
                .orderedCacheBehaviors(Output.all(behaviours(staticPolicy, args.partnerApi())))
                .loggingConfig(DistributionLoggingConfigArgs.builder()
                        .bucket(args.logBucketDomainName())
                        .prefix(LogBucket.CLOUDFRONT_PREFIX + "/")
                        .includeCookies(false)
                        .build())
                .restrictions(DistributionRestrictionsArgs.builder()
                        .geoRestriction(DistributionRestrictionsGeoRestrictionArgs.builder()
                                .restrictionType("none")
                                .build())
                        .build())
                .viewerCertificate(certificate)
                // WAFv2 takes the web ACL's ARN here (an id is WAF classic).
                .webAclId(args.webAclArn())
                // Dev deploys do not wait the minutes a global rollout takes (PERF-1: it is on the critical path).
                .waitForDeployment(settings.waitForDeployment());
        settings.domainName().ifPresent(domain -> distribution.aliases(domain));
        Distribution cdn = new Distribution(name("distribution"), distribution.build(), child);

        Output<Optional<String>> oaiArn =
                oai.map(identity -> identity.iamArn().applyValue(Optional::of)).orElse(Output.of(Optional.empty()));
        new BucketPolicy(
                name("assets-policy"),
                BucketPolicyArgs.builder()
                        .bucket(args.assets().bucketId())
                        .policy(Output.tuple(args.assets().bucketArn(), cdn.arn(), oaiArn)
                                .applyValue(t -> assetsPolicy(t.t1, t.t2, t.t3)))
                        .build(),
                child);

        // IPv4 and IPv6 aliases: the distribution has IPv6 on.
        settings.domainName()
                .ifPresent(domain -> settings.hostedZoneId().ifPresent(zone -> {
                    for (String type : List.of("A", "AAAA")) {
                        new Record(
                                name(type.equals("A") ? "cdn-alias" : "cdn-alias-ipv6"),
                                RecordArgs.builder()
                                        .zoneId(zone)
                                        .name(domain)
                                        .type(type)
                                        .aliases(RecordAliasArgs.builder()
                                                .name(cdn.domainName())
                                                .zoneId(CLOUDFRONT_ZONE_ID)
                                                .evaluateTargetHealth(false)
                                                .build())
                                        .build(),
                                child);
                    }
                }));

        this.distributionId = cdn.id();
        this.distributionArn = cdn.arn();
        this.domainName = cdn.domainName();
        this.applicationUrl = settings.domainName()
                .map(d -> Output.of("https://" + d))
                .orElse(cdn.domainName().applyValue(d -> "https://" + d));
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("distributionId", distributionId);
        outputs.put("domainName", domainName);
        outputs.put("applicationUrl", applicationUrl);
        registerOutputs(outputs);
    }

    /**
     * The ALB origin. Internal ALB: a VPC origin, so the hop stays inside AWS's network and the ALB has no
     * public address. ALB with a domain: HTTPS only, TLS 1.2 or later, to the name its certificate covers.
     * Either way the origin secret goes along (the ALB routes nothing without it).
     */
    private static Output<DistributionOriginArgs> albOrigin(CdnArgs args, CustomResourceOptions child) {
        DistributionOriginArgs.Builder origin = DistributionOriginArgs.builder().originId(ALB_ORIGIN);
        Output<DistributionOriginArgs.Builder> configured;
        if (args.albInternal()) {
            VpcOrigin vpcOrigin = vpcOrigin(args, child);
            configured = vpcOrigin
                    .id()
                    .applyValue(id -> origin.vpcOriginConfig(DistributionOriginVpcOriginConfigArgs.builder()
                            .vpcOriginId(id)
                            .originReadTimeout(30)
                            .originKeepaliveTimeout(5)
                            .build()));
        } else {
            configured = Output.of(origin.customOriginConfig(DistributionOriginCustomOriginConfigArgs.builder()
                    .originProtocolPolicy("https-only")
                    .httpPort(80)
                    .httpsPort(443)
                    .originSslProtocols("TLSv1.2")
                    .originReadTimeout(30)
                    .originKeepaliveTimeout(5)
                    .build()));
        }
        Output<List<DistributionOriginCustomHeaderArgs>> headers = args.originSecret()
                .output()
                .applyValue(value -> List.of(DistributionOriginCustomHeaderArgs.builder()
                        .name(EdgeSecrets.ORIGIN_HEADER)
                        .value(value)
                        .build()));
        return Output.tuple(configured, args.albOriginDomain(), headers)
                .applyValue(t -> t.t1.domainName(t.t2).customHeaders(t.t3).build());
    }

    /**
     * The internal ALB as a CloudFront VPC origin (HTTP on 80; AWS carries it privately). AWS refuses to change
     * a VPC origin while a distribution uses it (CannotUpdateEntityWhileInUse), and the provider's update
     * always sends the whole origin: tag changes are ignored after creation so they cannot fail an update.
     */
    private static VpcOrigin vpcOrigin(CdnArgs args, CustomResourceOptions child) {
        return new VpcOrigin(
                ChildNames.of(child, "alb-vpc-origin"),
                VpcOriginArgs.builder()
                        .vpcOriginEndpointConfig(VpcOriginVpcOriginEndpointConfigArgs.builder()
                                .name(args.naming().name("alb"))
                                .arn(args.albArn())
                                .httpPort(80)
                                .httpsPort(443)
                                .originProtocolPolicy("http-only")
                                // Required by the provider even for http-only.
                                .originSslProtocols(VpcOriginVpcOriginEndpointConfigOriginSslProtocolsArgs.builder()
                                        .items("TLSv1.2")
                                        .quantity(1)
                                        .build())
                                .build())
                        .timeouts(VpcOriginTimeoutsArgs.builder()
                                .create(VPC_ORIGIN_TIMEOUT)
                                .update(VPC_ORIGIN_TIMEOUT)
                                .delete(VPC_ORIGIN_TIMEOUT)
                                .build())
                        .build(),
                CustomResourceOptions.merge(
                        child,
                        CustomResourceOptions.builder()
                                .ignoreChanges("tags", "tagsAll")
                                .build()));
    }

    private static List<Output<DistributionOrderedCacheBehaviorArgs>> behaviours(
            CachePolicy staticPolicy, boolean partnerApi) {
        List<Output<DistributionOrderedCacheBehaviorArgs>> behaviours = new ArrayList<>();
        behaviours.add(Output.of(dynamic(API_PATH)));
        // API Gateway's way to the ALB; the ALB refuses it to anyone who did not come through API Gateway.
        if (partnerApi) {
            behaviours.add(Output.of(dynamic(EdgeRoutes.PARTNER_PATH)));
        }
        for (String path : STATIC_PATHS) {
            // With a cache policy, behaviour-level TTLs and forwarded values must stay unset (AWS rejects both).
            behaviours.add(staticPolicy
                    .id()
                    .applyValue(policyId -> DistributionOrderedCacheBehaviorArgs.builder()
                            .pathPattern(path)
                            .targetOriginId(S3_ORIGIN)
                            .viewerProtocolPolicy("redirect-to-https")
                            .allowedMethods(READ_METHODS)
                            .cachedMethods(CACHED_METHODS)
                            .compress(true)
                            .cachePolicyId(policyId)
                            .responseHeadersPolicyId(CloudFrontPolicies.SECURITY_HEADERS)
                            .build()));
        }
        return behaviours;
    }

    /**
     * The API paths: never cached, every viewer header but Host (the ALB has its own name). HTTPS only: a 301
     * would make many clients resend a POST as a GET, or send credentials in the clear first.
     */
    private static DistributionOrderedCacheBehaviorArgs dynamic(String path) {
        return DistributionOrderedCacheBehaviorArgs.builder()
                .pathPattern(path)
                .targetOriginId(ALB_ORIGIN)
                .viewerProtocolPolicy("https-only")
                .responseHeadersPolicyId(CloudFrontPolicies.SECURITY_HEADERS)
                .allowedMethods(ALL_METHODS)
                .cachedMethods(CACHED_METHODS)
                .compress(true)
                .cachePolicyId(CloudFrontPolicies.CACHING_DISABLED)
                .originRequestPolicyId(CloudFrontPolicies.ALL_VIEWER_EXCEPT_HOST_HEADER)
                .build();
    }

    /** TLS only, and reads only by this distribution (OAC) or its identity (OAI). */
    static String assetsPolicy(String bucketArn, String distributionArn, Optional<String> oaiArn) {
        PolicyStatement read = PolicyStatement.allow("CloudFrontReadsAssets")
                .actions("s3:GetObject")
                .resources(bucketArn + "/*");
        if (oaiArn.isPresent()) {
            read.aws(oaiArn.get());
        } else {
            read.service("cloudfront.amazonaws.com").condition("StringEquals", "AWS:SourceArn", distributionArn);
        }
        return PolicyDocument.of(PrivateBucket.denyInsecureTransport(bucketArn), read);
    }

    public Output<String> distributionId() {
        return distributionId;
    }

    public Output<String> distributionArn() {
        return distributionArn;
    }

    /** {@code dxxxx.cloudfront.net}. */
    public Output<String> domainName() {
        return domainName;
    }

    /** {@code https://} plus the custom domain or the CloudFront name. */
    public Output<String> applicationUrl() {
        return applicationUrl;
    }
}
