package com.storefront.edge;

import com.pulumi.aws.elb.ElbFunctions;
import com.pulumi.aws.elb.inputs.GetServiceAccountArgs;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2Args;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPolicyArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleExpirationArgs;
import com.pulumi.aws.s3.inputs.BucketLifecycleConfigurationV2RuleFilterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.core.StackComponent;
import com.storefront.iam.PolicyDocument;
import com.storefront.iam.PolicyStatement;
import com.storefront.naming.NameLimit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The one bucket for access logs (EDGE-4): ALB, CloudFront standard logging and S3 server access
 * logs. SSE-S3 because ALB log delivery rejects KMS-encrypted buckets; ACLs enabled
 * ({@code BucketOwnerPreferred}) because CloudFront standard logging writes through an ACL grant.
 */
public final class LogBucket extends StackComponent {

    public static final String TYPE = "storefront:edge:LogBucket";
    public static final String ALB_PREFIX = "alb";
    public static final String CLOUDFRONT_PREFIX = "cloudfront";
    public static final String S3_ACCESS_PREFIX = "s3-access";
    static final String ELB_LOG_DELIVERY = "logdelivery.elasticloadbalancing.amazonaws.com";

    private final Output<String> bucketName;
    private final Output<String> bucketArn;
    private final Output<String> bucketDomainName;
    private final Output<String> deliveryBucketName;

    public LogBucket(String name, LogBucketArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        CustomResourceOptions child = child();
        Output<String> bucketName = args.aws()
                .accountId()
                .applyValue(account -> args.naming().name("logs", NameLimit.S3_BUCKET) + "-" + account);
        PrivateBucket logs = PrivateBucket.create(
                "logs", bucketName, args.protect(), "BucketOwnerPreferred", Optional.empty(), child);

        new BucketLifecycleConfigurationV2(
                name("logs-lifecycle"),
                BucketLifecycleConfigurationV2Args.builder()
                        .bucket(logs.bucket().id())
                        .rules(BucketLifecycleConfigurationV2RuleArgs.builder()
                                .id("expire-logs")
                                .status("Enabled")
                                .filter(BucketLifecycleConfigurationV2RuleFilterArgs.builder()
                                        .prefix("")
                                        .build())
                                .expiration(BucketLifecycleConfigurationV2RuleExpirationArgs.builder()
                                        .days(args.expirationDays())
                                        .build())
                                .abortIncompleteMultipartUpload(
                                        BucketLifecycleConfigurationV2RuleAbortIncompleteMultipartUploadArgs.builder()
                                                .daysAfterInitiation(7)
                                                .build())
                                .build())
                        .build(),
                child);

        // Regions older than August 2022 deliver ALB logs from a regional ELB account, newer ones through
        // the log-delivery service principal; granting both is harmless and works everywhere.
        Output<String> elbAccountArn = ElbFunctions.getServiceAccount(
                        GetServiceAccountArgs.builder().build(), invokeOptions())
                .applyValue(a -> a.arn());
        Output<String> document = Output.tuple(logs.bucket().arn(), args.aws().accountId(), elbAccountArn)
                .applyValue(t -> policy(t.t1, t.t2, t.t3));
        BucketPolicy policy = new BucketPolicy(
                name("logs-policy"),
                BucketPolicyArgs.builder()
                        .bucket(logs.policyReadyId())
                        .policy(document)
                        .build(),
                child);

        this.bucketName = logs.bucket().bucket();
        this.deliveryBucketName = policy.bucket();
        this.bucketArn = logs.bucket().arn();
        // Resolved only once ownership controls enable ACLs: CloudFront rejects a logging bucket without them.
        this.bucketDomainName = Output.tuple(
                        logs.ownership().bucket(), logs.bucket().bucketDomainName())
                .applyValue(t -> t.t2);
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("bucketName", bucketName);
        outputs.put("bucketArn", bucketArn);
        outputs.put("bucketDomainName", bucketDomainName);
        registerOutputs(outputs);
    }

    static String policy(String bucketArn, String accountId, String elbAccountArn) {
        return PolicyDocument.of(
                PrivateBucket.denyInsecureTransport(bucketArn),
                PolicyStatement.allow("AlbAccessLogs")
                        .aws(elbAccountArn)
                        .service(ELB_LOG_DELIVERY)
                        .actions("s3:PutObject")
                        .resources(bucketArn + "/" + ALB_PREFIX + "/AWSLogs/" + accountId + "/*"),
                PrivateBucket.serverAccessLogDelivery(bucketArn, S3_ACCESS_PREFIX, accountId));
    }

    public Output<String> bucketName() {
        return bucketName;
    }

    public Output<String> bucketArn() {
        return bucketArn;
    }

    /**
     * The {@code <bucket>.s3.amazonaws.com} name CloudFront standard logging takes, resolved once the
     * bucket accepts ACLs (so the distribution is created after that, by data flow).
     */
    public Output<String> bucketDomainName() {
        return bucketDomainName;
    }

    /**
     * The bucket name, resolved only once the bucket policy exists. AWS checks the policy when ALB
     * or S3 access logging is switched on, so log writers take the name from here: the data flow
     * orders them after the policy without an explicit dependsOn.
     */
    public Output<String> deliveryBucketName() {
        return deliveryBucketName;
    }
}
