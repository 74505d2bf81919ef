package com.storefront;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.storefront.config.StackSettings;
import com.storefront.data.Cache;
import com.storefront.data.Database;
import com.storefront.network.Network;
import com.storefront.security.AppSecrets;
import com.storefront.security.Encryption;

/** The stack outputs (OUT-1); names are documented in the README's outputs table. */
final class StackOutputs {

    private StackOutputs() {
    }

    static void export(Context ctx, StackSettings settings, Encryption encryption, Network network,
                       Database database, Cache cache, AppSecrets appSecrets) {
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

        ctx.export("dbClusterIdentifier", database.clusterIdentifier());
        ctx.export("dbWriterEndpoint", database.writerEndpoint());
        ctx.export("dbReaderEndpoint", database.readerEndpoint());
        ctx.export("dbPort", Output.of(database.port()));
        ctx.export("dbName", Output.of(database.databaseName()));
        ctx.export("dbSecretArn", database.masterSecretArn());
        ctx.export("redisConfigurationEndpoint", cache.configurationEndpoint());
        ctx.export("redisPort", Output.of(cache.port()));
        ctx.export("redisSecretArn", cache.connectionSecretArn());
        ctx.export("apiKeysSecretArn", appSecrets.apiKeysSecretArn());
    }
}
