package com.storefront.dr;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.storefront.config.DatabaseSettings;
import com.storefront.config.DrSettings;
import com.storefront.core.StackContext;
import com.storefront.core.WithContext;

import java.util.List;
import java.util.Objects;

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
        implements WithContext {
    /** Named arguments: each value is set by its name, so two of one type cannot be swapped. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link DisasterRecoveryArgs}; every value must be set. */
    public static final class Builder {
        private StackContext context;
        private DrSettings settings;
        private Provider drProvider;
        private Output<String> drKmsKeyArn;
        private Output<String> assetsVersionedBucketId;
        private Output<String> assetsBucketArn;
        private boolean assetsKmsEncrypted;
        private boolean assetsKmsEncryptedSet;
        private Output<String> dbClusterArn;
        private Output<String> primaryVpcId;
        private String primaryVpcCidr;
        private List<Output<String>> primaryRouteTableIds;
        private Output<String> alarmTopicArn;
        private DatabaseSettings database;

        private Builder() {}

        public Builder context(StackContext context) {
            this.context = context;
            return this;
        }

        public Builder settings(DrSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder drProvider(Provider drProvider) {
            this.drProvider = drProvider;
            return this;
        }

        public Builder drKmsKeyArn(Output<String> drKmsKeyArn) {
            this.drKmsKeyArn = drKmsKeyArn;
            return this;
        }

        public Builder assetsVersionedBucketId(Output<String> assetsVersionedBucketId) {
            this.assetsVersionedBucketId = assetsVersionedBucketId;
            return this;
        }

        public Builder assetsBucketArn(Output<String> assetsBucketArn) {
            this.assetsBucketArn = assetsBucketArn;
            return this;
        }

        public Builder assetsKmsEncrypted(boolean assetsKmsEncrypted) {
            this.assetsKmsEncrypted = assetsKmsEncrypted;
            this.assetsKmsEncryptedSet = true;
            return this;
        }

        public Builder dbClusterArn(Output<String> dbClusterArn) {
            this.dbClusterArn = dbClusterArn;
            return this;
        }

        public Builder primaryVpcId(Output<String> primaryVpcId) {
            this.primaryVpcId = primaryVpcId;
            return this;
        }

        public Builder primaryVpcCidr(String primaryVpcCidr) {
            this.primaryVpcCidr = primaryVpcCidr;
            return this;
        }

        public Builder primaryRouteTableIds(List<Output<String>> primaryRouteTableIds) {
            this.primaryRouteTableIds = primaryRouteTableIds;
            return this;
        }

        public Builder alarmTopicArn(Output<String> alarmTopicArn) {
            this.alarmTopicArn = alarmTopicArn;
            return this;
        }

        public Builder database(DatabaseSettings database) {
            this.database = database;
            return this;
        }

        public DisasterRecoveryArgs build() {
            Objects.requireNonNull(context, "DisasterRecoveryArgs.context is not set");
            Objects.requireNonNull(settings, "DisasterRecoveryArgs.settings is not set");
            Objects.requireNonNull(drProvider, "DisasterRecoveryArgs.drProvider is not set");
            Objects.requireNonNull(drKmsKeyArn, "DisasterRecoveryArgs.drKmsKeyArn is not set");
            Objects.requireNonNull(assetsVersionedBucketId, "DisasterRecoveryArgs.assetsVersionedBucketId is not set");
            Objects.requireNonNull(assetsBucketArn, "DisasterRecoveryArgs.assetsBucketArn is not set");
            if (!assetsKmsEncryptedSet) {
                throw new IllegalStateException("DisasterRecoveryArgs.assetsKmsEncrypted is not set");
            }
            Objects.requireNonNull(dbClusterArn, "DisasterRecoveryArgs.dbClusterArn is not set");
            Objects.requireNonNull(primaryVpcId, "DisasterRecoveryArgs.primaryVpcId is not set");
            Objects.requireNonNull(primaryVpcCidr, "DisasterRecoveryArgs.primaryVpcCidr is not set");
            Objects.requireNonNull(primaryRouteTableIds, "DisasterRecoveryArgs.primaryRouteTableIds is not set");
            Objects.requireNonNull(alarmTopicArn, "DisasterRecoveryArgs.alarmTopicArn is not set");
            Objects.requireNonNull(database, "DisasterRecoveryArgs.database is not set");
            return new DisasterRecoveryArgs(
                    context,
                    settings,
                    drProvider,
                    drKmsKeyArn,
                    assetsVersionedBucketId,
                    assetsBucketArn,
                    assetsKmsEncrypted,
                    dbClusterArn,
                    primaryVpcId,
                    primaryVpcCidr,
                    primaryRouteTableIds,
                    alarmTopicArn,
                    database);
        }
    }
}
