package com.storefront.service;

import com.pulumi.aws.codedeploy.Application;
import com.pulumi.aws.codedeploy.ApplicationArgs;
import com.pulumi.aws.codedeploy.DeploymentGroup;
import com.pulumi.aws.codedeploy.DeploymentGroupArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupAlarmConfigurationArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupAutoRollbackConfigurationArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupBlueGreenDeploymentConfigArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupBlueGreenDeploymentConfigDeploymentReadyOptionArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupBlueGreenDeploymentConfigTerminateBlueInstancesOnDeploymentSuccessArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupDeploymentStyleArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupEcsServiceArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupLoadBalancerInfoArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupLoadBalancerInfoTargetGroupPairInfoArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupLoadBalancerInfoTargetGroupPairInfoProdTrafficRouteArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupLoadBalancerInfoTargetGroupPairInfoTargetGroupArgs;
import com.pulumi.aws.codedeploy.inputs.DeploymentGroupLoadBalancerInfoTargetGroupPairInfoTestTrafficRouteArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.config.DeploymentSettings;
import com.storefront.core.AwsContext;
import com.storefront.core.ChildNames;
import com.storefront.iam.PolicyDocument;
import com.storefront.naming.NameLimit;
import com.storefront.naming.Naming;

import java.util.List;

/**
 * CodeDeploy blue/green for the ECS service (SVC-7): traffic shifts from the blue to the green
 * target group on the production listener by the configured canary/linear/all-at-once schedule,
 * and rolls back on failure or when the rollback alarm fires.
 */
record BlueGreenDeployment(Output<String> applicationName, Output<String> deploymentGroupName) {

    static final String CODEDEPLOY = "codedeploy.amazonaws.com";
    static final String ECS_ROLE_POLICY = "arn:aws:iam::aws:policy/AWSCodeDeployRoleForECS";

    static BlueGreenDeployment create(
            DeploymentSettings settings,
            Naming naming,
            AwsContext aws,
            Output<String> clusterName,
            Service service,
            LoadBalancer loadBalancer,
            Output<String> rollbackAlarmName,
            CustomResourceOptions options) {
        Role role = new Role(
                ChildNames.of(options, "codedeploy-role"),
                RoleArgs.builder()
                        .name(naming.name("api-codedeploy", NameLimit.IAM_ROLE))
                        .description(
                                "CodeDeploy shifts Storefront API traffic between the blue and green target groups")
                        .assumeRolePolicy(PolicyDocument.serviceTrust(CODEDEPLOY))
                        .build(),
                options);
        RolePolicyAttachment policy = new RolePolicyAttachment(
                ChildNames.of(options, "codedeploy-role-policy"),
                RolePolicyAttachmentArgs.builder()
                        .role(role.name())
                        .policyArn(aws.managedPolicyArn(ECS_ROLE_POLICY))
                        .build(),
                options);

        Application application = new Application(
                ChildNames.of(options, "codedeploy-app"),
                ApplicationArgs.builder()
                        .name(naming.name("api"))
                        .computePlatform("ECS")
                        .build(),
                options);
        var testListener = loadBalancer.testListener().orElseThrow();
        var green = loadBalancer.greenTargetGroup().orElseThrow();
        DeploymentGroup group = new DeploymentGroup(
                ChildNames.of(options, "codedeploy-group"),
                DeploymentGroupArgs.builder()
                        .appName(application.name())
                        .deploymentGroupName(naming.name("api-blue-green"))
                        .serviceRoleArn(role.arn())
                        .deploymentConfigName(settings.trafficShift().deploymentConfigName())
                        .deploymentStyle(DeploymentGroupDeploymentStyleArgs.builder()
                                .deploymentOption("WITH_TRAFFIC_CONTROL")
                                .deploymentType("BLUE_GREEN")
                                .build())
                        .ecsService(DeploymentGroupEcsServiceArgs.builder()
                                .clusterName(clusterName)
                                .serviceName(service.name())
                                .build())
                        .loadBalancerInfo(DeploymentGroupLoadBalancerInfoArgs.builder()
                                .targetGroupPairInfo(DeploymentGroupLoadBalancerInfoTargetGroupPairInfoArgs.builder()
                                        .prodTrafficRoute(
                                                DeploymentGroupLoadBalancerInfoTargetGroupPairInfoProdTrafficRouteArgs
                                                        .builder()
                                                        .listenerArns(loadBalancer
                                                                .productionListener()
                                                                .arn()
                                                                .applyValue(List::of))
                                                        .build())
                                        .testTrafficRoute(
                                                DeploymentGroupLoadBalancerInfoTargetGroupPairInfoTestTrafficRouteArgs
                                                        .builder()
                                                        .listenerArns(testListener
                                                                .arn()
                                                                .applyValue(List::of))
                                                        .build())
                                        // CodeDeploy takes target group names, not ARNs: exactly blue and green.
                                        .targetGroups(
                                                DeploymentGroupLoadBalancerInfoTargetGroupPairInfoTargetGroupArgs
                                                        .builder()
                                                        .name(loadBalancer
                                                                .blueTargetGroup()
                                                                .name())
                                                        .build(),
                                                DeploymentGroupLoadBalancerInfoTargetGroupPairInfoTargetGroupArgs
                                                        .builder()
                                                        .name(green.name())
                                                        .build())
                                        .build())
                                .build())
                        .blueGreenDeploymentConfig(DeploymentGroupBlueGreenDeploymentConfigArgs.builder()
                                // Without this the deployment waits for a manual "reroute traffic".
                                .deploymentReadyOption(
                                        DeploymentGroupBlueGreenDeploymentConfigDeploymentReadyOptionArgs.builder()
                                                .actionOnTimeout("CONTINUE_DEPLOYMENT")
                                                .build())
                                .terminateBlueInstancesOnDeploymentSuccess(
                                        DeploymentGroupBlueGreenDeploymentConfigTerminateBlueInstancesOnDeploymentSuccessArgs
                                                .builder()
                                                .action("TERMINATE")
                                                .terminationWaitTimeInMinutes(settings.terminationWaitMinutes())
                                                .build())
                                .build())
                        .autoRollbackConfiguration(DeploymentGroupAutoRollbackConfigurationArgs.builder()
                                .enabled(true)
                                .events("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM")
                                .build())
                        .alarmConfiguration(DeploymentGroupAlarmConfigurationArgs.builder()
                                .enabled(true)
                                .alarms(rollbackAlarmName.applyValue(List::of))
                                .build())
                        .build(),
                CustomResourceOptions.builder()
                        .parent(options.getParent().orElseThrow())
                        // The role's permissions must be attached before CodeDeploy validates the group against ECS.
                        .dependsOn(policy)
                        .build());
        return new BlueGreenDeployment(application.name(), group.deploymentGroupName());
    }
}
