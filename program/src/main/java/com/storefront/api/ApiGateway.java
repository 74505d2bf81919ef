package com.storefront.api;

import com.google.gson.JsonObject;
import com.pulumi.aws.apigateway.Account;
import com.pulumi.aws.apigateway.AccountArgs;
import com.pulumi.aws.apigateway.ApiKey;
import com.pulumi.aws.apigateway.ApiKeyArgs;
import com.pulumi.aws.apigateway.Deployment;
import com.pulumi.aws.apigateway.DeploymentArgs;
import com.pulumi.aws.apigateway.Integration;
import com.pulumi.aws.apigateway.IntegrationArgs;
import com.pulumi.aws.apigateway.Method;
import com.pulumi.aws.apigateway.MethodArgs;
import com.pulumi.aws.apigateway.MethodSettings;
import com.pulumi.aws.apigateway.MethodSettingsArgs;
import com.pulumi.aws.apigateway.Resource;
import com.pulumi.aws.apigateway.ResourceArgs;
import com.pulumi.aws.apigateway.RestApi;
import com.pulumi.aws.apigateway.RestApiArgs;
import com.pulumi.aws.apigateway.Stage;
import com.pulumi.aws.apigateway.StageArgs;
import com.pulumi.aws.apigateway.UsagePlan;
import com.pulumi.aws.apigateway.UsagePlanArgs;
import com.pulumi.aws.apigateway.UsagePlanKey;
import com.pulumi.aws.apigateway.UsagePlanKeyArgs;
import com.pulumi.aws.apigateway.inputs.MethodSettingsSettingsArgs;
import com.pulumi.aws.apigateway.inputs.RestApiEndpointConfigurationArgs;
import com.pulumi.aws.apigateway.inputs.StageAccessLogSettingsArgs;
import com.pulumi.aws.apigateway.inputs.UsagePlanApiStageArgs;
import com.pulumi.aws.apigateway.inputs.UsagePlanThrottleSettingsArgs;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.pulumi.aws.wafv2.WebAclAssociationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.config.AlertSettings;
import com.storefront.config.ApiLogLevel;
import com.storefront.config.ApiSettings;
import com.storefront.core.ChildNames;
import com.storefront.core.StackComponent;
import com.storefront.iam.KeyUse;
import com.storefront.iam.PolicyDocument;
import com.storefront.naming.NameLimit;
import com.storefront.naming.Naming;
import com.storefront.observability.MetricRef;
import com.storefront.observability.Metrics;
import com.storefront.observability.Watch;
import com.storefront.observability.Watches;
import com.storefront.security.Secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partner API (API-1): a regional REST API for partners with API keys and quotas. Every method on
 * every path under the stage goes to the backend's {@code /partner/} paths through CloudFront (the only
 * way to the ALB), with API Gateway's header, which the ALB requires there, so no partner route is
 * reachable without a key. Usage plan with throttling, JSON access logs and execution logs in groups the
 * stack owns, the regional WAF; the key's value lives in Secrets Manager.
 */
public final class ApiGateway extends StackComponent {

    public static final String TYPE = "storefront:api:ApiGateway";

    /** The access and execution log groups and the API-key secret encrypt with the stack key. */
    public static final List<KeyUse> KEY_USES = List.of(KeyUse.cloudWatchLogs(), KeyUse.via("secretsmanager"));

    static final String APIGATEWAY = "apigateway.amazonaws.com";
    static final String PUSH_TO_CLOUDWATCH =
            "arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs";
    /** API Gateway's hard limit on an integration's time. */
    static final int INTEGRATION_TIMEOUT_MS = 29_000;

    private final String region;
    private final Output<String> invokeUrl;
    private final Output<String> restApiId;
    private final Output<String> restApiName;
    private final Output<String> stageName;
    private final Output<String> apiKeySecretArn;
    private final Optional<Output<String>> executionLogGroupName;

    public ApiGateway(String name, ApiGatewayArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.region = args.aws().region();
        ApiSettings settings = args.settings();
        Naming naming = args.naming();
        CustomResourceOptions child = child();

        RestApi api = new RestApi(
                name("rest-api"),
                RestApiArgs.builder()
                        .name(naming.name("api"))
                        .description("Storefront " + naming.suffix() + " API front door")
                        .endpointConfiguration(RestApiEndpointConfigurationArgs.builder()
                                .types("REGIONAL")
                                .build())
                        .apiKeySource("HEADER")
                        .build(),
                child);
        Resource proxy = new Resource(
                name("proxy-resource"),
                ResourceArgs.builder()
                        .restApi(api.id())
                        .parentId(api.rootResourceId())
                        .pathPart("{proxy+}")
                        .build(),
                child);

        Output<String> gatewaySecret = args.gatewaySecret();
        List<com.pulumi.resources.Resource> routes = new ArrayList<>();
        for (ProxyRoute route : ProxyRoute.ALL) {
            Output<String> resourceId = route.pathParameter() ? proxy.id() : api.rootResourceId();
            routes.addAll(route(route, api, resourceId, args.backendBaseUrl(), gatewaySecret, child));
        }

        Deployment deployment = new Deployment(
                name("deployment"),
                DeploymentArgs.builder()
                        .restApi(api.id())
                        .description("Storefront " + naming.suffix() + " API")
                        // A new deployment whenever anything a route sends changes; otherwise the stage keeps serving
                        // the
                        // old routes. Only a hash of the secret goes into the trigger.
                        .triggers(Output.tuple(args.backendBaseUrl(), gatewaySecret)
                                .applyValue(t -> Map.of("routes", fingerprint(t.t1, t.t2))))
                        .build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        // API Gateway refuses a deployment of an API whose methods and integrations are not all in
                        // place.
                        .dependsOn(routes)
                        .build());

        LogGroup accessLogs = new LogGroup(
                name("api-access-logs"),
                LogGroupArgs.builder()
                        .name("/aws/apigateway/" + naming.name("api", NameLimit.LOG_GROUP))
                        .retentionInDays(args.logRetentionDays())
                        .kmsKeyId(args.kmsKeyArn())
                        .build(),
                child);
        // Created before the stage logs anything: API Gateway would otherwise create it, unencrypted and kept forever.
        Optional<LogGroup> executionLogs = settings.executionLogLevel() == ApiLogLevel.OFF
                ? Optional.empty()
                : Optional.of(new LogGroup(
                        name("api-execution-logs"),
                        LogGroupArgs.builder()
                                .name(api.id().applyValue(id -> executionLogGroupName(id, settings.stageName())))
                                .retentionInDays(args.logRetentionDays())
                                .kmsKeyId(args.kmsKeyArn())
                                .build(),
                        child));
        Optional<Account> account =
                settings.manageAccountLogging() ? Optional.of(accountSettings(args, child)) : Optional.empty();
        List<com.pulumi.resources.Resource> loggingReady = new ArrayList<>();
        // Stage logging fails until the region's API Gateway account has a CloudWatch role.
        account.ifPresent(loggingReady::add);
        executionLogs.ifPresent(loggingReady::add);
        Stage stage = new Stage(
                name("stage"),
                StageArgs.builder()
                        .restApi(api.id())
                        .deployment(deployment.id())
                        .stageName(settings.stageName())
                        .accessLogSettings(StageAccessLogSettingsArgs.builder()
                                .destinationArn(accessLogs.arn())
                                .format(accessLogFormat())
                                .build())
                        .build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        .dependsOn(loggingReady)
                        .build());
        new MethodSettings(
                name("stage-method-settings"),
                MethodSettingsArgs.builder()
                        .restApi(api.id())
                        .stageName(stage.stageName())
                        .methodPath("*/*")
                        .settings(MethodSettingsSettingsArgs.builder()
                                .metricsEnabled(true)
                                .loggingLevel(settings.executionLogLevel().apiValue())
                                // Full request and response logging would write keys, cookies and bodies.
                                .dataTraceEnabled(false)
                                .throttlingBurstLimit(settings.burstLimit())
                                .throttlingRateLimit((double) settings.rateLimit())
                                .build())
                        .build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        .dependsOn(loggingReady)
                        .build());

        UsagePlan plan = new UsagePlan(
                name("usage-plan"),
                UsagePlanArgs.builder()
                        .name(naming.name("api"))
                        .description("Storefront API clients")
                        .apiStages(UsagePlanApiStageArgs.builder()
                                .apiId(api.id())
                                .stage(stage.stageName())
                                .build())
                        .throttleSettings(UsagePlanThrottleSettingsArgs.builder()
                                .burstLimit(settings.burstLimit())
                                .rateLimit((double) settings.rateLimit())
                                .build())
                        .build(),
                child);
        ApiKey key = new ApiKey(
                name("api-key"),
                ApiKeyArgs.builder()
                        .name(naming.name("api-client"))
                        .description("Storefront API client key; the value is in the api-key secret")
                        .enabled(true)
                        .build(),
                child);
        new UsagePlanKey(
                name("usage-plan-key"),
                UsagePlanKeyArgs.builder()
                        .keyId(key.id())
                        .keyType("API_KEY")
                        .usagePlanId(plan.id())
                        .build(),
                child);
        Secret keySecret = Secrets.create(
                "api-key-secret",
                naming.name("api-gateway-key"),
                "Storefront API Gateway client key (send as x-api-key)",
                args.kmsKeyArn(),
                args.protect(),
                child);
        new SecretVersion(
                name("api-key-secret-value"),
                SecretVersionArgs.builder()
                        .secretId(keySecret.id())
                        .secretString(key.value()
                                .applyValue(value -> {
                                    JsonObject json = new JsonObject();
                                    json.addProperty("apiKey", value);
                                    return json.toString();
                                })
                                .asSecret())
                        .build(),
                child);

        new WebAclAssociation(
                name("stage-web-acl"),
                WebAclAssociationArgs.builder()
                        .resourceArn(stage.arn())
                        .webAclArn(args.regionalWebAclArn())
                        .build(),
                child);

        this.invokeUrl = stage.invokeUrl();
        this.restApiId = api.id();
        this.restApiName = api.name();
        this.stageName = stage.stageName();
        this.apiKeySecretArn = keySecret.arn();
        this.executionLogGroupName = executionLogs.map(LogGroup::name);
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("invokeUrl", invokeUrl);
        outputs.put("restApiId", restApiId);
        outputs.put("apiKeySecretArn", apiKeySecretArn);
        registerOutputs(outputs);
    }

    /** {@code ANY} on a resource, API key required, proxied to the route's backend path with API Gateway's header. */
    private static List<com.pulumi.resources.Resource> route(
            ProxyRoute route,
            RestApi api,
            Output<String> resourceId,
            Output<String> backendBaseUrl,
            Output<String> gatewaySecret,
            CustomResourceOptions options) {
        MethodArgs.Builder method = MethodArgs.builder()
                .restApi(api.id())
                .resourceId(resourceId)
                .httpMethod(ProxyRoute.METHOD)
                .authorization("NONE")
                .apiKeyRequired(true);
        if (route.pathParameter()) {
            method.requestParameters(Map.of(ProxyRoute.METHOD_PROXY_PARAMETER, true));
        }
        IntegrationArgs.Builder integration = IntegrationArgs.builder()
                .restApi(api.id())
                .resourceId(resourceId)
                .httpMethod(ProxyRoute.METHOD)
                .type(ProxyRoute.INTEGRATION_TYPE)
                .integrationHttpMethod(ProxyRoute.METHOD)
                .uri(backendBaseUrl.applyValue(route::uri))
                .timeoutMilliseconds(INTEGRATION_TIMEOUT_MS)
                .requestParameters(gatewaySecret.applyValue(route::integrationParameters));
        Method m = new Method(ChildNames.of(options, "method-" + route.name()), method.build(), options);
        Integration i = new Integration(
                ChildNames.of(options, "integration-" + route.name()),
                integration.build(),
                CustomResourceOptions.merge(
                        options, CustomResourceOptions.builder().dependsOn(m).build()));
        return List.of(m, i);
    }

    /**
     * Registers the CloudWatch role in the region's API Gateway account settings (only when asked: the
     * setting is shared by every REST API there). Destroy and removal leave it as it is, so other APIs keep
     * logging; the README says how to take it over or hand it back.
     */
    private static Account accountSettings(ApiGatewayArgs args, CustomResourceOptions options) {
        Output<String> roleArn;
        List<com.pulumi.resources.Resource> roleReady = new ArrayList<>();
        if (args.settings().cloudWatchRoleArn().isPresent()) {
            roleArn = Output.of(args.settings().cloudWatchRoleArn().get());
        } else {
            // Kept like the setting that names it: every REST API in the region logs through it.
            CustomResourceOptions kept = CustomResourceOptions.merge(
                    options,
                    CustomResourceOptions.builder().retainOnDelete(true).build());
            Role role = new Role(
                    ChildNames.of(options, "apigateway-cloudwatch-role"),
                    RoleArgs.builder()
                            .name(args.naming().name("apigateway-logs", NameLimit.IAM_ROLE))
                            .description("API Gateway writes access and execution logs to CloudWatch Logs")
                            .assumeRolePolicy(PolicyDocument.serviceTrust(APIGATEWAY))
                            .build(),
                    kept);
            // The role is checked when it is registered; its policy must already be attached.
            roleReady.add(new RolePolicyAttachment(
                    ChildNames.of(options, "apigateway-cloudwatch-policy"),
                    RolePolicyAttachmentArgs.builder()
                            .role(role.name())
                            .policyArn(args.aws().managedPolicyArn(PUSH_TO_CLOUDWATCH))
                            .build(),
                    kept));
            roleArn = role.arn();
        }
        return new Account(
                ChildNames.of(options, "apigateway-account"),
                AccountArgs.builder()
                        .cloudwatchRoleArn(roleArn)
                        .resetOnDelete(false)
                        .build(),
                CustomResourceOptions.merge(
                        options,
                        CustomResourceOptions.builder()
                                .dependsOn(roleReady)
                                // Never cleared behind another API's back, whatever the provider would do on delete.
                                .retainOnDelete(true)
                                .build()));
    }

    /** The group API Gateway writes a stage's execution logs to (its name is fixed by API Gateway). */
    static String executionLogGroupName(String restApiId, String stageName) {
        return "API-Gateway-Execution-Logs_" + restApiId + "/" + stageName;
    }

    /** Stable across runs; changes whenever a route, its integration or the header it sends changes. */
    static String fingerprint(String backend, String gatewaySecret) {
        StringBuilder routes = new StringBuilder();
        for (ProxyRoute route : ProxyRoute.ALL) {
            routes.append(route.describe(backend, gatewaySecret)).append('\n');
        }
        routes.append("timeoutMs=").append(INTEGRATION_TIMEOUT_MS);
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(routes.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String accessLogFormat() {
        JsonObject format = new JsonObject();
        format.addProperty("requestId", "$context.requestId");
        format.addProperty("ip", "$context.identity.sourceIp");
        format.addProperty("requestTime", "$context.requestTime");
        format.addProperty("httpMethod", "$context.httpMethod");
        format.addProperty("path", "$context.path");
        format.addProperty("status", "$context.status");
        format.addProperty("responseLength", "$context.responseLength");
        format.addProperty("latencyMs", "$context.responseLatency");
        format.addProperty("integrationStatus", "$context.integrationStatus");
        format.addProperty("apiKeyId", "$context.identity.apiKeyId");
        format.addProperty("wafResponseCode", "$context.wafResponseCode");
        return format.toString();
    }

    public Output<String> invokeUrl() {
        return invokeUrl;
    }

    public Output<String> restApiId() {
        return restApiId;
    }

    public Output<String> apiKeySecretArn() {
        return apiKeySecretArn;
    }

    public Optional<Output<String>> executionLogGroupName() {
        return executionLogGroupName;
    }

    /** Its dashboard panels and the 5XX alarm. */
    public Watches watches() {
        MetricRef fiveXx = Metrics.api(restApiName, stageName, "5XXError", "Sum", region);
        return new Watches(
                List.of(
                        new Watches.Panel(
                                "API Gateway: 4XX and 5XX",
                                region,
                                List.of(Metrics.api(restApiName, stageName, "4XXError", "Sum", region), fiveXx)),
                        new Watches.Panel(
                                "API Gateway: latency p95 (ms)",
                                region,
                                List.of(Metrics.api(restApiName, stageName, "Latency", "p95", region)))),
                List.of(Watch.on(
                        "api-5xx",
                        s -> "API Gateway returns 5XX to clients",
                        fiveXx,
                        Watch.AT_OR_ABOVE,
                        AlertSettings::api5xxPerMinute,
                        Watch.QUIET_IS_OK)));
    }
}
