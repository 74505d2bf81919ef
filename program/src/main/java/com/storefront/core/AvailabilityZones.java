package com.storefront.core;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesFilterArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;

import java.util.List;

/** The availability-zone lookup of a network (the primary one and the DR region's). */
public final class AvailabilityZones {

    private AvailabilityZones() {}

    /** A zone's name (account-specific, e.g. us-east-1c) and id (the same physical zone everywhere, use1-az3). */
    public record Zone(String name, String id) {}

    /**
     * The region's available standard zones with their ids, sorted by name so subnet placement is the same on
     * every run whatever order the API returns them in.
     */
    public static Output<List<Zone>> zones(InvokeOptions options) {
        return AwsFunctions.getAvailabilityZones(
                        GetAvailabilityZonesArgs.builder()
                                .state("available")
                                // Local Zones and Wavelength zones cannot host ALB, Aurora or ElastiCache subnets.
                                .filters(GetAvailabilityZonesFilterArgs.builder()
                                        .name("opt-in-status")
                                        .values("opt-in-not-required")
                                        .build())
                                .build(),
                        options)
                .applyValue(result -> {
                    List<Zone> zones = new java.util.ArrayList<>();
                    for (int i = 0; i < result.names().size(); i++) {
                        zones.add(
                                new Zone(result.names().get(i), result.zoneIds().get(i)));
                    }
                    zones.sort(java.util.Comparator.comparing(Zone::name));
                    return List.copyOf(zones);
                });
    }
}
