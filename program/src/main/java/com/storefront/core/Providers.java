package com.storefront.core;

import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.storefront.config.StackSettings;
import com.storefront.naming.Tags;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The explicit AWS providers, created once. Resources in pulumi-aws 6.x have no {@code region}
 * argument, so every resource outside the primary region needs its own provider: CloudFront-scoped
 * WAF and certificates must live in us-east-1, DR resources in the DR region (when enabled).
 */
public record Providers(Provider primary, Provider usEast1, Optional<Provider> dr) {

    public static final String CLOUDFRONT_REGION = "us-east-1";

    public static Providers create(StackSettings settings) {
        return new Providers(
                provider("aws-primary", settings.region(), settings),
                provider("aws-us-east-1", CLOUDFRONT_REGION, settings),
                settings.dr().enabled()
                        ? Optional.of(provider(
                                "aws-dr-" + settings.dr().region(),
                                settings.dr().region(),
                                settings))
                        : Optional.empty());
    }

    /** A provider for {@code region} carrying the stack's required tags on everything it creates. */
    public static Provider provider(String logicalName, String region, StackSettings settings) {
        // Sorted so the provider's inputs serialise identically on every run.
        Map<String, String> tags = new TreeMap<>(Tags.required(settings.tags()));
        ProviderArgs.Builder args = ProviderArgs.builder()
                .region(region)
                .defaultTags(ProviderDefaultTagsArgs.builder().tags(tags).build());
        // An explicit provider ignores aws:profile and the like in stack config; pass them on.
        settings.account().profile().ifPresent(args::profile);
        if (!settings.account().allowedAccountIds().isEmpty()) {
            args.allowedAccountIds(settings.account().allowedAccountIds());
        }
        return new Provider(logicalName, args.build());
    }
}
