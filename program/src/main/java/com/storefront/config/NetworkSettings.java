package com.storefront.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Validated network layout. {@code subnetCidrs} is always resolved (derived from the VPC CIDR or
 * taken from config), one list per tier ordered by AZ index.
 */
public record NetworkSettings(
        String vpcCidr,
        int azCount,
        NatStrategy natStrategy,
        Map<SubnetTier, List<String>> subnetCidrs,
        boolean interfaceEndpoints,
        NetworkLayout layout,
        Optional<List<String>> availabilityZones) {

    public NetworkSettings {
        subnetCidrs = Map.copyOf(subnetCidrs);
    }

    /** The tiers this VPC has subnets for. */
    public List<SubnetTier> tiers() {
        return layout == NetworkLayout.TWO_TIER
                ? List.of(SubnetTier.PUBLIC, SubnetTier.APP)
                : List.of(SubnetTier.values());
    }

    /** The tier the data stores live in: their own, or the app tier of a two-tier VPC. */
    public SubnetTier dataTier() {
        return layout == NetworkLayout.TWO_TIER ? SubnetTier.APP : SubnetTier.DATA;
    }

    public List<String> subnetCidrs(SubnetTier tier) {
        return subnetCidrs.get(tier);
    }
}
