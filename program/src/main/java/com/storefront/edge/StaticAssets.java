package com.storefront.edge;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketLoggingV2Args;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleTransitionArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.config.EdgeSettings;
import com.storefront.config.OriginAccess;
import com.storefront.core.AwsContext;
import com.storefront.core.StackComponent;
import com.storefront.iam.KeyUse;
import com.storefront.iam.PolicyStatement;
import com.storefront.naming.NameLimit;
import com.storefront.naming.Naming;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The static-assets bucket (EDGE-1): private, owner-enforced, versioned, encrypted (SSE-KMS with OAC;
 * SSE-S3 with OAI, which cannot read KMS objects), with lifecycle and access logging. Only the
 * distribution may read it; the CDN component writes that policy once the distribution exists.
 */
public final class StaticAssets extends StackComponent {

    public static final String TYPE = "storefront:edge:StaticAssets";

    private final Output<String> bucketName;
    private final Output<String> bucketArn;
    private final Output<String> regionalDomainName;
    private final Output<String> bucketId;
    private final BucketVersioningV2 versioning;
    private final boolean kmsEncrypted;

    public StaticAssets(
            String name,
            EdgeSettings settings,
            Naming naming,
            AwsContext aws,
            boolean protect,
            Output<String> kmsKeyArn,
            Output<String> logBucketName,
            ComponentResourceOptions options) {
        super(TYPE, name, options);
        CustomResourceOptions child = child();
        this.kmsEncrypted = settings.originAccess() == OriginAccess.OAC;
        Output<String> bucketName = bucketName(naming, aws);
        PrivateBucket assets = PrivateBucket.create(
                "assets",
                bucketName,
                protect,
                "BucketOwnerEnforced",
                kmsEncrypted ? Optional.of(kmsKeyArn) : Optional.empty(),
                child);

        this.versioning = new BucketVersioningV2(
                name("assets-versioning"),
                BucketVersioningV2Args.builder()
                        .bucket(assets.bucket().id())
                        .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder()
                                .status("Enabled")
                                .build())
                        .build(),
                child);
        // STANDARD_IA is cheaper to store but charges per GB retrieved and bills at least 128 KB per object,
        // and CloudFront reads assets on every cache miss: a setting, on by default (EDGE-1), with the trade-off
        // in the README.
        List<BucketLifecycleConfigurationV2RuleTransitionArgs> transitions = settings.infrequentAccessDays() == 0
                ? List.of()
                : List.of(BucketLifecycleConfigurationV2RuleTransitionArgs.builder()
                        .days(settings.infrequentAccessDays())
                        .storageClass("STANDARD_IA")
                        .build());
        new BucketLifecycleConfigurationV2(
                name("assets-lifecycle"),
                BucketLifecycleConfigurationV2Args.builder()
                        .bucket(assets.bucket().id())
                        .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                                .id("infrequent-access-and-old-versions")
                                .status("Enabled")
                                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder()
                                        .prefix("")
                                        .build())
                                .transitions(transitions)
                                .noncurrentVersionExpiration(
                                        BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                                .noncurrentDays(settings.noncurrentVersionDays())
                                                .build())
                                .abortIncompleteMultipartUpload(
                                        BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                                .daysAfterInitiation(7)
                                                .build())
                                .build())
                        // Lifecycle rules on a versioned bucket only make sense once versioning is on.
                        .build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        .dependsOn(versioning)
                        .build());
        new BucketLoggingV2(
                name("assets-access-logging"),
                BucketLoggingV2Args.builder()
                        .bucket(assets.bucket().id())
                        .targetBucket(logBucketName)
                        .targetPrefix(LogBucket.S3_ACCESS_PREFIX + "/assets/")
                        .build(),
                child);

        this.bucketName = assets.bucket().bucket();
        this.bucketArn = assets.bucket().arn();
        this.bucketId = assets.policyReadyId();
        this.regionalDomainName = assets.bucket().bucketRegionalDomainName();
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("bucketName", this.bucketName);
        outputs.put("bucketArn", bucketArn);
        registerOutputs(outputs);
    }

    /** The bucket's name, known before it exists (the stack key's policy names it). */
    public static Output<String> bucketName(Naming naming, AwsContext aws) {
        return aws.accountId().applyValue(account -> bucketName(naming, account));
    }

    private static String bucketName(Naming naming, String accountId) {
        return naming.name("assets", NameLimit.S3_BUCKET) + "-" + accountId;
    }

    /**
     * S3 encrypts the assets with the stack key (SSE-KMS, with OAC). CloudFront then decrypts them through
     * origin access control: only this account's distributions, and only this bucket's objects (S3's
     * encryption context is the bucket ARN with a bucket key, the object ARN without). The distribution's own
     * ARN would close a cycle (key, bucket, distribution, key). An OAI cannot read SSE-KMS objects: with
     * {@code originAccess: oai} new objects use SSE-S3 and CloudFront gets no grant, but S3 keeps its use of
     * the key: objects written before a switch stay SSE-KMS, and replication and the team's tools read them.
     */
    public static List<KeyUse> keyUses(OriginAccess access, Naming naming) {
        if (access != OriginAccess.OAC) {
            return List.of(KeyUse.via("s3"));
        }
        return List.of(KeyUse.via("s3"), new KeyUse.ResourceGrant("CloudFrontReadsAssets", scope -> {
            String bucketArn = "arn:" + scope.partition() + ":s3:::" + bucketName(naming, scope.accountId());
            return PolicyStatement.allow("CloudFrontReadsAssets")
                    .service("cloudfront.amazonaws.com")
                    .actions("kms:Decrypt")
                    .resources("*")
                    .condition(
                            "StringLike",
                            "aws:SourceArn",
                            "arn:" + scope.partition() + ":cloudfront::" + scope.accountId() + ":distribution/*")
                    .condition("StringLike", "kms:EncryptionContext:aws:s3:arn", bucketArn, bucketArn + "/*");
        }));
    }

    public Output<String> bucketName() {
        return bucketName;
    }

    /** The bucket id, resolved once the bucket is ready for a policy (public-access block and ownership set). */
    public Output<String> bucketId() {
        return bucketId;
    }

    public Output<String> bucketArn() {
        return bucketArn;
    }

    /** The REST endpoint OAC/OAI origins need (the website endpoint does not work with either). */
    public Output<String> regionalDomainName() {
        return regionalDomainName;
    }

    public boolean kmsEncrypted() {
        return kmsEncrypted;
    }

    /**
     * The bucket id, resolved only once versioning is on: replication (DR) requires it, so the
     * replication configuration takes the bucket from here and is ordered by data flow.
     */
    public Output<String> versionedBucketId() {
        return versioning.bucket();
    }
}
