package com.storefront.service;

import com.storefront.config.SettingsLoaderAccess;
import com.storefront.plan.Json;
import com.storefront.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The AppSpec the blue/green rollout uses (SVC-7). */
class AppSpecTest {

    @Test
    @SuppressWarnings("unchecked")
    void targetsTheServiceContainerWithACapacityStrategyAndATaskDefinitionPlaceholder() {
        Map<String, Object> appSpec = Json.parse(
                AppSpec.template(SettingsLoaderAccess.prodTaskSettings(), List.of("subnet-a", "subnet-b"), "sg-app"));
        assertEquals("0.0", appSpec.get("version"));
        Map<String, Object> target = (Map<String, Object>)
                ((Map<String, Object>) ((List<Object>) appSpec.get("Resources")).get(0)).get("TargetService");
        assertEquals("AWS::ECS::Service", target.get("Type"));
        Map<String, Object> properties = (Map<String, Object>) target.get("Properties");
        assertEquals("<TASK_DEFINITION>", properties.get("TaskDefinition"));
        assertEquals(Map.of("ContainerName", "api", "ContainerPort", 3000.0), properties.get("LoadBalancerInfo"));
        assertEquals(
                List.of(
                        Map.of("CapacityProvider", "FARGATE", "Base", 2.0, "Weight", 1.0),
                        Map.of("CapacityProvider", "FARGATE_SPOT", "Base", 0.0, "Weight", 1.0)),
                properties.get("CapacityProviderStrategy"));
        // Pulumi leaves the service's network configuration to CodeDeploy, so each deployment carries it.
        assertEquals(
                Map.of(
                        "AwsvpcConfiguration",
                        Map.of(
                                "Subnets",
                                List.of("subnet-a", "subnet-b"),
                                "SecurityGroups",
                                List.of("sg-app"),
                                "AssignPublicIp",
                                "DISABLED")),
                properties.get("NetworkConfiguration"));
    }

    @Test
    void theStackExportsTheSameTemplate() {
        @SuppressWarnings("unchecked")
        List<String> subnets = (List<String>) Stacks.prod().output("appSubnetIds");
        assertEquals(
                AppSpec.template(SettingsLoaderAccess.prodTaskSettings(), subnets, (String)
                        Stacks.prod().output("appSecurityGroupId")),
                Stacks.prod().output("codeDeployAppSpecTemplate"));
        assertEquals("api", Stacks.prod().output("containerName"));
        assertEquals(3000, ((Number) Stacks.prod().output("containerPort")).intValue());
    }
}
