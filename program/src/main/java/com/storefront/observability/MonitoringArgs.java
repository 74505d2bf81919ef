package com.storefront.observability;

import com.pulumi.core.Output;
import com.storefront.config.AlertSettings;
import com.storefront.naming.Naming;

import java.util.List;
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

    /** A dimension value with a human label for widgets and alarm names. */
    public record Labeled(String label, Output<String> value) {}

    public record ApiStage(Output<String> apiName, Output<String> stageName) {}
}
