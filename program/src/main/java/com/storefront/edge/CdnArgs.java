package com.storefront.edge;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.storefront.config.EdgeSettings;
import com.storefront.config.SecretValue;
import com.storefront.core.StackContext;
import com.storefront.core.WithContext;

/**
 * Inputs of the CloudFront component.
 *
 * @param albOriginDomain   the name CloudFront connects to: the ALB's domain (HTTPS) or its DNS name (VPC origin)
 * @param albArn            the ALB, for the VPC origin when it is internal
 * @param albInternal       whether the ALB is internal (reached through a VPC origin) rather than HTTPS on a domain
 * @param partnerApi        whether {@code /partner/*} goes to the ALB too (API Gateway's partner API)
 * @param originSecret      the header value CloudFront adds to every origin request to the ALB
 * @param usEast1           provider for the viewer certificate (CloudFront only takes us-east-1 certificates)
 */
public record CdnArgs(
        StackContext context,
        EdgeSettings settings,
        StaticAssets assets,
        Output<String> logBucketDomainName,
        Output<String> albOriginDomain,
        Output<String> albArn,
        boolean albInternal,
        boolean partnerApi,
        SecretValue originSecret,
        Output<String> webAclArn,
        Provider usEast1)
        implements WithContext {}
