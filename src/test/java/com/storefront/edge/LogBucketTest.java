package com.storefront.edge;

import com.storefront.plan.Json;
import com.storefront.plan.Registered;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EDGE-4 for the access-log bucket (SSE-S3 for ALB delivery, ACLs only as CloudFront logging needs). */
class LogBucketTest {

    @Test
    void privateSseS3BucketWithAclsForCloudFrontLogging() {
        StackRun run = Stacks.prod();
        Registered bucket = run.one("aws:s3/bucketV2:BucketV2", "logs");
        assertEquals("storefront-logs-prod-123456789012", bucket.string("bucket"));
        assertTrue(bucket.input("serverSideEncryptionConfigurations").isEmpty(), "split resources only (BucketV2)");
        assertEquals(Map.of("blockPublicAcls", true, "blockPublicPolicy", true, "ignorePublicAcls", true,
                        "restrictPublicBuckets", true, "bucket", bucket.id()),
                run.one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "logs-public-access").inputs());
        assertEquals("BucketOwnerPreferred", run.one("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "logs-ownership")
                .string("rule.objectOwnership"), "CloudFront standard logging writes through an ACL grant");
        assertEquals(List.of(Map.of("applyServerSideEncryptionByDefault", Map.of("sseAlgorithm", "AES256"),
                        "bucketKeyEnabled", false)),
                run.one("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                        "logs-encryption").list("rules"), "ALB log delivery rejects SSE-KMS buckets");
    }

    @Test
    void logsExpire() {
        Registered lifecycle = Stacks.dev().one("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2",
                "logs-lifecycle");
        assertEquals(30.0, lifecycle.number("rules.0.expiration.days"));
        assertEquals("Enabled", lifecycle.string("rules.0.status"));
        assertEquals(7.0, lifecycle.number("rules.0.abortIncompleteMultipartUpload.daysAfterInitiation"));
    }

    @Test
    void policyAdmitsRegionalAlbDeliveryAndS3LoggingOverTlsOnly() {
        for (Map.Entry<StackRun, String> entry : Map.of(Stacks.dev(), "797873946194", Stacks.prod(), "033677994240").entrySet()) {
            StackRun run = entry.getKey();
            String bucketArn = "arn:aws:s3:::" + run.output("logBucketName");
            Map<String, Map<String, Object>> statements = Json.statements(Json.parse(
                            run.one("aws:s3/bucketPolicy:BucketPolicy", "logs-policy").string("policy"))).stream()
                    .collect(Collectors.toMap(s -> (String) s.get("Sid"), s -> s));
            Map<String, Object> alb = statements.get("AlbAccessLogs");
            assertEquals(Map.of("AWS", "arn:aws:iam::" + entry.getValue() + ":root",
                    "Service", "logdelivery.elasticloadbalancing.amazonaws.com"), alb.get("Principal"));
            assertEquals(bucketArn + "/alb/AWSLogs/123456789012/*", alb.get("Resource"));
            assertEquals("s3:PutObject", alb.get("Action"));
            Map<String, Object> deny = statements.get("DenyInsecureTransport");
            assertEquals("Deny", deny.get("Effect"));
            assertEquals(Map.of("Bool", Map.of("aws:SecureTransport", "false")), deny.get("Condition"));
            assertEquals(Map.of("Service", "logging.s3.amazonaws.com"), statements.get("S3ServerAccessLogs").get("Principal"));
        }
    }

    @Test
    void devBucketIsEmptiedOnDestroyProdIsNot() {
        assertTrue(Stacks.dev().one("aws:s3/bucketV2:BucketV2", "logs").bool("forceDestroy"));
        assertFalse(Stacks.dev().one("aws:s3/bucketV2:BucketV2", "logs").protect());
        assertFalse(Stacks.prod().one("aws:s3/bucketV2:BucketV2", "logs").bool("forceDestroy"));
        assertTrue(Stacks.prod().one("aws:s3/bucketV2:BucketV2", "logs").protect());
    }
}
