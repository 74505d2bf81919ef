package com.storefront.data;

import com.pulumi.core.Output;
import com.storefront.config.DatabaseSettings;
import com.storefront.config.Teardown;
import com.storefront.naming.Naming;

import java.util.List;

/**
 * Inputs of the Aurora component.
 *
 * @param availabilityZones the network's AZs, ordered like {@code dataSubnetIds}
 */
public record DatabaseArgs(
        DatabaseSettings settings,
        Naming naming,
        boolean protect,
        Teardown teardown,
        int logRetentionDays,
        Output<String> kmsKeyArn,
        Output<String> vpcId,
        Output<List<String>> dataSubnetIds,
        Output<List<String>> availabilityZones,
        Output<String> appSecurityGroupId) {}
