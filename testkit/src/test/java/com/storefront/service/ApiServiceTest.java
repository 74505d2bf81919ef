package com.storefront.service;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterCapacityProviders;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.servicediscovery.PrivateDnsNamespace;
import com.storefront.plan.Json;
import com.storefront.plan.Registered;
import com.storefront.plan.StackConfig;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SVC-1..SVC-4, SVC-7..SVC-9 on the registered ECS resources. */
class ApiServiceTest {

    private static final String SERVICE = Types.of(com.pulumi.aws.ecs.Service.class);

    @SuppressWarnings("unchecked")
    private static Map<String, Object> container(StackRun run) {
        String json = run.one(Types.of(TaskDefinition.class), "api-task").string("containerDefinitions");
        List<Object> definitions = new com.google.gson.Gson().fromJson(json, List.class);
        assertEquals(1, definitions.size());
        return (Map<String, Object>) definitions.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pairs(Map<String, Object> container, String field, String valueField) {
        return ((List<Map<String, String>>) container.get(field))
                .stream().collect(Collectors.toMap(p -> p.get("name"), p -> p.get(valueField)));
    }

    @Test
    void clusterHasContainerInsightsAndBothFargateProviders() {
        StackRun run = Stacks.dev();
        Registered cluster = run.one(Types.of(Cluster.class), "api-cluster");
        assertEquals(List.of(Map.of("name", "containerInsights", "value", "enabled")), cluster.list("settings"));
        Registered providers = run.one(Types.of(ClusterCapacityProviders.class), "api-capacity-providers");
        assertEquals(List.of("FARGATE", "FARGATE_SPOT"), providers.list("capacityProviders"));
        assertEquals(cluster.string("name"), providers.string("clusterName"));
    }

    @Test
    void taskDefinitionIsAFargateTaskOfAValidSize() {
        Registered task = Stacks.prod().one(Types.of(TaskDefinition.class), "api-task");
        assertEquals("1024", task.string("cpu"));
        assertEquals("2048", task.string("memory"));
        assertEquals("awsvpc", task.string("networkMode"));
        assertEquals(List.of("FARGATE"), task.list("requiresCompatibilities"));
        assertEquals("storefront-api-prod", task.string("family"));
        assertTrue(task.string("executionRoleArn").endsWith(":role/storefront-api-execution-prod"));
        assertTrue(task.string("taskRoleArn").endsWith(":role/storefront-api-task-prod"));
    }

    @Test
    void defaultImageAnswersHealthOnTheContainerPort() {
        Map<String, Object> container = container(Stacks.dev());
        assertEquals("public.ecr.aws/docker/library/node:22-alpine", container.get("image"));
        assertTrue(String.valueOf(container.get("command")).contains("/health"));
        assertEquals(
                List.of(Map.of("name", "http", "containerPort", 3000.0, "protocol", "tcp")),
                container.get("portMappings"));
        assertEquals("3000", pairs(container, "environment", "value").get("PORT"));
        assertFalse(container.containsKey("healthCheck"), "the ALB health check is the gate");
    }

    @Test
    void aCustomImageRunsAsBuilt() {
        // REL-1: no placeholder command, and no health check that needs a shell or wget inside the image.
        for (StackRun run : List.of(Stacks.devWithoutNat(), Stacks.devReleased())) {
            Map<String, Object> container = container(run);
            assertTrue(String.valueOf(container.get("image")).contains(".dkr.ecr."));
            assertFalse(container.containsKey("command"));
            assertFalse(container.containsKey("healthCheck"));
        }
    }

    @Test
    void aContainerHealthCheckIsOptInWithTheTeamsCommand() {
        StackRun run = StackRun.of(StackRun.stackFile(Stacks.DEV_FILE)
                .withPath("storefront:service", "image", Stacks.PRIVATE_IMAGE)
                .withPath("storefront:service", "containerHealthCheck", List.of("CMD", "/app/healthcheck", "--quiet")));
        @SuppressWarnings("unchecked")
        Map<String, Object> health = (Map<String, Object>) container(run).get("healthCheck");
        assertEquals(List.of("CMD", "/app/healthcheck", "--quiet"), health.get("command"));
        assertEquals(60.0, health.get("startPeriod"));
    }

    @Test
    void environmentCarriesEndpointsAndSecretsComeOnlyFromSecretsManager() {
        StackRun run = Stacks.prod();
        Map<String, Object> container = container(run);
        Map<String, String> env = pairs(container, "environment", "value");
        assertEquals(run.output("dbWriterEndpoint"), env.get("DB_HOST"));
        assertEquals(run.output("dbReaderEndpoint"), env.get("DB_READER_HOST"));
        assertEquals("5432", env.get("DB_PORT"));
        assertEquals("storefront", env.get("DB_NAME"));
        assertEquals(run.output("redisConfigurationEndpoint"), env.get("REDIS_HOST"));
        assertEquals("6379", env.get("REDIS_PORT"));
        assertEquals("true", env.get("REDIS_TLS"));

        Map<String, String> secrets = pairs(container, "secrets", "valueFrom");
        String db = run.output("dbSecretArn").toString();
        String redis = run.output("redisSecretArn").toString();
        assertEquals(
                Map.of(
                        "DB_USERNAME", db + ":username::",
                        "DB_PASSWORD", db + ":password::",
                        "REDIS_AUTH_TOKEN", redis + ":authToken::",
                        "API_KEYS", run.output("apiKeysSecretArn").toString()),
                secrets);

        Set<String> secretValues = Set.copyOf(StackConfig.SECRET_PLACEHOLDERS.values());
        String definitions = run.one(Types.of(TaskDefinition.class), "api-task").string("containerDefinitions");
        secretValues.forEach(
                secret -> assertFalse(definitions.contains(secret), "no secret value in the task definition"));
    }

    @Test
    void logsGoToAnEncryptedGroupWithRetentionPerEnvironment() {
        for (StackRun run : List.of(Stacks.dev(), Stacks.prod())) {
            Registered group = run.one(Types.of(LogGroup.class), "api-logs");
            assertEquals(run.output("kmsKeyArn"), group.string("kmsKeyId"));
            @SuppressWarnings("unchecked")
            Map<String, Object> logging = (Map<String, Object>) container(run).get("logConfiguration");
            assertEquals("awslogs", logging.get("logDriver"));
            assertEquals(
                    Map.of(
                            "awslogs-group",
                            group.string("name"),
                            "awslogs-region",
                            run.output("region"),
                            "awslogs-stream-prefix",
                            "api"),
                    logging.get("options"));
        }
        assertEquals(
                14.0, Stacks.dev().one(Types.of(LogGroup.class), "api-logs").number("retentionInDays"));
        assertEquals(
                30.0, Stacks.prod().one(Types.of(LogGroup.class), "api-logs").number("retentionInDays"));
    }

    private static Map<String, Map<String, Object>> statements(StackRun run, String policy) {
        return Json.statements(
                        Json.parse(run.one(Types.of(RolePolicy.class), policy).string("policy")))
                .stream()
                .collect(Collectors.toMap(s -> (String) s.get("Sid"), s -> s));
    }

    @Test
    void executionRoleReadsExactlyTheInjectedSecrets() {
        StackRun run = Stacks.prod();
        Map<String, Map<String, Object>> policy = statements(run, "api-task-execution-policy");
        assertEquals(
                Set.of("EcrLogin", "PullApiImage", "WriteLogs", "InjectSecrets", "DecryptSecrets"), policy.keySet());
        assertEquals("*", policy.get("EcrLogin").get("Resource"));
        assertEquals("ecr:GetAuthorizationToken", policy.get("EcrLogin").get("Action"));
        assertEquals(
                run.one(Types.of(Repository.class), "registry-api-repository").string("name"),
                policy.get("PullApiImage").get("Resource").toString().replaceAll(".*repository/", ""));
        assertEquals(
                List.of(run.output("dbSecretArn"), run.output("redisSecretArn"), run.output("apiKeysSecretArn")),
                policy.get("InjectSecrets").get("Resource"));
        assertEquals(run.output("kmsKeyArn"), policy.get("DecryptSecrets").get("Resource"));
        assertEquals(
                "arn:aws:logs:us-east-2:123456789012:log-group:/ecs/storefront-api-prod:*",
                policy.get("WriteLogs").get("Resource"));
    }

    @Test
    void taskRoleGetsEcsExecOnlyWhenEnabled() {
        assertTrue(statements(Stacks.dev(), "api-task-policy").containsKey("EcsExec"));
        assertEquals(
                TaskRoles.ECS_EXEC_ACTIONS,
                statements(Stacks.dev(), "api-task-policy").get("EcsExec").get("Action"));
        assertFalse(statements(Stacks.prod(), "api-task-policy").containsKey("EcsExec"));
        assertTrue(Stacks.dev().one(SERVICE, "api-service").bool("enableExecuteCommand"));
        assertFalse(Stacks.prod().one(SERVICE, "api-service").bool("enableExecuteCommand"));
    }

    @Test
    void executionRoleTrustsEcsTasksAsDocumented() {
        Registered role = Stacks.prod().one(Types.of(Role.class), "api-task-execution-role");
        Map<String, Object> statement =
                Json.statements(Json.parse(role.string("assumeRolePolicy"))).get(0);
        assertEquals(Map.of("Service", "ecs-tasks.amazonaws.com"), statement.get("Principal"));
        assertFalse(statement.containsKey("Condition"), "a condition ECS does not send would stop tasks from starting");
    }

    @Test
    void rolesTrustOnlyEcsTasksOfThisAccount() {
        Registered role = Stacks.prod().one(Types.of(Role.class), "api-task-role");
        Map<String, Object> statement =
                Json.statements(Json.parse(role.string("assumeRolePolicy"))).get(0);
        assertEquals(Map.of("Service", "ecs-tasks.amazonaws.com"), statement.get("Principal"));
        assertEquals(
                Map.of(
                        "StringEquals",
                        Map.of("aws:SourceAccount", "123456789012"),
                        "ArnLike",
                        Map.of("aws:SourceArn", "arn:aws:ecs:us-east-2:123456789012:*")),
                statement.get("Condition"));
    }

    @Test
    void devRollsWithTheCircuitBreakerOnSpotHeavyCapacity() {
        StackRun run = Stacks.dev();
        Registered service = run.one(SERVICE, "api-service");
        assertEquals("ECS", service.string("deploymentController.type"));
        assertEquals(Map.of("enable", true, "rollback", true), service.map("deploymentCircuitBreaker"));
        assertEquals(100.0, service.number("deploymentMinimumHealthyPercent"));
        assertEquals(200.0, service.number("deploymentMaximumPercent"));
        assertEquals(
                List.of(
                        Map.of("capacityProvider", "FARGATE", "base", 0.0, "weight", 1.0),
                        Map.of("capacityProvider", "FARGATE_SPOT", "weight", 3.0)),
                service.list("capacityProviderStrategies"));
        assertTrue(service.input("launchType").isEmpty(), "AWS rejects launchType with a capacity-provider strategy");
        assertEquals(List.of("desiredCount"), service.ignoreChanges());
        assertEquals(1.0, service.number("desiredCount"));
    }

    @Test
    void prodUsesCodeDeployWithOnDemandBase() {
        Registered service = Stacks.prod().one(SERVICE, "api-service");
        assertEquals("CODE_DEPLOY", service.string("deploymentController.type"));
        assertTrue(
                service.input("deploymentCircuitBreaker").isEmpty(), "only the ECS controller has a circuit breaker");
        assertEquals(
                List.of(
                        Map.of("capacityProvider", "FARGATE", "base", 2.0, "weight", 1.0),
                        Map.of("capacityProvider", "FARGATE_SPOT", "weight", 1.0)),
                service.list("capacityProviderStrategies"));
        assertEquals(
                List.of(
                        "desiredCount",
                        "taskDefinition",
                        "loadBalancers",
                        "networkConfiguration",
                        "platformVersion",
                        "capacityProviderStrategies",
                        "serviceRegistries"),
                service.ignoreChanges());
        assertFalse(service.bool("waitForSteadyState"), "CodeDeploy, through the rollout tool, reports the release");
        assertTrue(service.deleteBeforeReplace());
    }

    @Test
    void serviceRunsPrivatelyBehindTheBlueTargetGroup() {
        StackRun run = Stacks.prod();
        Registered service = run.one(SERVICE, "api-service");
        assertEquals(
                Map.of(
                        "subnets",
                        run.output("appSubnetIds"),
                        "securityGroups",
                        List.of(run.output("appSecurityGroupId")),
                        "assignPublicIp",
                        false),
                service.map("networkConfiguration"));
        assertEquals(
                List.of(Map.of(
                        "targetGroupArn",
                        run.output("blueTargetGroupArn"),
                        "containerName",
                        "api",
                        "containerPort",
                        3000.0)),
                service.list("loadBalancers"));
        assertEquals(60.0, service.number("healthCheckGracePeriodSeconds"));
        assertEquals("SERVICE", service.string("propagateTags"));
        assertEquals(
                "arn:aws:servicediscovery:us-east-2:123456789012:service/"
                        + run.one(Types.of(com.pulumi.aws.servicediscovery.Service.class), "api-discovery-service")
                                .id(),
                service.string("serviceRegistries.registryArn"));
        Set<String> dependencies = Set.copyOf(service.dependencies());
        for (String name : List.of("load-balancer-rule-api", "load-balancer-rule-default")) {
            assertTrue(
                    dependencies.contains(
                            run.one(Types.of(ListenerRule.class), name).urn()),
                    name);
        }
        assertTrue(dependencies.contains(
                run.one(Types.of(Listener.class), "load-balancer-listener-http").urn()));
        assertTrue(dependencies.contains(run.one(Types.of(ClusterCapacityProviders.class), "api-capacity-providers")
                .urn()));
    }

    @Test
    void tasksRegisterInCloudMap() {
        StackRun run = Stacks.dev();
        Registered namespace = run.one(Types.of(PrivateDnsNamespace.class), "api-discovery-namespace");
        assertEquals("dev.storefront.internal", namespace.string("name"));
        assertEquals(run.output("vpcId"), namespace.string("vpc"));
        Registered discovery =
                run.one(Types.of(com.pulumi.aws.servicediscovery.Service.class), "api-discovery-service");
        assertEquals(
                Map.of(
                        "namespaceId",
                        namespace.id(),
                        "routingPolicy",
                        "MULTIVALUE",
                        "dnsRecords",
                        List.of(Map.of("type", "A", "ttl", 10.0))),
                discovery.map("dnsConfig"));
        assertEquals(Map.of("failureThreshold", 1.0), discovery.map("healthCheckCustomConfig"));
        assertTrue(discovery.bool("forceDestroy"));
        assertFalse(Stacks.prod()
                .one(Types.of(com.pulumi.aws.servicediscovery.Service.class), "api-discovery-service")
                .bool("forceDestroy"));
        assertEquals("api.dev.storefront.internal", run.output("serviceDiscoveryName"));
    }
}
