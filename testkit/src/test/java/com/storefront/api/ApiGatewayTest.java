package com.storefront.api;

import com.pulumi.aws.apigateway.Account;
import com.pulumi.aws.apigateway.ApiKey;
import com.pulumi.aws.apigateway.Deployment;
import com.pulumi.aws.apigateway.Integration;
import com.pulumi.aws.apigateway.Method;
import com.pulumi.aws.apigateway.MethodSettings;
import com.pulumi.aws.apigateway.Resource;
import com.pulumi.aws.apigateway.RestApi;
import com.pulumi.aws.apigateway.Stage;
import com.pulumi.aws.apigateway.UsagePlan;
import com.pulumi.aws.apigateway.UsagePlanKey;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.storefront.plan.Json;
import com.storefront.plan.Registered;
import com.storefront.plan.StackConfig;
import com.storefront.security.EdgeSecrets;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API-1: the partner API, its keys, logging and the account-level logging setting. */
class ApiGatewayTest {

    private static final String SECRET = StackConfig.SECRET_PLACEHOLDERS.get("storefront:originVerifySecret");

    @Test
    void prodHasTheFrontDoorDevDoesNot() {
        assertTrue(Stacks.dev().ofType(Types.of(RestApi.class)).isEmpty());
        assertTrue(Stacks.dev().outputs().keySet().stream().noneMatch(k -> k.equals("apiUrl")));
        StackRun prod = Stacks.prod();
        Registered api = prod.one(Types.of(RestApi.class), "api-gateway-rest-api");
        assertEquals(Map.of("types", "REGIONAL"), api.map("endpointConfiguration"));
        assertEquals("https://" + api.id() + ".execute-api.us-east-2.amazonaws.com/v1", prod.output("apiUrl"));
    }

    @Test
    void everyPathIsProxiedAndNeedsAnApiKey() {
        StackRun run = Stacks.prod();
        assertEquals(
                "{proxy+}",
                run.one(Types.of(Resource.class), "api-gateway-proxy-resource").string("pathPart"));
        for (String what : List.of("root", "proxy")) {
            Registered method = run.one(Types.of(Method.class), "api-gateway-method-" + what);
            assertEquals("ANY", method.string("httpMethod"));
            assertTrue(method.bool("apiKeyRequired"));
            Registered integration = run.one(Types.of(Integration.class), "api-gateway-integration-" + what);
            assertEquals("HTTP_PROXY", integration.string("type"));
            assertEquals("ANY", integration.string("integrationHttpMethod"));
            assertEquals(
                    "'" + EdgeSecrets.gatewaySecret(SECRET) + "'",
                    integration.map("requestParameters").get("integration.request.header.X-Gateway-Verify"));
            assertFalse(
                    integration.map("requestParameters").containsKey("integration.request.header.X-Origin-Verify"),
                    "API Gateway never learns the origin secret");
            assertTrue(integration.secretInputs().contains("requestParameters"));
        }
        Registered proxy = run.one(Types.of(Integration.class), "api-gateway-integration-proxy");
        assertEquals("method.request.path.proxy", proxy.map("requestParameters").get("integration.request.path.proxy"));
        assertEquals(
                true,
                run.one(Types.of(Method.class), "api-gateway-method-proxy")
                        .map("requestParameters")
                        .get("method.request.path.proxy"));
    }

    /** CloudFront is the only way to the ALB in both TLS modes; API Gateway maps its paths to /partner/. */
    @Test
    void theApiGoesThroughCloudFrontToThePartnerPaths() {
        for (StackRun run : List.of(Stacks.prod(), Stacks.prodWithDomain())) {
            String cloudFront = "https://" + run.output("cloudFrontDomainName");
            assertEquals(
                    cloudFront + "/partner/{proxy}",
                    run.one(Types.of(Integration.class), "api-gateway-integration-proxy")
                            .string("uri"));
            assertEquals(
                    cloudFront + "/partner/",
                    run.one(Types.of(Integration.class), "api-gateway-integration-root")
                            .string("uri"));
        }
    }

    @Test
    void deploymentWaitsForAllRoutesAndRedeploysWhenTheyChange() {
        StackRun run = Stacks.prod();
        Registered deployment = run.one(Types.of(Deployment.class), "api-gateway-deployment");
        for (String name : List.of("api-gateway-method-root", "api-gateway-method-proxy")) {
            assertTrue(
                    deployment
                            .dependencies()
                            .contains(run.one(Types.of(Method.class), name).urn()),
                    name);
        }
        for (String name : List.of("api-gateway-integration-root", "api-gateway-integration-proxy")) {
            assertTrue(
                    deployment
                            .dependencies()
                            .contains(run.one(Types.of(Integration.class), name).urn()),
                    name);
        }
        assertTrue(
                deployment.input("stageName").isEmpty(),
                "the stage is its own resource (stageName is deprecated here)");
        assertEquals(64, deployment.string("triggers.routes").length());
        assertEquals(
                deployment.string("triggers.routes"),
                Stacks.prodWithDomain()
                        .one(Types.of(Deployment.class), "api-gateway-deployment")
                        .string("triggers.routes"),
                "the routes do not change with the ALB's TLS mode: no redeploy");
        assertNotEquals(
                ApiGateway.fingerprint("https://a", "secret-1"),
                ApiGateway.fingerprint("https://b", "secret-1"),
                "a new backend redeploys the stage");
        assertNotEquals(
                ApiGateway.fingerprint("https://a", "secret-1"),
                ApiGateway.fingerprint("https://a", "secret-2"),
                "a rotated secret redeploys the stage");
        // Every route's method, path, integration and parameters are part of the trigger.
        for (ProxyRoute route : ProxyRoute.ALL) {
            String described = route.describe("https://a", "s");
            for (String part :
                    List.of("ANY", route.resourcePath(), "HTTP_PROXY", route.uri("https://a"), "apiKeyRequired")) {
                assertTrue(described.contains(part), described + " lacks " + part);
            }
        }
        assertTrue(deployment.secretInputs().contains("triggers"));
    }

    @Test
    void stageLogsAsJsonWithMetricsAndThrottling() {
        StackRun run = Stacks.prod();
        Registered stage = run.one(Types.of(Stage.class), "api-gateway-stage");
        Registered logs = run.one(Types.of(LogGroup.class), "api-gateway-api-access-logs");
        assertEquals(
                "arn:aws:logs:us-east-2:123456789012:log-group:" + logs.string("name"),
                stage.string("accessLogSettings.destinationArn"));
        Map<String, Object> format = Json.parse(stage.string("accessLogSettings.format"));
        assertTrue(format.keySet().containsAll(Set.of("requestId", "ip", "status", "latencyMs", "apiKeyId")));
        // Which key, never the key: $context.identity.apiKey is the value itself; headers would carry
        // the origin secret, cookies and credentials.
        assertEquals("$context.identity.apiKeyId", format.get("apiKeyId"));
        for (Object variable : format.values()) {
            String v = String.valueOf(variable);
            assertTrue(
                    !v.equals("$context.identity.apiKey")
                            && !v.contains("header")
                            && !v.contains("$input")
                            && !v.contains("authorizer"),
                    v + " could carry a key or a secret");
        }
        assertTrue(
                stage.dependencies()
                        .contains(run.one(Types.of(Account.class), "api-gateway-apigateway-account")
                                .urn()),
                "logging needs the account's CloudWatch role first");
        Registered execution = run.one(Types.of(LogGroup.class), "api-gateway-api-execution-logs");
        assertEquals(
                "API-Gateway-Execution-Logs_"
                        + run.one(Types.of(RestApi.class), "api-gateway-rest-api")
                                .id() + "/v1",
                execution.string("name"),
                "the name API Gateway writes to");
        assertEquals(30.0, execution.number("retentionInDays"));
        assertEquals(run.output("kmsKeyArn"), execution.string("kmsKeyId"));
        assertTrue(stage.dependencies().contains(execution.urn()), "created before API Gateway could create it");

        Registered settings = run.one(Types.of(MethodSettings.class), "api-gateway-stage-method-settings");
        assertEquals("*/*", settings.string("methodPath"));
        assertFalse(settings.bool("settings.dataTraceEnabled"), "full request logging would write headers and bodies");
        assertTrue(settings.bool("settings.metricsEnabled"));
        assertEquals("ERROR", settings.string("settings.loggingLevel"));
        assertTrue(settings.dependencies().contains(execution.urn()));
        assertEquals(1000.0, settings.number("settings.throttlingBurstLimit"));
        assertEquals(100.0, settings.number("settings.throttlingRateLimit"));
    }

    @Test
    void usagePlanAndKeyWithTheKeyInSecretsManager() {
        StackRun run = Stacks.prod();
        Registered plan = run.one(Types.of(UsagePlan.class), "api-gateway-usage-plan");
        assertEquals(
                List.of(Map.of(
                        "apiId",
                        run.one(Types.of(RestApi.class), "api-gateway-rest-api").id(),
                        "stage",
                        "v1")),
                plan.list("apiStages"));
        assertEquals(Map.of("burstLimit", 1000.0, "rateLimit", 100.0), plan.map("throttleSettings"));
        Registered key = run.one(Types.of(ApiKey.class), "api-gateway-api-key");
        Registered link = run.one(Types.of(UsagePlanKey.class), "api-gateway-usage-plan-key");
        assertEquals(key.id(), link.string("keyId"));
        assertEquals("API_KEY", link.string("keyType"));

        Registered secret = run.one(Types.of(Secret.class), "api-gateway-api-key-secret");
        assertEquals(run.output("kmsKeyArn"), secret.string("kmsKeyId"));
        assertEquals(run.output("apiKeySecretArn"), secret.id());
        Registered value = run.one(Types.of(SecretVersion.class), "api-gateway-api-key-secret-value");
        assertTrue(value.secretInputs().contains("secretString"));
        assertTrue(Json.parse(value.string("secretString")).containsKey("apiKey"));
    }

    @Test
    void regionalWafGuardsTheStage() {
        StackRun run = Stacks.prod();
        Registered association = run.one(Types.of(WebAclAssociation.class), "api-gateway-stage-web-acl");
        assertEquals(
                "arn:aws:apigateway:us-east-2::/restapis/"
                        + run.one(Types.of(RestApi.class), "api-gateway-rest-api")
                                .id() + "/stages/v1",
                association.string("resourceArn"));
        assertEquals(run.output("regionalWebAclArn"), association.string("webAclArn"));
    }

    @Test
    void theAccountLoggingSettingIsRegisteredOnlyWhenAskedAndNeverReset() {
        StackRun prod = Stacks.prod();
        Registered account = prod.one(Types.of(Account.class), "api-gateway-apigateway-account");
        Registered role = prod.one(Types.of(Role.class), "api-gateway-apigateway-cloudwatch-role");
        assertEquals("arn:aws:iam::123456789012:role/" + role.string("name"), account.string("cloudwatchRoleArn"));
        assertFalse(account.bool("resetOnDelete"), "other APIs in the region keep logging after this stack is gone");
        assertTrue(account.retainOnDelete(), "removing it from the program leaves the account setting as it is");
        assertTrue(
                role.retainOnDelete()
                        && prod.one(Types.of(RolePolicyAttachment.class), "api-gateway-apigateway-cloudwatch-policy")
                                .retainOnDelete(),
                "the setting would otherwise name a deleted role");
        assertEquals(
                "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs",
                prod.one(Types.of(RolePolicyAttachment.class), "api-gateway-apigateway-cloudwatch-policy")
                        .string("policyArn"));
        // Not asked: the account setting another API (or team) owns is left alone.
        StackRun shared = Stacks.devCustomDomainOai();
        assertTrue(shared.ofType(Types.of(Account.class)).isEmpty());
        assertTrue(shared.ofType(Types.of(Role.class)).stream()
                .noneMatch(r -> r.name().equals("api-gateway-apigateway-cloudwatch-role")));
        assertTrue(shared.ofType(Types.of(Stage.class)).get(0).dependencies().stream()
                .noneMatch(d -> d.contains("apigateway/account")));
        // Asked, with a role given: registered, none created.
        StackRun given = StackRun.ofStackFile(
                Stacks.DEV_FILE,
                Map.of(
                        "storefront:teardown",
                        "decommission",
                        "storefront:api",
                        "{\"enabled\":true,"
                                + "\"manageAccountLogging\":true,\"cloudWatchRoleArn\":\"arn:aws:iam::123456789012:role/shared-api-logs\"}"));
        assertEquals(
                "arn:aws:iam::123456789012:role/shared-api-logs",
                given.one(Types.of(Account.class), "api-gateway-apigateway-account")
                        .string("cloudwatchRoleArn"));
        assertTrue(given.ofType(Types.of(Role.class)).stream()
                .noneMatch(r -> r.name().equals("api-gateway-apigateway-cloudwatch-role")));
        // A decommissioned stack that manages the setting keeps it (and its role) on destroy, deliberately.
        StackRun kept = StackRun.ofStackFile(Stacks.PROD_FILE, Map.of("storefront:protect", "false"));
        assertTrue(kept.one(Types.of(Role.class), "api-gateway-apigateway-cloudwatch-role")
                .retainOnDelete());
        assertEquals(List.of(), com.storefront.plan.PolicyRules.Rule.PROTECTION.violations(kept.plan()));
    }

    @Test
    void executionLogsCanBeSwitchedOff() {
        StackRun off = StackRun.ofStackFile(
                Stacks.DEV_FILE,
                Map.of(
                        "storefront:api",
                        "{\"enabled\":true,"
                                + "\"cloudWatchRoleArn\":\"arn:aws:iam::123456789012:role/api-logs\",\"executionLogLevel\":\"off\"}"));
        assertEquals(
                "OFF",
                off.one(Types.of(MethodSettings.class), "api-gateway-stage-method-settings")
                        .string("settings.loggingLevel"));
        assertTrue(off.ofType(Types.of(LogGroup.class)).stream()
                .noneMatch(g -> g.name().equals("api-gateway-api-execution-logs")));
    }
}
