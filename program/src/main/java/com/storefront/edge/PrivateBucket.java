package com.storefront.edge;

import com.pulumi.aws.s3.BucketOwnershipControls;
import com.pulumi.aws.s3.BucketOwnershipControlsArgs;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketPublicAccessBlockArgs;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2Args;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketV2Args;
import com.pulumi.aws.s3.inputs.BucketOwnershipControlsRuleArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs;
import com.pulumi.aws.s3.inputs.BucketServerSideEncryptionConfigurationV2RuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.core.ChildNames;
import com.storefront.iam.PolicyStatement;

import java.util.Optional;

/**
 * An S3 bucket the way this stack makes them: {@code BucketV2} with the split resources (the inline
 * arguments are deprecated in 6.83), all four public-access blocks, an explicit object ownership
 * and default encryption.
 *
 * @param bucket        the bucket
 * @param ownership     the ownership controls (resources that need ACLs depend on it)
 * @param policyReadyId the bucket id, resolved once the public-access block and ownership controls are
 *                      in place: a bucket policy written concurrently with them can fail (OperationAborted)
 */
public record PrivateBucket(BucketV2 bucket, BucketOwnershipControls ownership, Output<String> policyReadyId) {

    /** SSE-S3 when {@code kmsKeyArn} is empty (required for ALB logs), otherwise SSE-KMS with an S3 Bucket Key. */
    public static PrivateBucket create(
            String logicalName,
            Output<String> name,
            boolean protect,
            String objectOwnership,
            Optional<Output<String>> kmsKeyArn,
            CustomResourceOptions options) {
        BucketV2 bucket = new BucketV2(
                ChildNames.of(options, logicalName),
                BucketV2Args.builder()
                        .bucket(name)
                        // Non-empty buckets cannot be deleted; dev stacks must destroy cleanly, prod keeps its objects.
                        .forceDestroy(!protect)
                        .build(),
                CustomResourceOptions.merge(
                        options,
                        CustomResourceOptions.builder().protect(protect).build()));
        BucketPublicAccessBlock publicAccess = new BucketPublicAccessBlock(
                ChildNames.of(options, logicalName + "-public-access"),
                BucketPublicAccessBlockArgs.builder()
                        .bucket(bucket.id())
                        .blockPublicAcls(true)
                        .blockPublicPolicy(true)
                        .ignorePublicAcls(true)
                        .restrictPublicBuckets(true)
                        .build(),
                options);
        BucketOwnershipControls ownership = new BucketOwnershipControls(
                ChildNames.of(options, logicalName + "-ownership"),
                BucketOwnershipControlsArgs.builder()
                        .bucket(bucket.id())
                        .rule(BucketOwnershipControlsRuleArgs.builder()
                                .objectOwnership(objectOwnership)
                                .build())
                        .build(),
                options);
        BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.Builder byDefault =
                BucketServerSideEncryptionConfigurationV2RuleApplyServerSideEncryptionByDefaultArgs.builder();
        kmsKeyArn.ifPresentOrElse(
                key -> byDefault.sseAlgorithm("aws:kms").kmsMasterKeyId(key), () -> byDefault.sseAlgorithm("AES256"));
        new BucketServerSideEncryptionConfigurationV2(
                ChildNames.of(options, logicalName + "-encryption"),
                BucketServerSideEncryptionConfigurationV2Args.builder()
                        .bucket(bucket.id())
                        .rules(BucketServerSideEncryptionConfigurationV2RuleArgs.builder()
                                .applyServerSideEncryptionByDefault(byDefault.build())
                                .bucketKeyEnabled(kmsKeyArn.isPresent())
                                .build())
                        .build(),
                options);
        return new PrivateBucket(
                bucket,
                ownership,
                Output.tuple(publicAccess.bucket(), ownership.bucket(), bucket.id())
                        .applyValue(t -> t.t3));
    }

    /** Every bucket's first statement: nothing over plain HTTP, for anyone. */
    public static PolicyStatement denyInsecureTransport(String bucketArn) {
        return PolicyStatement.deny("DenyInsecureTransport")
                .anyPrincipal()
                .actions("s3:*")
                .resources(bucketArn, bucketArn + "/*")
                .condition("Bool", "aws:SecureTransport", "false");
    }

    /** S3 server access log delivery into {@code prefix/} of a log bucket, for this account's buckets only. */
    public static PolicyStatement serverAccessLogDelivery(String bucketArn, String prefix, String accountId) {
        return PolicyStatement.allow("S3ServerAccessLogs")
                .service("logging.s3.amazonaws.com")
                .actions("s3:PutObject")
                .resources(bucketArn + "/" + prefix + "/*")
                .condition("StringEquals", "aws:SourceAccount", accountId);
    }
}
