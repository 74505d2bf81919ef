package com.storefront.security;

import com.storefront.core.AwsContext;
import com.storefront.iam.PolicyDocument;
import com.storefront.iam.PolicyStatement;

import java.util.List;

/**
 * The key policy of the stack CMK (SEC-1). In a key policy {@code "Resource": "*"} means "this key".
 */
final class KeyPolicy {

    /** Services that use the key on a caller's behalf (grants / envelope encryption). */
    static final List<String> VIA_SERVICES = List.of("rds", "elasticache", "secretsmanager", "s3", "sns", "ecr");

    private KeyPolicy() {
    }

    static String document(AwsContext aws, String partition, String accountId) {
        String region = aws.region();
        return PolicyDocument.of(
                // Keeps the key manageable: without account-root access nobody could ever change this policy.
                PolicyStatement.allow("AccountAdministration")
                        .aws("arn:" + partition + ":iam::" + accountId + ":root")
                        .actions("kms:*")
                        .resources("*"),
                // CloudWatch Logs encrypts log groups itself; AWS requires the encryption-context condition.
                PolicyStatement.allow("CloudWatchLogs")
                        .service(aws.regionalPrincipal("logs"))
                        .actions("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*")
                        .resources("*")
                        .condition("ArnLike", "kms:EncryptionContext:aws:logs:arn",
                                "arn:" + partition + ":logs:" + region + ":" + accountId + ":log-group:*"),
                // Alarms publish to the KMS-encrypted SNS topic; the AWS-managed SNS key cannot grant this.
                PolicyStatement.allow("CloudWatchAlarmsPublishToSns")
                        .service("cloudwatch.amazonaws.com")
                        .actions("kms:Decrypt", "kms:GenerateDataKey*")
                        .resources("*")
                        .condition("StringEquals", "aws:SourceAccount", accountId),
                // CloudFront (origin access control) reads SSE-KMS assets; only this account's distributions. The
                // distribution's own ARN would close a dependency cycle (key -> bucket -> distribution -> key).
                PolicyStatement.allow("CloudFrontReadsAssets")
                        .service("cloudfront.amazonaws.com")
                        .actions("kms:Decrypt")
                        .resources("*")
                        .condition("StringLike", "aws:SourceArn",
                                "arn:" + partition + ":cloudfront::" + accountId + ":distribution/*"),
                // RDS, ElastiCache, Secrets Manager, S3, SNS and ECR use the key for principals of this account only.
                PolicyStatement.allow("AccountServicesViaService")
                        .anyPrincipal()
                        .actions("kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                                "kms:CreateGrant", "kms:ListGrants", "kms:DescribeKey")
                        .resources("*")
                        .condition("StringEquals", "kms:CallerAccount", accountId)
                        .condition("StringEquals", "kms:ViaService",
                                VIA_SERVICES.stream().map(aws::regionalPrincipal).toArray(String[]::new)));
    }
}
