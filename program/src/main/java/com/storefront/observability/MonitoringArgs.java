package com.storefront.observability;

import com.pulumi.core.Output;
import com.storefront.config.AlertSettings;
import com.storefront.naming.Naming;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the alarms and the dashboard watch, as typed values from the other components.
 *
 * @param targetGroups       ARN suffixes of the target groups, with labels (blue, green)
 * @param cacheNodeIds       every ElastiCache node id of the cluster-mode replication group
 * @param apiGateway         the API name and stage, when the front door is on
 * @param rollbackAlarmName  the 5XX alarm the service tier owns (CodeDeploy rolls back on it)
 */
public record MonitoringArgs(
        AlertSettings settings,
        Naming naming,
        String region,
        Output<String> topicArn,
        Output<String> ecsClusterName,
        Output<String> ecsServiceName,
        Output<String> albArnSuffix,
        List<Labeled> targetGroups,
        Output<String> dbClusterIdentifier,
        boolean dbServerless,
        List<Output<String>> cacheNodeIds,
        Optional<ApiStage> apiGateway,
        Output<String> regionalWebAclName,
        Output<String> cloudFrontWebAclName,
        Output<String> rollbackAlarmName) {
    /** Named arguments: each value is set by its name, so two of one type cannot be swapped. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link MonitoringArgs}; every value must be set. */
    public static final class Builder {
        private AlertSettings settings;
        private Naming naming;
        private String region;
        private Output<String> topicArn;
        private Output<String> ecsClusterName;
        private Output<String> ecsServiceName;
        private Output<String> albArnSuffix;
        private List<Labeled> targetGroups;
        private Output<String> dbClusterIdentifier;
        private boolean dbServerless;
        private boolean dbServerlessSet;
        private List<Output<String>> cacheNodeIds;
        private Optional<ApiStage> apiGateway;
        private Output<String> regionalWebAclName;
        private Output<String> cloudFrontWebAclName;
        private Output<String> rollbackAlarmName;

        private Builder() {}

        public Builder settings(AlertSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder naming(Naming naming) {
            this.naming = naming;
            return this;
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder topicArn(Output<String> topicArn) {
            this.topicArn = topicArn;
            return this;
        }

        public Builder ecsClusterName(Output<String> ecsClusterName) {
            this.ecsClusterName = ecsClusterName;
            return this;
        }

        public Builder ecsServiceName(Output<String> ecsServiceName) {
            this.ecsServiceName = ecsServiceName;
            return this;
        }

        public Builder albArnSuffix(Output<String> albArnSuffix) {
            this.albArnSuffix = albArnSuffix;
            return this;
        }

        public Builder targetGroups(List<Labeled> targetGroups) {
            this.targetGroups = targetGroups;
            return this;
        }

        public Builder dbClusterIdentifier(Output<String> dbClusterIdentifier) {
            this.dbClusterIdentifier = dbClusterIdentifier;
            return this;
        }

        public Builder dbServerless(boolean dbServerless) {
            this.dbServerless = dbServerless;
            this.dbServerlessSet = true;
            return this;
        }

        public Builder cacheNodeIds(List<Output<String>> cacheNodeIds) {
            this.cacheNodeIds = cacheNodeIds;
            return this;
        }

        public Builder apiGateway(Optional<ApiStage> apiGateway) {
            this.apiGateway = apiGateway;
            return this;
        }

        public Builder regionalWebAclName(Output<String> regionalWebAclName) {
            this.regionalWebAclName = regionalWebAclName;
            return this;
        }

        public Builder cloudFrontWebAclName(Output<String> cloudFrontWebAclName) {
            this.cloudFrontWebAclName = cloudFrontWebAclName;
            return this;
        }

        public Builder rollbackAlarmName(Output<String> rollbackAlarmName) {
            this.rollbackAlarmName = rollbackAlarmName;
            return this;
        }

        public MonitoringArgs build() {
            Objects.requireNonNull(settings, "MonitoringArgs.settings is not set");
            Objects.requireNonNull(naming, "MonitoringArgs.naming is not set");
            Objects.requireNonNull(region, "MonitoringArgs.region is not set");
            Objects.requireNonNull(topicArn, "MonitoringArgs.topicArn is not set");
            Objects.requireNonNull(ecsClusterName, "MonitoringArgs.ecsClusterName is not set");
            Objects.requireNonNull(ecsServiceName, "MonitoringArgs.ecsServiceName is not set");
            Objects.requireNonNull(albArnSuffix, "MonitoringArgs.albArnSuffix is not set");
            Objects.requireNonNull(targetGroups, "MonitoringArgs.targetGroups is not set");
            Objects.requireNonNull(dbClusterIdentifier, "MonitoringArgs.dbClusterIdentifier is not set");
            if (!dbServerlessSet) {
                throw new IllegalStateException("MonitoringArgs.dbServerless is not set");
            }
            Objects.requireNonNull(cacheNodeIds, "MonitoringArgs.cacheNodeIds is not set");
            Objects.requireNonNull(apiGateway, "MonitoringArgs.apiGateway is not set");
            Objects.requireNonNull(regionalWebAclName, "MonitoringArgs.regionalWebAclName is not set");
            Objects.requireNonNull(cloudFrontWebAclName, "MonitoringArgs.cloudFrontWebAclName is not set");
            Objects.requireNonNull(rollbackAlarmName, "MonitoringArgs.rollbackAlarmName is not set");
            return new MonitoringArgs(
                    settings,
                    naming,
                    region,
                    topicArn,
                    ecsClusterName,
                    ecsServiceName,
                    albArnSuffix,
                    targetGroups,
                    dbClusterIdentifier,
                    dbServerless,
                    cacheNodeIds,
                    apiGateway,
                    regionalWebAclName,
                    cloudFrontWebAclName,
                    rollbackAlarmName);
        }
    }

    /** A dimension value with a human label for widgets and alarm names. */
    public record Labeled(String label, Output<String> value) {}

    public record ApiStage(Output<String> apiName, Output<String> stageName) {}
}
