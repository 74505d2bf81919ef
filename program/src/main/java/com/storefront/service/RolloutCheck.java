package com.storefront.service;

import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.EcsFunctions;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.inputs.GetServiceArgs;
import com.pulumi.core.Output;
import com.pulumi.deployment.Deployment;
import com.pulumi.deployment.InvokeOptions;
import com.pulumi.resources.Resource;

/**
 * Makes a rolled-back rolling release fail {@code pulumi up} (REL-2). The provider's steady-state
 * wait succeeds when the circuit breaker has rolled a release back, because the service is steady
 * again on the old revision (hashicorp/terraform-provider-aws#19519, #20858). After the service
 * update, this reads the service back from ECS and fails unless it runs the revision just registered.
 */
final class RolloutCheck {

    private RolloutCheck() {}

    /** The registered revision once ECS runs it; fails the update with the reason when it does not. */
    static Output<String> released(Cluster cluster, Service service, TaskDefinition task, Resource parent) {
        if (Deployment.getInstance().isDryRun()) {
            // A preview changes nothing, so there is no rollout to check.
            return task.arn();
        }
        // The lookup's inputs are the service's outputs, so it runs after the update has finished waiting.
        Output<String> running = EcsFunctions.getService(
                        GetServiceArgs.builder()
                                .clusterArn(cluster.arn())
                                .serviceName(service.name())
                                .build(),
                        InvokeOptions.builder().parent(parent).build())
                .applyValue(live -> live.taskDefinition());
        return Output.tuple(task.arn(), running, service.name(), cluster.name()).applyValue(t -> {
            if (!t.t1.equals(t.t2)) {
                throw new IllegalStateException(rolledBack(t.t1, t.t2, t.t3, t.t4));
            }
            return t.t1;
        });
    }

    static String rolledBack(String registered, String running, String serviceName, String clusterName) {
        return "ECS rolled the release back: service " + serviceName + " runs " + running + ", not the revision "
                + "this update registered (" + registered + "). The new tasks did not become healthy; see "
                + "'aws ecs describe-services --cluster " + clusterName + " --services " + serviceName
                + " --query services[0].events[:10]' and the task logs, fix the image or config, and release again.";
    }
}
