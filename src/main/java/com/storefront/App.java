package com.storefront;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.resources.ComponentResourceOptions;
import com.storefront.config.SettingsLoader;
import com.storefront.config.StackSettings;
import com.storefront.core.AwsContext;
import com.storefront.core.Providers;
import com.storefront.data.Cache;
import com.storefront.data.CacheArgs;
import com.storefront.data.Database;
import com.storefront.data.DatabaseArgs;
import com.storefront.naming.Naming;
import com.storefront.network.Network;
import com.storefront.network.NetworkArgs;
import com.storefront.security.AppSecrets;
import com.storefront.security.Encryption;
import com.storefront.security.EncryptionArgs;

/** Entry point of the Storefront Pulumi program. */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(App::stack);
    }

    /** Builds the whole stack; tests run this against Pulumi's mock engine. */
    public static void stack(Context ctx) {
        // Validation happens here, before anything is registered: a bad config registers nothing.
        StackSettings settings = SettingsLoader.load(
                ctx.config(SettingsLoader.NAMESPACE)::get, ctx.config("aws")::get);
        Naming naming = new Naming(settings.suffix());
        Providers providers = Providers.create(settings);
        AwsContext aws = AwsContext.lookup(settings.region(), providers.primary());
        ComponentResourceOptions primary = ComponentResourceOptions.builder().providers(providers.primary()).build();

        Encryption encryption = new Encryption("encryption",
                new EncryptionArgs(naming, aws, settings.protect()), primary);
        Network network = new Network("network", new NetworkArgs(
                settings.network(), naming, aws, encryption.keyArn(), settings.logRetentionDays()), primary);

        AppSecrets appSecrets = new AppSecrets("app-secrets", naming, encryption.keyArn(), settings.protect(), primary);
        Database database = new Database("database", new DatabaseArgs(settings.database(), naming,
                settings.protect(), settings.logRetentionDays(), encryption.keyArn(), network.vpcId(),
                network.dataSubnetIds(), network.availabilityZones(), network.appSecurityGroupId()), primary);
        Cache cache = new Cache("cache", new CacheArgs(settings.cache(), naming, settings.protect(),
                settings.logRetentionDays(), encryption.keyArn(), network.vpcId(), network.dataSubnetIds(),
                network.appSecurityGroupId()), primary);

        StackOutputs.export(ctx, settings, encryption, network, database, cache, appSecrets);
    }
}
