package com.storefront.dr;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketLoggingV2Args;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.BucketReplicationConfig;
import com.pulumi.aws.s3.BucketReplicationConfigArgs;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.s3.BucketVersioningV2Args;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDeleteMarkerReplicationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationEncryptionConfigurationArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleDestinationMetricsArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleFilterArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleSourceSelectionCriteriaArgs;
import com.pulumi.aws.s3.inputs.BucketReplicationConfigRuleSourceSelectionCriteriaSseKmsEncryptedObjectsArgs;
import com.pulumi.aws.s3.inputs.BucketVersioningV2VersioningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.core.ChildNames;
import com.storefront.edge.LogBucket;
import com.storefront.edge.PrivateBucket;
import com.storefront.iam.PolicyDocument;
import com.storefront.iam.PolicyStatement;
import com.storefront.naming.NameLimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cross-region replication of the assets bucket (DR-2): a versioned replica in the DR region,
 * encrypted with the DR key, fed by a least-privilege replication role.
 */
final class AssetReplication {

    static final String S3 = "s3.amazonaws.com";

    private AssetReplication() {}

    /** Returns the replica bucket's name. */
    static Output<String> create(DisasterRecoveryArgs args, CustomResourceOptions primary, CustomResourceOptions dr) {
        String region = args.settings().region();
        Output<String> name = args.aws()
                .accountId()
                .applyValue(account -> args.naming().name("assets-dr", NameLimit.S3_BUCKET) + "-" + account);
        PrivateBucket replica = PrivateBucket.create(
                "dr-assets", name, args.protect(), "BucketOwnerEnforced", Optional.of(args.drKmsKeyArn()), dr);
        BucketVersioningV2 versioning = new BucketVersioningV2(
                ChildNames.of(primary, "dr-assets-versioning"),
                BucketVersioningV2Args.builder()
                        .bucket(replica.bucket().id())
                        .versioningConfiguration(BucketVersioningV2VersioningConfigurationArgs.builder()
                                .status("Enabled")
                                .build())
                        .build(),
                dr);
        // Taken from the versioning resources, so replication is configured only once both sides are versioned.
        Output<String> replicaArn = Output.tuple(args.aws().partition(), versioning.bucket())
                .applyValue(t -> "arn:" + t.t1 + ":s3:::" + t.t2);
        harden(args, replica, versioning, dr);

        Role role = new Role(
                ChildNames.of(primary, "dr-replication-role"),
                RoleArgs.builder()
                        .name(args.naming().name("assets-replication", NameLimit.IAM_ROLE))
                        .description("S3 replicates Storefront assets to " + region)
                        .assumeRolePolicy(PolicyDocument.serviceTrust(S3))
                        .build(),
                primary);
        new RolePolicy(
                ChildNames.of(primary, "dr-replication-policy"),
                RolePolicyArgs.builder()
                        .role(role.id())
                        .policy(Output.tuple(args.assetsBucketArn(), replicaArn, args.kmsKeyArn(), args.drKmsKeyArn())
                                .applyValue(t -> replicationPolicy(
                                        t.t1,
                                        t.t2,
                                        t.t3,
                                        t.t4,
                                        args.aws().region(),
                                        region,
                                        args.assetsKmsEncrypted())))
                        .build(),
                primary);

        BucketReplicationConfigRuleDestinationArgs.Builder destination =
                BucketReplicationConfigRuleDestinationArgs.builder()
                        .bucket(replicaArn)
                        .storageClass("STANDARD")
                        // Publishes OperationsFailedReplication, which the DR alarms watch. No event threshold: S3
                        // takes
                        // one only with Replication Time Control.
                        .metrics(BucketReplicationConfigRuleDestinationMetricsArgs.builder()
                                .status("Enabled")
                                .build());
        BucketReplicationConfigRuleArgs.Builder rule = BucketReplicationConfigRuleArgs.builder()
                .id(ruleId(region))
                .status("Enabled")
                .priority(1)
                .filter(BucketReplicationConfigRuleFilterArgs.builder()
                        .prefix("")
                        .build())
                // Required with the filter-based (V2) schema; deletes reach the replica too.
                .deleteMarkerReplication(BucketReplicationConfigRuleDeleteMarkerReplicationArgs.builder()
                        .status("Enabled")
                        .build());
        if (args.assetsKmsEncrypted()) {
            // SSE-KMS objects replicate only when selected, and are re-encrypted with the DR region's key.
            destination.encryptionConfiguration(
                    BucketReplicationConfigRuleDestinationEncryptionConfigurationArgs.builder()
                            .replicaKmsKeyId(args.drKmsKeyArn())
                            .build());
            rule.sourceSelectionCriteria(BucketReplicationConfigRuleSourceSelectionCriteriaArgs.builder()
                    .sseKmsEncryptedObjects(
                            BucketReplicationConfigRuleSourceSelectionCriteriaSseKmsEncryptedObjectsArgs.builder()
                                    .status("Enabled")
                                    .build())
                    .build());
        }
        new BucketReplicationConfig(
                ChildNames.of(primary, "dr-assets-replication"),
                BucketReplicationConfigArgs.builder()
                        .bucket(args.assetsVersionedBucketId())
                        .role(role.arn())
                        .rules(rule.destination(destination.build()).build())
                        .build(),
                primary);
        return replica.bucket().bucket();
    }

    /** The replication rule's id (a dimension of its metrics). */
    static String ruleId(String region) {
        return "assets-to-" + region;
    }

    /**
     * The replica is held to the primary bucket's rules: TLS only, old versions expire (after the DR copy
     * retention), and server access logs go to a log bucket in the DR region (S3 logs within a region).
     */
    private static void harden(
            DisasterRecoveryArgs args, PrivateBucket replica, BucketVersioningV2 versioning, CustomResourceOptions dr) {
        Output<String> logsName = args.aws()
                .accountId()
                .applyValue(account -> args.naming().name("logs-dr", NameLimit.S3_BUCKET) + "-" + account);
        PrivateBucket logs =
                PrivateBucket.create("dr-logs", logsName, args.protect(), "BucketOwnerEnforced", Optional.empty(), dr);
        new BucketLifecycleConfigurationV2(
                ChildNames.of(dr, "dr-logs-lifecycle"),
                BucketLifecycleConfigurationV2Args.builder()
                        .bucket(logs.bucket().id())
                        .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                                .id("expire-access-logs")
                                .status("Enabled")
                                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder()
                                        .prefix("")
                                        .build())
                                .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                                        .days(args.settings().copyRetentionDays())
                                        .build())
                                .build())
                        .build(),
                dr);
        new BucketPolicy(
                ChildNames.of(dr, "dr-logs-policy"),
                BucketPolicyArgs.builder()
                        .bucket(logs.policyReadyId())
                        .policy(Output.tuple(logs.bucket().arn(), args.aws().accountId())
                                .applyValue(t -> PolicyDocument.of(
                                        PrivateBucket.denyInsecureTransport(t.t1),
                                        PrivateBucket.serverAccessLogDelivery(t.t1, LogBucket.S3_ACCESS_PREFIX, t.t2))))
                        .build(),
                dr);
        new BucketPolicy(
                ChildNames.of(dr, "dr-assets-policy"),
                BucketPolicyArgs.builder()
                        .bucket(replica.policyReadyId())
                        .policy(replica.bucket()
                                .arn()
                                .applyValue(arn -> PolicyDocument.of(PrivateBucket.denyInsecureTransport(arn))))
                        .build(),
                dr);
        new BucketLifecycleConfigurationV2(
                ChildNames.of(dr, "dr-assets-lifecycle"),
                BucketLifecycleConfigurationV2Args.builder()
                        .bucket(versioning.bucket())
                        .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                                .id("old-versions")
                                .status("Enabled")
                                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder()
                                        .prefix("")
                                        .build())
                                .noncurrentVersionExpiration(
                                        BucketLifecycleConfigurationV2RuleNoncurrentVersionExpirationArgs.builder()
                                                .noncurrentDays(args.settings().copyRetentionDays())
                                                .build())
                                .abortIncompleteMultipartUpload(
                                        BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                                .daysAfterInitiation(7)
                                                .build())
                                .build())
                        .build(),
                dr);
        new BucketLoggingV2(
                ChildNames.of(dr, "dr-assets-access-logging"),
                BucketLoggingV2Args.builder()
                        .bucket(replica.bucket().id())
                        .targetBucket(logs.policyReadyId())
                        .targetPrefix(LogBucket.S3_ACCESS_PREFIX + "/assets-dr/")
                        .build(),
                dr);
    }

    static String replicationPolicy(
            String sourceArn,
            String replicaArn,
            String sourceKey,
            String replicaKey,
            String sourceRegion,
            String replicaRegion,
            boolean sourceKms) {
        List<PolicyStatement> statements = new ArrayList<>();
        statements.add(PolicyStatement.allow("ReadReplicationConfiguration")
                .actions("s3:GetReplicationConfiguration", "s3:ListBucket")
                .resources(sourceArn));
        statements.add(PolicyStatement.allow("ReadSourceVersions")
                .actions("s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging")
                .resources(sourceArn + "/*"));
        statements.add(PolicyStatement.allow("WriteReplicas")
                .actions("s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags")
                .resources(replicaArn + "/*"));
        if (sourceKms) {
            statements.add(PolicyStatement.allow("DecryptSource")
                    .actions("kms:Decrypt")
                    .resources(sourceKey)
                    .condition("StringLike", "kms:ViaService", "s3." + sourceRegion + ".amazonaws.com"));
        }
        statements.add(PolicyStatement.allow("EncryptReplicas")
                .actions("kms:Encrypt", "kms:GenerateDataKey")
                .resources(replicaKey)
                .condition("StringLike", "kms:ViaService", "s3." + replicaRegion + ".amazonaws.com"));
        return PolicyDocument.of(statements);
    }
}
