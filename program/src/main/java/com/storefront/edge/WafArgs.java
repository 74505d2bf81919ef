package com.storefront.edge;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.storefront.config.EdgeSettings;
import com.storefront.config.SecretValue;
import com.storefront.core.StackContext;
import com.storefront.core.WithContext;

/**
 * Inputs of the WAF component.
 *
 * @param usEast1           the provider CLOUDFRONT-scope resources must use
 * @param kmsKeyArn         CMK for the regional WAF log group
 * @param usEast1KmsKeyArn  CMK in us-east-1 for the CloudFront WAF log group
 * @param originSecret      requests carrying it were rate-limited where the client's address was seen
 */
public record WafArgs(
        StackContext context,
        EdgeSettings settings,
        Provider usEast1,
        Output<String> usEast1KmsKeyArn,
        Output<String> albArn,
        SecretValue originSecret)
        implements WithContext {}
