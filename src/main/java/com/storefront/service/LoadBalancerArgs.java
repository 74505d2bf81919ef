package com.storefront.service;

import com.pulumi.core.Output;
import com.storefront.config.DeploymentSettings;
import com.storefront.config.SecretValue;
import com.storefront.config.ServiceSettings;
import com.storefront.naming.Naming;

import java.util.List;

/**
 * Inputs of the ALB component.
 *
 * @param logBucketName the log bucket, resolved once its policy admits ALB log delivery
 * @param originSecret  the header value CloudFront sends; required by every route when the ALB has no TLS
 */
public record LoadBalancerArgs(
        ServiceSettings settings,
        DeploymentSettings deployment,
        Naming naming,
        boolean protect,
        Output<String> vpcId,
        Output<List<String>> publicSubnetIds,
        Output<String> appSecurityGroupId,
        Output<String> logBucketName,
        SecretValue originSecret) {
}
