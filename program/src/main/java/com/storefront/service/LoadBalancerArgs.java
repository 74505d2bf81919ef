package com.storefront.service;

import com.pulumi.core.Output;
import com.storefront.config.DeploymentSettings;
import com.storefront.config.LoadBalancerSettings;
import com.storefront.config.SecretValue;
import com.storefront.config.TlsSettings;
import com.storefront.core.StackContext;
import com.storefront.core.WithContext;

import java.util.List;
import java.util.Objects;

/**
 * Inputs of the ALB component.
 *
 * @param logBucketName the log bucket, resolved once its policy admits ALB log delivery
 * @param privateSubnetIds where the ALB lives without a domain (internal, reached through a VPC origin)
 * @param zoneIds       the zone ids of the subnets, in their order
 * @param originSecret  the header value CloudFront sends; every route requires it
 * @param partnerApi    whether API Gateway serves the partner API ({@code /partner/*} then requires its header)
 */
public record LoadBalancerArgs(
        StackContext context,
        LoadBalancerSettings settings,
        TlsSettings tls,
        int containerPort,
        DeploymentSettings deployment,
        Output<String> vpcId,
        Output<List<String>> publicSubnetIds,
        Output<List<String>> privateSubnetIds,
        Output<List<String>> zoneIds,
        Output<String> appSecurityGroupId,
        Output<String> logBucketName,
        SecretValue originSecret,
        boolean partnerApi)
        implements WithContext {
    /** Named arguments: each value is set by its name, so two of one type cannot be swapped. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link LoadBalancerArgs}; every value must be set. */
    public static final class Builder {
        private StackContext context;
        private LoadBalancerSettings settings;
        private TlsSettings tls;
        private int containerPort;
        private boolean containerPortSet;
        private DeploymentSettings deployment;
        private Output<String> vpcId;
        private Output<List<String>> publicSubnetIds;
        private Output<List<String>> privateSubnetIds;
        private Output<List<String>> zoneIds;
        private Output<String> appSecurityGroupId;
        private Output<String> logBucketName;
        private SecretValue originSecret;
        private boolean partnerApi;
        private boolean partnerApiSet;

        private Builder() {}

        public Builder context(StackContext context) {
            this.context = context;
            return this;
        }

        public Builder settings(LoadBalancerSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder tls(TlsSettings tls) {
            this.tls = tls;
            return this;
        }

        public Builder containerPort(int containerPort) {
            this.containerPort = containerPort;
            this.containerPortSet = true;
            return this;
        }

        public Builder deployment(DeploymentSettings deployment) {
            this.deployment = deployment;
            return this;
        }

        public Builder vpcId(Output<String> vpcId) {
            this.vpcId = vpcId;
            return this;
        }

        public Builder publicSubnetIds(Output<List<String>> publicSubnetIds) {
            this.publicSubnetIds = publicSubnetIds;
            return this;
        }

        public Builder privateSubnetIds(Output<List<String>> privateSubnetIds) {
            this.privateSubnetIds = privateSubnetIds;
            return this;
        }

        public Builder zoneIds(Output<List<String>> zoneIds) {
            this.zoneIds = zoneIds;
            return this;
        }

        public Builder appSecurityGroupId(Output<String> appSecurityGroupId) {
            this.appSecurityGroupId = appSecurityGroupId;
            return this;
        }

        public Builder logBucketName(Output<String> logBucketName) {
            this.logBucketName = logBucketName;
            return this;
        }

        public Builder originSecret(SecretValue originSecret) {
            this.originSecret = originSecret;
            return this;
        }

        public Builder partnerApi(boolean partnerApi) {
            this.partnerApi = partnerApi;
            this.partnerApiSet = true;
            return this;
        }

        public LoadBalancerArgs build() {
            Objects.requireNonNull(context, "LoadBalancerArgs.context is not set");
            Objects.requireNonNull(settings, "LoadBalancerArgs.settings is not set");
            Objects.requireNonNull(tls, "LoadBalancerArgs.tls is not set");
            if (!containerPortSet) {
                throw new IllegalStateException("LoadBalancerArgs.containerPort is not set");
            }
            Objects.requireNonNull(deployment, "LoadBalancerArgs.deployment is not set");
            Objects.requireNonNull(vpcId, "LoadBalancerArgs.vpcId is not set");
            Objects.requireNonNull(publicSubnetIds, "LoadBalancerArgs.publicSubnetIds is not set");
            Objects.requireNonNull(privateSubnetIds, "LoadBalancerArgs.privateSubnetIds is not set");
            Objects.requireNonNull(zoneIds, "LoadBalancerArgs.zoneIds is not set");
            Objects.requireNonNull(appSecurityGroupId, "LoadBalancerArgs.appSecurityGroupId is not set");
            Objects.requireNonNull(logBucketName, "LoadBalancerArgs.logBucketName is not set");
            Objects.requireNonNull(originSecret, "LoadBalancerArgs.originSecret is not set");
            if (!partnerApiSet) {
                throw new IllegalStateException("LoadBalancerArgs.partnerApi is not set");
            }
            return new LoadBalancerArgs(
                    context,
                    settings,
                    tls,
                    containerPort,
                    deployment,
                    vpcId,
                    publicSubnetIds,
                    privateSubnetIds,
                    zoneIds,
                    appSecurityGroupId,
                    logBucketName,
                    originSecret,
                    partnerApi);
        }
    }
}
