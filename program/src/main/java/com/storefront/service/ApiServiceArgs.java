package com.storefront.service;

import com.pulumi.core.Output;
import com.storefront.app.AppBinding;
import com.storefront.config.DeploymentSettings;
import com.storefront.config.ScalingSettings;
import com.storefront.config.TaskSettings;
import com.storefront.core.StackContext;
import com.storefront.core.WithContext;

import java.util.List;
import java.util.Objects;

/**
 * Inputs of the ECS service component.
 *
 * @param alarmTopicArn where the deployment rollback alarm also pages
 */
public record ApiServiceArgs(
        StackContext context,
        TaskSettings settings,
        ScalingSettings scaling,
        DeploymentSettings deployment,
        Output<String> vpcId,
        Output<List<String>> appSubnetIds,
        Output<String> appSecurityGroupId,
        Output<String> repositoryArn,
        LoadBalancer loadBalancer,
        List<AppBinding> bindings,
        Output<String> dbClusterIdentifier,
        Output<String> alarmTopicArn)
        implements WithContext {
    /** Named arguments: each value is set by its name, so two of one type cannot be swapped. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link ApiServiceArgs}; every value must be set. */
    public static final class Builder {
        private StackContext context;
        private TaskSettings settings;
        private ScalingSettings scaling;
        private DeploymentSettings deployment;
        private Output<String> vpcId;
        private Output<List<String>> appSubnetIds;
        private Output<String> appSecurityGroupId;
        private Output<String> repositoryArn;
        private LoadBalancer loadBalancer;
        private List<AppBinding> bindings;
        private Output<String> dbClusterIdentifier;
        private Output<String> alarmTopicArn;

        private Builder() {}

        public Builder context(StackContext context) {
            this.context = context;
            return this;
        }

        public Builder settings(TaskSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder scaling(ScalingSettings scaling) {
            this.scaling = scaling;
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

        public Builder appSubnetIds(Output<List<String>> appSubnetIds) {
            this.appSubnetIds = appSubnetIds;
            return this;
        }

        public Builder appSecurityGroupId(Output<String> appSecurityGroupId) {
            this.appSecurityGroupId = appSecurityGroupId;
            return this;
        }

        public Builder repositoryArn(Output<String> repositoryArn) {
            this.repositoryArn = repositoryArn;
            return this;
        }

        public Builder loadBalancer(LoadBalancer loadBalancer) {
            this.loadBalancer = loadBalancer;
            return this;
        }

        /** What the API uses, each resource's binding declared by its owner (environment, secrets, grants). */
        public Builder bindings(List<AppBinding> bindings) {
            this.bindings = List.copyOf(bindings);
            return this;
        }

        /** The Aurora cluster the connections-per-task scaling watches (planned, so scaling need not wait). */
        public Builder dbClusterIdentifier(Output<String> dbClusterIdentifier) {
            this.dbClusterIdentifier = dbClusterIdentifier;
            return this;
        }

        public Builder alarmTopicArn(Output<String> alarmTopicArn) {
            this.alarmTopicArn = alarmTopicArn;
            return this;
        }

        public ApiServiceArgs build() {
            Objects.requireNonNull(context, "ApiServiceArgs.context is not set");
            Objects.requireNonNull(settings, "ApiServiceArgs.settings is not set");
            Objects.requireNonNull(scaling, "ApiServiceArgs.scaling is not set");
            Objects.requireNonNull(deployment, "ApiServiceArgs.deployment is not set");
            Objects.requireNonNull(vpcId, "ApiServiceArgs.vpcId is not set");
            Objects.requireNonNull(appSubnetIds, "ApiServiceArgs.appSubnetIds is not set");
            Objects.requireNonNull(appSecurityGroupId, "ApiServiceArgs.appSecurityGroupId is not set");
            Objects.requireNonNull(repositoryArn, "ApiServiceArgs.repositoryArn is not set");
            Objects.requireNonNull(loadBalancer, "ApiServiceArgs.loadBalancer is not set");
            Objects.requireNonNull(bindings, "ApiServiceArgs.bindings is not set");
            Objects.requireNonNull(dbClusterIdentifier, "ApiServiceArgs.dbClusterIdentifier is not set");
            Objects.requireNonNull(alarmTopicArn, "ApiServiceArgs.alarmTopicArn is not set");
            return new ApiServiceArgs(
                    context,
                    settings,
                    scaling,
                    deployment,
                    vpcId,
                    appSubnetIds,
                    appSecurityGroupId,
                    repositoryArn,
                    loadBalancer,
                    bindings,
                    dbClusterIdentifier,
                    alarmTopicArn);
        }
    }
}
