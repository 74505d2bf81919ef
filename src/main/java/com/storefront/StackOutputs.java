package com.storefront;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.storefront.config.StackSettings;
import com.storefront.network.Network;
import com.storefront.security.Encryption;

/** The stack outputs (OUT-1); names are documented in the README's outputs table. */
final class StackOutputs {

    private StackOutputs() {
    }

    static void export(Context ctx, StackSettings settings, Encryption encryption, Network network) {
        ctx.export("environment", Output.of(settings.environment().configValue()));
        ctx.export("region", Output.of(settings.region()));
        ctx.export("kmsKeyArn", encryption.keyArn());
        ctx.export("kmsKeyAlias", encryption.aliasName());
        ctx.export("vpcId", network.vpcId());
        ctx.export("vpcCidr", Output.of(network.vpcCidr()));
        ctx.export("availabilityZones", network.availabilityZones());
        ctx.export("publicSubnetIds", network.publicSubnetIds());
        ctx.export("appSubnetIds", network.appSubnetIds());
        ctx.export("dataSubnetIds", network.dataSubnetIds());
        ctx.export("appSecurityGroupId", network.appSecurityGroupId());
        ctx.export("natGatewayIds", network.natGatewayIds());
        ctx.export("flowLogGroupName", network.flowLogGroupName());
    }
}
