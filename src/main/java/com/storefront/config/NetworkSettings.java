package com.storefront.config;

import java.util.List;
import java.util.Map;

/**
 * Validated network layout. {@code subnetCidrs} is always resolved (derived from the VPC CIDR or
 * taken from config), one list per tier ordered by AZ index.
 */
public record NetworkSettings(
        String vpcCidr,
        int azCount,
        NatStrategy natStrategy,
        Map<SubnetTier, List<String>> subnetCidrs,
        boolean interfaceEndpoints) {

    public NetworkSettings {
        subnetCidrs = Map.copyOf(subnetCidrs);
    }

    public List<String> subnetCidrs(SubnetTier tier) {
        return subnetCidrs.get(tier);
    }
}
