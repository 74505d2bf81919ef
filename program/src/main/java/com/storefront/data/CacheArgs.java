package com.storefront.data;

import com.pulumi.core.Output;
import com.storefront.config.CacheSettings;
import com.storefront.config.Teardown;
import com.storefront.naming.Naming;

import java.util.List;

/** Inputs of the ElastiCache component. */
public record CacheArgs(
        CacheSettings settings,
        Naming naming,
        boolean protect,
        Teardown teardown,
        int logRetentionDays,
        Output<String> kmsKeyArn,
        Output<String> vpcId,
        Output<List<String>> dataSubnetIds,
        Output<String> appSecurityGroupId) {}
