package com.storefront.security;

import com.storefront.core.AwsContext;
import com.storefront.iam.PolicyDocument;
import com.storefront.iam.PolicyStatement;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The key policy of the stack CMK (SEC-1). In a key policy {@code "Resource": "*"} means "this key".
 */
final class KeyPolicy {

    /** Services that use the key on a caller's behalf (grants / envelope encryption). */
    static final List<String> VIA_SERVICES = List.of("rds", "elasticache", "secretsmanager", "s3", "sns", "ecr");

    private KeyPolicy() {}

    static String document(AwsContext aws, String partition, String accountId, Optional<String> cloudFrontBucket) {
        String region = aws.region();
        List<PolicyStatement> statements = new ArrayList<>(List.of(
                // Keeps the key manageable: without account-root access nobody could ever change this policy.
                PolicyStatement.allow("AccountAdministration")
                        .aws("arn:" + partition + ":iam::" + accountId + ":root")
                        .actions("kms:*")
                        .resources("*"),
                // CloudWatch Logs encrypts log groups itself; AWS requires the encryption-context condition.
                PolicyStatement.allow("CloudWatchLogs")
                        .service(aws.regionalPrincipal("logs"))
                        .actions(
                                "kms:Encrypt*",
                                "kms:Decrypt*",
                                "kms:ReEncrypt*",
                                "kms:GenerateDataKey*",
                                "kms:Describe*")
                        .resources("*")
                        .condition(
                                "ArnLike",
                                "kms:EncryptionContext:aws:logs:arn",
                                "arn:" + partition + ":logs:" + region + ":" + accountId + ":log-group:*"),
                // Alarms publish to the KMS-encrypted SNS topic; the AWS-managed SNS key cannot grant this.
                PolicyStatement.allow("CloudWatchAlarmsPublishToSns")
                        .service("cloudwatch.amazonaws.com")
                        .actions("kms:Decrypt", "kms:GenerateDataKey*")
                        .resources("*")
                        .condition("StringEquals", "aws:SourceAccount", accountId),
                // EventBridge publishes AWS Backup failures to the encrypted alarm topic. AWS documents no condition
                // key for this (SourceAccount/SourceArn are unsupported here); the topic policy admits only this
                // account's rules.
                PolicyStatement.allow("EventBridgePublishesToEncryptedTopics")
                        .service("events.amazonaws.com")
                        .actions("kms:Decrypt", "kms:GenerateDataKey*")
                        .resources("*"),
                // RDS, ElastiCache, Secrets Manager, S3, SNS and ECR use the key for principals of this account only.
                PolicyStatement.allow("AccountServicesViaService")
                        .anyPrincipal()
                        .actions(
                                "kms:Encrypt",
                                "kms:Decrypt",
                                "kms:ReEncrypt*",
                                "kms:GenerateDataKey*",
                                "kms:CreateGrant",
                                "kms:ListGrants",
                                "kms:DescribeKey")
                        .resources("*")
                        .condition("StringEquals", "kms:CallerAccount", accountId)
                        .condition(
                                "StringEquals",
                                "kms:ViaService",
                                VIA_SERVICES.stream()
                                        .map(aws::regionalPrincipal)
                                        .toArray(String[]::new))));
        // CloudFront (origin access control) reads SSE-KMS assets: only this account's distributions, and only
        // objects of the assets bucket (S3's encryption context is the bucket ARN with a bucket key, the object
        // ARN without). The distribution's own ARN would close a cycle (key -> bucket -> distribution -> key).
        cloudFrontBucket.ifPresent(bucket -> {
            String bucketArn = "arn:" + partition + ":s3:::" + bucket;
            statements.add(PolicyStatement.allow("CloudFrontReadsAssets")
                    .service("cloudfront.amazonaws.com")
                    .actions("kms:Decrypt")
                    .resources("*")
                    .condition(
                            "StringLike",
                            "aws:SourceArn",
                            "arn:" + partition + ":cloudfront::" + accountId + ":distribution/*")
                    .condition("StringLike", "kms:EncryptionContext:aws:s3:arn", bucketArn, bucketArn + "/*"));
        });
        return PolicyDocument.of(statements.toArray(PolicyStatement[]::new));
    }
}
