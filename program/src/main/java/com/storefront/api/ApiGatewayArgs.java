package com.storefront.api;

import com.pulumi.core.Output;
import com.storefront.config.ApiSettings;
import com.storefront.core.StackContext;
import com.storefront.core.WithContext;

/**
 * Inputs of the API front door.
 *
 * @param backendBaseUrl {@code https://host} the API proxies to: the CloudFront distribution, the only way to the ALB
 * @param gatewaySecret  the header value API Gateway sends; the ALB serves {@code /partner/*} only with it
 */
public record ApiGatewayArgs(
        StackContext context,
        ApiSettings settings,
        Output<String> backendBaseUrl,
        Output<String> regionalWebAclArn,
        Output<String> gatewaySecret)
        implements WithContext {}
