package com.storefront.core;

import com.pulumi.aws.AwsFunctions;
import com.pulumi.aws.inputs.GetAvailabilityZonesArgs;
import com.pulumi.aws.inputs.GetAvailabilityZonesFilterArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.InvokeOptions;

import java.util.List;

/** The availability-zone lookup shared by the primary and the DR network. */
public final class AvailabilityZones {

    private AvailabilityZones() {
    }

    /**
     * Names of the region's available standard zones, sorted so subnet placement is the same on
     * every run whatever order the API returns them in.
     */
    public static Output<List<String>> standard(InvokeOptions options) {
        return AwsFunctions.getAvailabilityZones(GetAvailabilityZonesArgs.builder()
                        .state("available")
                        // Local Zones and Wavelength zones cannot host ALB, Aurora or ElastiCache subnets.
                        .filters(GetAvailabilityZonesFilterArgs.builder()
                                .name("opt-in-status").values("opt-in-not-required").build())
                        .build(), options)
                .applyValue(zones -> zones.names().stream().sorted().toList());
    }
}
