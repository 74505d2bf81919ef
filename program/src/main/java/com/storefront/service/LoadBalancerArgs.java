package com.storefront.service;

import com.pulumi.core.Output;
import com.storefront.config.DeploymentSettings;
import com.storefront.config.LoadBalancerSettings;
import com.storefront.config.SecretValue;
import com.storefront.config.TlsSettings;
import com.storefront.core.StackContext;
import com.storefront.core.WithContext;

import java.util.List;

/**
 * Inputs of the ALB component.
 *
 * @param logBucketName the log bucket, resolved once its policy admits ALB log delivery
 * @param privateSubnetIds where the ALB lives without a domain (internal, reached through a VPC origin)
 * @param zoneIds       the zone ids of the subnets, in their order
 * @param originSecret  the header value CloudFront sends; every route requires it
 * @param partnerApi    whether API Gateway serves the partner API ({@code /partner/*} then requires its header)
 */
public record LoadBalancerArgs(
        StackContext context,
        LoadBalancerSettings settings,
        TlsSettings tls,
        int containerPort,
        DeploymentSettings deployment,
        Output<String> vpcId,
        Output<List<String>> publicSubnetIds,
        Output<List<String>> privateSubnetIds,
        Output<List<String>> zoneIds,
        Output<String> appSecurityGroupId,
        Output<String> logBucketName,
        SecretValue originSecret,
        boolean partnerApi)
        implements WithContext {}
