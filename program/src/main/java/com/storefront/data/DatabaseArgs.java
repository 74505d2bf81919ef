package com.storefront.data;

import com.pulumi.core.Output;
import com.storefront.config.DatabaseSettings;
import com.storefront.core.StackContext;
import com.storefront.core.WithContext;

import java.util.List;

/**
 * Inputs of the Aurora component.
 *
 * @param availabilityZones the network's AZs, ordered like {@code dataSubnetIds}
 */
public record DatabaseArgs(
        StackContext context,
        DatabaseSettings settings,
        Output<String> vpcId,
        Output<List<String>> dataSubnetIds,
        Output<List<String>> availabilityZones,
        Output<String> appSecurityGroupId)
        implements WithContext {}
