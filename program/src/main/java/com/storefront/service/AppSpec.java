package com.storefront.service;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.storefront.config.TaskSettings;

import java.util.List;

/**
 * The CodeDeploy AppSpec for the ECS service (SVC-7). Exported as a template whose
 * {@link #TASK_DEFINITION_PLACEHOLDER} the rollout script replaces with the new revision's ARN.
 * It carries the capacity-provider strategy and the network configuration too: with CodeDeploy the
 * service takes them from each deployment, not from Pulumi (which ignores them on the service).
 */
public final class AppSpec {

    public static final String TASK_DEFINITION_PLACEHOLDER = "<TASK_DEFINITION>";

    private AppSpec() {}

    /** The template for tasks in {@code subnets} with {@code securityGroup}, without public IPs. */
    public static String template(TaskSettings settings, List<String> subnets, String securityGroup) {
        JsonObject loadBalancer = new JsonObject();
        loadBalancer.addProperty("ContainerName", ContainerDefinition.CONTAINER_NAME);
        loadBalancer.addProperty("ContainerPort", settings.containerPort());

        JsonObject properties = new JsonObject();
        properties.addProperty("TaskDefinition", TASK_DEFINITION_PLACEHOLDER);
        properties.add("LoadBalancerInfo", loadBalancer);
        properties.add("CapacityProviderStrategy", capacityStrategy(settings.capacity()));
        JsonObject awsvpc = new JsonObject();
        awsvpc.add("Subnets", strings(subnets));
        awsvpc.add("SecurityGroups", strings(List.of(securityGroup)));
        awsvpc.addProperty("AssignPublicIp", "DISABLED");
        JsonObject network = new JsonObject();
        network.add("AwsvpcConfiguration", awsvpc);
        properties.add("NetworkConfiguration", network);

        JsonObject service = new JsonObject();
        service.addProperty("Type", "AWS::ECS::Service");
        service.add("Properties", properties);
        JsonObject target = new JsonObject();
        target.add("TargetService", service);
        JsonArray resources = new JsonArray();
        resources.add(target);

        JsonObject appSpec = new JsonObject();
        appSpec.addProperty("version", "0.0");
        appSpec.add("Resources", resources);
        // No HTML escaping: the placeholder must stay literally <TASK_DEFINITION> for the rollout script.
        return new GsonBuilder()
                .setPrettyPrinting()
                .disableHtmlEscaping()
                .create()
                .toJson(appSpec);
    }

    private static JsonArray capacityStrategy(TaskSettings.CapacityStrategy capacity) {
        JsonArray strategy = new JsonArray();
        if (capacity.fargateWeight() > 0 || capacity.fargateBase() > 0) {
            strategy.add(provider(ApiService.FARGATE, capacity.fargateBase(), capacity.fargateWeight()));
        }
        if (capacity.spotWeight() > 0) {
            strategy.add(provider(ApiService.FARGATE_SPOT, 0, capacity.spotWeight()));
        }
        return strategy;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    private static JsonObject provider(String name, int base, int weight) {
        JsonObject entry = new JsonObject();
        entry.addProperty("CapacityProvider", name);
        entry.addProperty("Base", base);
        entry.addProperty("Weight", weight);
        return entry;
    }
}
