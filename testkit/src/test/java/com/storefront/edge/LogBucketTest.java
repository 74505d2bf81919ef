package com.storefront.edge;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketV2;
import com.storefront.plan.Json;
import com.storefront.plan.Registered;
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

/** EDGE-4 for the access-log bucket (SSE-S3 for ALB delivery, ACLs only as CloudFront logging needs). */
class LogBucketTest {

    @Test
    void privateSseS3BucketWithAclsForCloudFrontLogging() {
        StackRun run = Stacks.prod();
        Registered bucket = run.one(Types.of(BucketV2.class), "log-bucket-logs");
        assertEquals("storefront-logs-prod-123456789012", bucket.string("bucket"));
        assertTrue(bucket.input("serverSideEncryptionConfigurations").isEmpty(), "split resources only (BucketV2)");
        assertEquals(
                Map.of(
                        "blockPublicAcls",
                        true,
                        "blockPublicPolicy",
                        true,
                        "ignorePublicAcls",
                        true,
                        "restrictPublicBuckets",
                        true,
                        "bucket",
                        bucket.id()),
                run.one(Types.of(BucketPublicAccessBlock.class), "log-bucket-logs-public-access")
                        .inputs());
        assertEquals(
                "BucketOwnerPreferred",
                run.one(Types.of(BucketOwnershipControls.class), "log-bucket-logs-ownership")
                        .string("rule.objectOwnership"),
                "CloudFront standard logging writes through an ACL grant");
        assertEquals(
                List.of(Map.of(
                        "applyServerSideEncryptionByDefault",
                        Map.of("sseAlgorithm", "AES256"),
                        "bucketKeyEnabled",
                        false)),
                run.one(Types.of(BucketServerSideEncryptionConfigurationV2.class), "log-bucket-logs-encryption")
                        .list("rules"),
                "ALB log delivery rejects SSE-KMS buckets");
    }

    @Test
    void logsExpire() {
        Registered lifecycle =
                Stacks.dev().one(Types.of(BucketLifecycleConfigurationV2.class), "log-bucket-logs-lifecycle");
        assertEquals(30.0, lifecycle.number("rules.0.expiration.days"));
        assertEquals("Enabled", lifecycle.string("rules.0.status"));
        assertEquals(7.0, lifecycle.number("rules.0.abortIncompleteMultipartUpload.daysAfterInitiation"));
    }

    @Test
    void policyAdmitsRegionalAlbDeliveryAndS3LoggingOverTlsOnly() {
        for (Map.Entry<StackRun, String> entry : Map.of(Stacks.dev(), "797873946194", Stacks.prod(), "033677994240")
                .entrySet()) {
            StackRun run = entry.getKey();
            String bucketArn = "arn:aws:s3:::" + run.output("logBucketName");
            Map<String, Map<String, Object>> statements = Json.statements(
                            Json.parse(run.one(Types.of(BucketPolicy.class), "log-bucket-logs-policy")
                                    .string("policy")))
                    .stream()
                    .collect(Collectors.toMap(s -> (String) s.get("Sid"), s -> s));
            Map<String, Object> alb = statements.get("AlbAccessLogs");
            assertEquals(
                    Map.of(
                            "AWS",
                            "arn:aws:iam::" + entry.getValue() + ":root",
                            "Service",
                            "logdelivery.elasticloadbalancing.amazonaws.com"),
                    alb.get("Principal"));
            assertEquals(bucketArn + "/alb/AWSLogs/123456789012/*", alb.get("Resource"));
            assertEquals("s3:PutObject", alb.get("Action"));
            Map<String, Object> deny = statements.get("DenyInsecureTransport");
            assertEquals("Deny", deny.get("Effect"));
            assertEquals(Map.of("Bool", Map.of("aws:SecureTransport", "false")), deny.get("Condition"));
            assertEquals(
                    Map.of("Service", "logging.s3.amazonaws.com"),
                    statements.get("S3ServerAccessLogs").get("Principal"));
        }
    }

    @Test
    void devBucketIsEmptiedOnDestroyProdIsNot() {
        assertTrue(Stacks.dev().one(Types.of(BucketV2.class), "log-bucket-logs").bool("forceDestroy"));
        assertFalse(
                Stacks.dev().one(Types.of(BucketV2.class), "log-bucket-logs").protect());
        assertFalse(
                Stacks.prod().one(Types.of(BucketV2.class), "log-bucket-logs").bool("forceDestroy"));
        assertTrue(
                Stacks.prod().one(Types.of(BucketV2.class), "log-bucket-logs").protect());
    }
}
