package com.storefront.edge;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.storefront.plan.Registered;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EDGE-1: the static-assets bucket. */
class StaticAssetsTest {

    private static final String SSE = Types.of(BucketServerSideEncryptionConfigurationV2.class);

    @Test
    void privateOwnerEnforcedAndVersioned() {
        StackRun run = Stacks.prod();
        Registered bucket = run.one(Types.of(BucketV2.class), "static-assets-assets");
        assertEquals("storefront-assets-prod-123456789012", bucket.string("bucket"));
        Registered block = run.one(Types.of(BucketPublicAccessBlock.class), "static-assets-assets-public-access");
        for (String flag :
                List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets")) {
            assertTrue(block.bool(flag), flag);
        }
        assertEquals(
                "BucketOwnerEnforced",
                run.one(Types.of(BucketOwnershipControls.class), "static-assets-assets-ownership")
                        .string("rule.objectOwnership"));
        assertEquals(
                "Enabled",
                run.one(Types.of(BucketVersioningV2.class), "static-assets-assets-versioning")
                        .string("versioningConfiguration.status"));
        assertEquals("storefront-assets-prod-123456789012", run.output("assetsBucketName"));
    }

    @Test
    void oacBucketsUseTheCmkOaiBucketsSseS3() {
        StackRun oac = Stacks.dev();
        assertEquals(
                Map.of("sseAlgorithm", "aws:kms", "kmsMasterKeyId", oac.output("kmsKeyArn")),
                oac.one(SSE, "static-assets-assets-encryption").map("rules.0.applyServerSideEncryptionByDefault"));
        assertTrue(oac.one(SSE, "static-assets-assets-encryption").bool("rules.0.bucketKeyEnabled"));
        StackRun oai = Stacks.devCustomDomainOai();
        assertEquals(
                Map.of("sseAlgorithm", "AES256"),
                oai.one(SSE, "static-assets-assets-encryption").map("rules.0.applyServerSideEncryptionByDefault"),
                "an OAI cannot read SSE-KMS objects");
    }

    @Test
    void lifecycleMovesToInfrequentAccessAndExpiresOldVersions() {
        Registered lifecycle =
                Stacks.prod().one(Types.of(BucketLifecycleConfigurationV2.class), "static-assets-assets-lifecycle");
        assertEquals(
                List.of(Map.of("days", 30.0, "storageClass", "STANDARD_IA")), lifecycle.list("rules.0.transitions"));
        assertEquals(Map.of("noncurrentDays", 30.0), lifecycle.map("rules.0.noncurrentVersionExpiration"));
        assertEquals(
                7.0,
                Stacks.dev()
                        .one(Types.of(BucketLifecycleConfigurationV2.class), "static-assets-assets-lifecycle")
                        .number("rules.0.noncurrentVersionExpiration.noncurrentDays"));
        assertTrue(lifecycle
                .dependencies()
                .contains(Stacks.prod()
                        .one(Types.of(BucketVersioningV2.class), "static-assets-assets-versioning")
                        .urn()));
        // A team that serves small, often-missed assets can keep them in STANDARD (no retrieval fee, no 128 KB
        // minimum).
        Registered standardOnly = StackRun.of(
                        StackRun.stackFile(Stacks.DEV_FILE).withPath("storefront:edge", "infrequentAccessDays", 0))
                .one(Types.of(BucketLifecycleConfigurationV2.class), "static-assets-assets-lifecycle");
        assertEquals(List.of(), standardOnly.list("rules.0.transitions"));
        assertEquals(7.0, standardOnly.number("rules.0.noncurrentVersionExpiration.noncurrentDays"));
    }

    @Test
    void accessLogsGoToTheLogBucket() {
        StackRun run = Stacks.prod();
        Registered logging = run.one(Types.of(BucketLoggingV2.class), "static-assets-assets-access-logging");
        assertEquals(run.output("logBucketName"), logging.string("targetBucket"));
        assertEquals("s3-access/assets/", logging.string("targetPrefix"));
        assertTrue(
                logging.dependencies()
                        .contains(run.one(Types.of(BucketPolicy.class), "log-bucket-logs-policy")
                                .urn()),
                "the log bucket admits S3 logging before logging is switched on");
    }

    @Test
    void destroyableInDevKeptInProd() {
        assertTrue(Stacks.dev()
                .one(Types.of(BucketV2.class), "static-assets-assets")
                .bool("forceDestroy"));
        Registered prod = Stacks.prod().one(Types.of(BucketV2.class), "static-assets-assets");
        assertFalse(prod.bool("forceDestroy"));
        assertTrue(prod.protect());
    }
}
