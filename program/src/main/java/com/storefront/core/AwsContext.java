package com.storefront.core;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.Provider;
import com.pulumi.aws.inputs.GetCallerIdentityArgs;
import com.pulumi.aws.inputs.GetPartitionArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;

/**
 * Account facts the components need for ARNs and policy conditions, looked up once per region
 * through that region's provider.
 */
public record AwsContext(String region, Output<String> accountId, Output<String> partition) {

    public static AwsContext lookup(String region, Provider provider) {
        InvokeOptions options = InvokeOptions.builder().provider(provider).build();
        return new AwsContext(
                region,
                AwsFunctions.getCallerIdentity(GetCallerIdentityArgs.builder().build(), options)
                        .applyValue(id -> id.accountId()),
                AwsFunctions.getPartition(GetPartitionArgs.builder().build(), options)
                        .applyValue(p -> p.partition()));
    }

    /** The service principal of a regional AWS service, e.g. {@code logs.us-west-2.amazonaws.com}. */
    public String regionalPrincipal(String service) {
        return service + "." + region + ".amazonaws.com";
    }

    /**
     * An AWS-managed policy ARN, written in the commercial partition, rewritten into this
     * account's partition so the same constant works in GovCloud and China regions.
     */
    public Output<String> managedPolicyArn(String arnInAwsPartition) {
        return partition.applyValue(p -> arnInAwsPartition.replace("arn:aws:", "arn:" + p + ":"));
    }
}
