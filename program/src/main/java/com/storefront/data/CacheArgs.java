package com.storefront.data;

import com.pulumi.core.Output;
import com.storefront.config.CacheSettings;
import com.storefront.core.StackContext;
import com.storefront.core.WithContext;

import java.util.List;

/** Inputs of the ElastiCache component. */
public record CacheArgs(
        StackContext context,
        CacheSettings settings,
        Output<String> vpcId,
        Output<List<String>> dataSubnetIds,
        Output<String> appSecurityGroupId)
        implements WithContext {}
