package com.storefront.service;

import com.pulumi.core.Output;
import com.storefront.config.DeploymentSettings;
import com.storefront.config.ScalingSettings;
import com.storefront.config.TaskSettings;
import com.storefront.core.StackContext;
import com.storefront.core.WithContext;

import java.util.List;

/**
 * Inputs of the ECS service component.
 *
 * @param alarmTopicArn where the deployment rollback alarm also pages
 */
public record ApiServiceArgs(
        StackContext context,
        TaskSettings settings,
        ScalingSettings scaling,
        DeploymentSettings deployment,
        Output<String> vpcId,
        Output<List<String>> appSubnetIds,
        Output<String> appSecurityGroupId,
        Output<String> repositoryArn,
        LoadBalancer loadBalancer,
        AppDependencies dependencies,
        Output<String> alarmTopicArn)
        implements WithContext {}
