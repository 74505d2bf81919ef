package com.storefront.api;

import com.pulumi.core.Output;
import com.storefront.config.ApiSettings;
import com.storefront.config.SecretValue;
import com.storefront.core.AwsContext;
import com.storefront.naming.Naming;

/**
 * Inputs of the API front door.
 *
 * @param backendBaseUrl {@code https://host} the API proxies to: the ALB's domain when it has TLS,
 *                       else the CloudFront distribution (the ALB then admits only CloudFront)
 * @param originSecret   sent onwards so the downstream WAFs do not count API Gateway's addresses
 */
public record ApiGatewayArgs(
        ApiSettings settings,
        Naming naming,
        AwsContext aws,
        boolean protect,
        int logRetentionDays,
        Output<String> kmsKeyArn,
        Output<String> backendBaseUrl,
        Output<String> regionalWebAclArn,
        SecretValue originSecret) {
}
