package com.storefront.edge;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.cloudfront.CachePolicy;
import com.pulumi.aws.cloudfront.Distribution;
import com.pulumi.aws.cloudfront.OriginAccessControl;
import com.pulumi.aws.cloudfront.OriginAccessIdentity;
import com.pulumi.aws.cloudfront.VpcOrigin;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.lb.LoadBalancer;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.storefront.plan.Json;
import com.storefront.plan.Registered;
import com.storefront.plan.StackConfig;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EDGE-2 on the distribution and its bucket access (OAC with SSE-KMS, us-east-1 certificates and WAF). */
class CdnTest {

    private static final String DISTRIBUTION = Types.of(Distribution.class);

    private static Registered distribution(StackRun run) {
        return run.one(DISTRIBUTION, "cdn-distribution");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> behavioursByPath(Registered distribution) {
        return distribution.list("orderedCacheBehaviors").stream()
                .map(b -> (Map<String, Object>) b)
                .collect(Collectors.toMap(b -> (String) b.get("pathPattern"), b -> b));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> originsById(Registered distribution) {
        return distribution.list("origins").stream()
                .map(o -> (Map<String, Object>) o)
                .collect(Collectors.toMap(o -> (String) o.get("originId"), o -> o));
    }

    @Test
    void viewersGetHttpsHttp2And3AndIpv6() {
        Registered cdn = distribution(Stacks.prod());
        assertEquals("http2and3", cdn.string("httpVersion"));
        assertTrue(cdn.bool("isIpv6Enabled"));
        assertEquals("index.html", cdn.string("defaultRootObject"));
        assertEquals("PriceClass_All", cdn.string("priceClass"));
        assertEquals("PriceClass_100", distribution(Stacks.dev()).string("priceClass"));
        assertEquals("redirect-to-https", cdn.string("defaultCacheBehavior.viewerProtocolPolicy"));
        behavioursByPath(cdn)
                .forEach((path, b) -> assertEquals(
                        List.of("/api/*", "/partner/*").contains(path) ? "https-only" : "redirect-to-https",
                        b.get("viewerProtocolPolicy"),
                        path));
        assertEquals(Map.of("cloudfrontDefaultCertificate", true), cdn.map("viewerCertificate"));
        assertTrue(cdn.input("aliases").isEmpty());
    }

    @Test
    void defaultBehaviourServesTheBucketCachedWithSecurityHeaders() {
        Map<String, Object> behaviour = distribution(Stacks.prod()).map("defaultCacheBehavior");
        assertEquals("assets", behaviour.get("targetOriginId"));
        assertEquals(
                "658327ea-f89d-4fab-a63d-7e88639e58f6", behaviour.get("cachePolicyId"), "Managed-CachingOptimized");
        assertEquals(
                "67f7725c-6f97-4210-82d7-5512b31e9d03",
                behaviour.get("responseHeadersPolicyId"),
                "Managed-SecurityHeadersPolicy");
        assertFalse(behaviour.containsKey("forwardedValues"));
    }

    @Test
    void scriptsAndStylesAreCachedForADay() {
        StackRun run = Stacks.prod();
        Registered policy = run.one(Types.of(CachePolicy.class), "cdn-static-cache-policy");
        assertEquals(86400.0, policy.number("defaultTtl"));
        assertTrue(policy.bool("parametersInCacheKeyAndForwardedToOrigin.enableAcceptEncodingGzip"));
        assertTrue(policy.bool("parametersInCacheKeyAndForwardedToOrigin.enableAcceptEncodingBrotli"));
        Map<String, Map<String, Object>> behaviours = behavioursByPath(distribution(run));
        for (String path : List.of("*.js", "*.css")) {
            Map<String, Object> behaviour = behaviours.get(path);
            assertEquals("assets", behaviour.get("targetOriginId"));
            assertEquals(policy.id(), behaviour.get("cachePolicyId"));
            assertFalse(behaviour.containsKey("forwardedValues"), "AWS rejects forwarded values with a cache policy");
            assertFalse(behaviour.containsKey("defaultTtl"));
        }
    }

    @Test
    void apiIsNeverCachedAndGoesToTheAlbWithoutTheHostHeader() {
        Map<String, Object> api = behavioursByPath(distribution(Stacks.prod())).get("/api/*");
        assertEquals("api", api.get("targetOriginId"));
        assertEquals("4135ea2d-6df8-44a3-9df3-4b5a84be39ad", api.get("cachePolicyId"), "Managed-CachingDisabled");
        assertEquals(
                "b689b0a8-53d0-40ab-baf2-68738e2966ac",
                api.get("originRequestPolicyId"),
                "Managed-AllViewerExceptHostHeader");
        assertEquals(List.of("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"), api.get("allowedMethods"));
        // API clients get no redirect (a POST would come back as a GET), and the same security headers as pages.
        assertEquals("https-only", api.get("viewerProtocolPolicy"));
        assertEquals(
                "67f7725c-6f97-4210-82d7-5512b31e9d03",
                api.get("responseHeadersPolicyId"),
                "Managed-SecurityHeadersPolicy");
        assertEquals(
                "/api/*",
                distribution(Stacks.prod()).string("orderedCacheBehaviors.0.pathPattern"),
                "first, so /api/x.js still reaches the API");
    }

    @Test
    void withoutAnAlbCertificateCloudFrontReachesTheInternalAlbThroughAVpcOrigin() {
        for (StackRun run : List.of(Stacks.dev(), Stacks.prod())) {
            Registered cdn = distribution(run);
            Registered vpcOrigin = run.one(Types.of(VpcOrigin.class), "cdn-alb-vpc-origin");
            Map<String, Object> alb = originsById(cdn).get("api");
            assertEquals(run.output("albDnsName"), alb.get("domainName"));
            assertFalse(alb.containsKey("customOriginConfig"), "no custom origin: nothing crosses the internet");
            assertEquals(
                    Map.of("vpcOriginId", vpcOrigin.id(), "originReadTimeout", 30.0, "originKeepaliveTimeout", 5.0),
                    alb.get("vpcOriginConfig"));
            Map<String, Object> endpoint = vpcOrigin.map("vpcOriginEndpointConfig");
            assertEquals(
                    run.one(Types.of(LoadBalancer.class), "load-balancer-alb")
                            .outputs()
                            .get("arn"),
                    endpoint.get("arn"));
            assertEquals("http-only", endpoint.get("originProtocolPolicy"));
            assertEquals(80.0, endpoint.get("httpPort"));
            assertEquals(
                    Map.of("items", List.of("TLSv1.2"), "quantity", 1.0),
                    endpoint.get("originSslProtocols"),
                    "the provider requires it even for http-only");
            assertEquals("storefront-alb-" + run.config().get("storefront:environmentSuffix"), endpoint.get("name"));
            assertEquals(
                    List.of("tags", "tagsAll"),
                    vpcOrigin.ignoreChanges(),
                    "AWS refuses to change a VPC origin in use, even its tags");
            assertEquals("30m", vpcOrigin.string("timeouts.create"));
            // Still sent: the ALB serves only our distribution, not every one in the account.
            assertEquals(
                    List.of(Map.of(
                            "name",
                            "X-Origin-Verify",
                            "value",
                            StackConfig.SECRET_PLACEHOLDERS.get("storefront:originVerifySecret"))),
                    alb.get("customHeaders"));
            assertTrue(cdn.secretInputs().contains("origins"), "the header value stays a Pulumi secret");
        }
    }

    @Test
    void withAnAlbCertificateTheOriginIsHttpsToItsDomain() {
        StackRun run = Stacks.prodWithDomain();
        Map<String, Object> alb = originsById(distribution(run)).get("api");
        assertEquals("origin.shop.example.com", alb.get("domainName"));
        Map<?, ?> config = (Map<?, ?>) alb.get("customOriginConfig");
        assertEquals("https-only", config.get("originProtocolPolicy"));
        assertEquals(List.of("TLSv1.2"), config.get("originSslProtocols"));
        assertTrue(run.ofType(Types.of(VpcOrigin.class)).isEmpty());
        assertEquals(
                "X-Origin-Verify",
                ((Map<?, ?>) ((List<?>) alb.get("customHeaders")).get(0)).get("name"),
                "CloudFront's addresses are every distribution's: the ALB also checks the secret");
    }

    @Test
    void thePartnerPathGoesToTheAlbOnlyWithTheApi() {
        Map<String, Object> partner =
                behavioursByPath(distribution(Stacks.prod())).get("/partner/*");
        assertEquals("api", partner.get("targetOriginId"));
        assertEquals("4135ea2d-6df8-44a3-9df3-4b5a84be39ad", partner.get("cachePolicyId"), "Managed-CachingDisabled");
        assertEquals(
                List.of("GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"),
                partner.get("allowedMethods"),
                "API Gateway proxies every method");
        assertEquals(
                "b689b0a8-53d0-40ab-baf2-68738e2966ac",
                partner.get("originRequestPolicyId"),
                "every viewer header, API Gateway's own included, reaches the ALB");
        assertFalse(behavioursByPath(distribution(Stacks.dev())).containsKey("/partner/*"), "dev has no API");
    }

    @Test
    void oacSignsRequestsAndTheBucketAdmitsOnlyThisDistribution() {
        StackRun run = Stacks.prod();
        Registered oac = run.one(Types.of(OriginAccessControl.class), "cdn-assets-oac");
        assertEquals("s3", oac.string("originAccessControlOriginType"));
        assertEquals("always", oac.string("signingBehavior"));
        assertEquals("sigv4", oac.string("signingProtocol"));
        Map<String, Object> s3 = originsById(distribution(run)).get("assets");
        assertEquals(
                "storefront-assets-prod-123456789012.s3.us-east-2.amazonaws.com",
                s3.get("domainName"),
                "the REST endpoint, not the website endpoint");
        assertEquals(oac.id(), s3.get("originAccessControlId"));

        Map<String, Map<String, Object>> policy = statements(run);
        Map<String, Object> read = policy.get("CloudFrontReadsAssets");
        assertEquals(Map.of("Service", "cloudfront.amazonaws.com"), read.get("Principal"));
        assertEquals("s3:GetObject", read.get("Action"));
        assertEquals(
                Map.of(
                        "StringEquals",
                        Map.of(
                                "AWS:SourceArn",
                                "arn:aws:cloudfront::123456789012:distribution/"
                                        + distribution(run).id())),
                read.get("Condition"));
        assertEquals("Deny", policy.get("DenyInsecureTransport").get("Effect"));
    }

    @Test
    void bucketPolicyWaitsForThePublicAccessBlock() {
        StackRun run = Stacks.prod();
        Registered policy = run.one(Types.of(BucketPolicy.class), "cdn-assets-policy");
        assertTrue(policy.dependencies()
                .contains(run.one(Types.of(BucketPublicAccessBlock.class), "static-assets-assets-public-access")
                        .urn()));
        assertTrue(run.one(Types.of(BucketPolicy.class), "log-bucket-logs-policy")
                .dependencies()
                .contains(run.one(Types.of(BucketPublicAccessBlock.class), "log-bucket-logs-public-access")
                        .urn()));
    }

    @Test
    void oaiReadsThroughItsIdentity() {
        StackRun run = Stacks.devCustomDomainOai();
        Registered oai = run.one(Types.of(OriginAccessIdentity.class), "cdn-assets-oai");
        Map<String, Object> s3 = originsById(distribution(run)).get("assets");
        assertEquals(
                Map.of("originAccessIdentity", "origin-access-identity/cloudfront/" + oai.id()),
                s3.get("s3OriginConfig"));
        assertEquals(
                Map.of("AWS", "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity " + oai.id()),
                statements(run).get("CloudFrontReadsAssets").get("Principal"));
    }

    @Test
    void theCmkLetsCloudFrontDecryptForThisAccountsDistributions() {
        Map<String, Object> statement = Json.statements(Json.parse(
                        Stacks.prod().one(Types.of(Key.class), "encryption-key").string("policy")))
                .stream()
                .filter(s -> "CloudFrontReadsAssets".equals(s.get("Sid")))
                .findFirst()
                .orElseThrow();
        assertEquals(Map.of("Service", "cloudfront.amazonaws.com"), statement.get("Principal"));
        assertEquals("kms:Decrypt", statement.get("Action"));
        String bucket = "arn:aws:s3:::storefront-assets-prod-123456789012";
        assertEquals(
                Map.of(
                        "StringLike",
                        Map.of(
                                "aws:SourceArn",
                                "arn:aws:cloudfront::123456789012:distribution/*",
                                "kms:EncryptionContext:aws:s3:arn",
                                List.of(bucket, bucket + "/*"))),
                statement.get("Condition"),
                "only the assets bucket's objects, with or without a bucket key");
        assertEquals(Stacks.prod().output("assetsBucketName"), bucket.substring("arn:aws:s3:::".length()));
        // With OAI the objects are SSE-S3: the key grants CloudFront nothing.
        assertTrue(Json.statements(Json.parse(Stacks.devCustomDomainOai()
                        .one(Types.of(Key.class), "encryption-key")
                        .string("policy")))
                .stream()
                .noneMatch(s -> "CloudFrontReadsAssets".equals(s.get("Sid"))));
    }

    @Test
    void accessLogsWafAndDeploymentWait() {
        StackRun run = Stacks.prod();
        Registered cdn = distribution(run);
        assertEquals(
                Map.of(
                        "bucket",
                        run.output("logBucketName") + ".s3.amazonaws.com",
                        "prefix",
                        "cloudfront/",
                        "includeCookies",
                        false),
                cdn.map("loggingConfig"));
        assertTrue(
                cdn.dependencies()
                        .contains(run.one(Types.of(BucketOwnershipControls.class), "log-bucket-logs-ownership")
                                .urn()),
                "CloudFront logging needs the bucket's ACLs enabled first");
        assertEquals(run.output("cloudFrontWebAclArn"), cdn.string("webAclId"), "WAFv2 is attached by ARN");
        assertTrue(cdn.bool("waitForDeployment"));
        assertFalse(distribution(Stacks.dev()).bool("waitForDeployment"));
    }

    @Test
    void aCustomDomainGetsAUsEast1CertificateSniAndAnAlias() {
        StackRun run = Stacks.devCustomDomainOai();
        Registered cdn = distribution(run);
        assertEquals(List.of("shop.example.com"), cdn.list("aliases"));
        Registered certificate = run.one(Types.of(Certificate.class), "cdn-certificate");
        assertEquals("us-east-1", run.regionOf(certificate), "CloudFront only takes us-east-1 certificates");
        assertEquals("shop.example.com", certificate.string("domainName"));
        assertEquals(
                "us-east-1", run.regionOf(run.one(Types.of(CertificateValidation.class), "cdn-certificate-validated")));
        Map<String, Object> viewer = cdn.map("viewerCertificate");
        assertEquals("sni-only", viewer.get("sslSupportMethod"));
        assertEquals("TLSv1.2_2021", viewer.get("minimumProtocolVersion"));
        assertTrue(viewer.get("acmCertificateArn").toString().startsWith("arn:aws:acm:us-east-1:"));
        Registered alias = run.one(Types.of(Record.class), "cdn-alias");
        assertEquals("shop.example.com", alias.string("name"));
        assertEquals("A", alias.string("type"));
        assertEquals("Z2FDTNDATAQYW2", alias.string("aliases.0.zoneId"));
        assertEquals("AAAA", run.one(Types.of(Record.class), "cdn-alias-ipv6").string("type"), "IPv6 is on");
        assertEquals("https://shop.example.com", run.output("applicationUrl"));
    }

    @Test
    void applicationUrlIsTheDistributionOverHttps() {
        StackRun run = Stacks.dev();
        assertEquals("https://" + run.output("cloudFrontDomainName"), run.output("applicationUrl"));
    }

    private static Map<String, Map<String, Object>> statements(StackRun run) {
        return Json.statements(Json.parse(run.one(Types.of(BucketPolicy.class), "cdn-assets-policy")
                        .string("policy")))
                .stream()
                .collect(Collectors.toMap(s -> (String) s.get("Sid"), s -> s));
    }
}
