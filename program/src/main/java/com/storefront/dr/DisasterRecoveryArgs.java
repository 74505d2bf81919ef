package com.storefront.dr;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.storefront.config.DatabaseSettings;
import com.storefront.config.DrSettings;
import com.storefront.core.StackContext;
import com.storefront.core.WithContext;

import java.util.List;

/**
 * Inputs of the DR component: its settings, the DR-region provider and key, and the primary-region
 * resources it protects, as typed outputs of their components.
 *
 * @param assetsVersionedBucketId the assets bucket id, resolved once versioning is on
 * @param assetsKmsEncrypted      whether assets are SSE-KMS (replication must then re-encrypt)
 * @param primaryRouteTableIds    primary route tables that get a route to the DR VPC
 */
public record DisasterRecoveryArgs(
        StackContext context,
        DrSettings settings,
        Provider drProvider,
        Output<String> drKmsKeyArn,
        Output<String> assetsVersionedBucketId,
        Output<String> assetsBucketArn,
        boolean assetsKmsEncrypted,
        Output<String> dbClusterArn,
        Output<String> primaryVpcId,
        String primaryVpcCidr,
        List<Output<String>> primaryRouteTableIds,
        Output<String> alarmTopicArn,
        DatabaseSettings database)
        implements WithContext {}
