package com.storefront.service;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.ecs.Cluster;
import com.pulumi.aws.ecs.ClusterArgs;
import com.pulumi.aws.ecs.ClusterCapacityProviders;
import com.pulumi.aws.ecs.ClusterCapacityProvidersArgs;
import com.pulumi.aws.ecs.Service;
import com.pulumi.aws.ecs.ServiceArgs;
import com.pulumi.aws.ecs.TaskDefinition;
import com.pulumi.aws.ecs.TaskDefinitionArgs;
import com.pulumi.aws.ecs.inputs.ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ClusterSettingArgs;
import com.pulumi.aws.ecs.inputs.ServiceCapacityProviderStrategyArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentCircuitBreakerArgs;
import com.pulumi.aws.ecs.inputs.ServiceDeploymentControllerArgs;
import com.pulumi.aws.ecs.inputs.ServiceLoadBalancerArgs;
import com.pulumi.aws.ecs.inputs.ServiceNetworkConfigurationArgs;
import com.pulumi.aws.ecs.inputs.ServiceServiceRegistriesArgs;
import com.pulumi.aws.ecs.inputs.TaskDefinitionRuntimePlatformArgs;
import com.pulumi.aws.servicediscovery.PrivateDnsNamespace;
import com.pulumi.aws.servicediscovery.PrivateDnsNamespaceArgs;
import com.pulumi.aws.servicediscovery.inputs.ServiceDnsConfigArgs;
import com.pulumi.aws.servicediscovery.inputs.ServiceDnsConfigDnsRecordArgs;
import com.pulumi.aws.servicediscovery.inputs.ServiceHealthCheckCustomConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.CustomTimeouts;
import com.pulumi.resources.Resource;
import com.storefront.app.AppBinding;
import com.storefront.config.AlertSettings;
import com.storefront.config.DeploymentSettings;
import com.storefront.config.DeploymentStrategy;
import com.storefront.config.TaskSettings;
import com.storefront.core.StackComponent;
import com.storefront.iam.KeyUse;
import com.storefront.naming.Naming;
import com.storefront.observability.AlarmSpec;
import com.storefront.observability.MetricRef;
import com.storefront.observability.Metrics;
import com.storefront.observability.Watch;
import com.storefront.observability.Watches;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The API on ECS Fargate (SVC-1..SVC-4, SVC-7..SVC-9): cluster with Container Insights and both
 * Fargate capacity providers, task definition and roles, the service behind the ALB, Cloud Map
 * registration, autoscaling, the deployment rollback alarm and, for blue/green, CodeDeploy.
 */
public final class ApiService extends StackComponent {

    public static final String TYPE = "storefront:service:ApiService";

    /** The task log group encrypts with the stack key (the secrets it reads are their owners' uses). */
    public static final List<KeyUse> KEY_USES = List.of(KeyUse.cloudWatchLogs());

    static final String FARGATE = "FARGATE";
    static final String FARGATE_SPOT = "FARGATE_SPOT";
    static final Duration SERVICE_TIMEOUT = Duration.ofMinutes(30);

    private final String region;
    private final Output<String> clusterName;
    private final Output<String> serviceName;
    private final String plannedServiceName;
    private final Output<String> taskDefinitionArn;
    private final Output<String> taskDefinitionFamily;
    private final Output<String> logGroupName;
    private final Output<String> rollbackAlarmName;
    private final Output<String> discoveryName;
    private final Optional<BlueGreenDeployment> blueGreen;

    public ApiService(String name, ApiServiceArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.region = args.aws().region();
        TaskSettings settings = args.settings();
        Naming naming = args.naming();
        CustomResourceOptions child = child();
        boolean codeDeploy = args.deployment().strategy() == DeploymentStrategy.BLUE_GREEN;
        LoadBalancer alb = args.loadBalancer();

        Cluster cluster = new Cluster(
                name("cluster"),
                ClusterArgs.builder()
                        .name(naming.name("cluster"))
                        .settings(ClusterSettingArgs.builder()
                                .name("containerInsights")
                                .value("enabled")
                                .build())
                        .build(),
                child);
        ClusterCapacityProviders capacityProviders = new ClusterCapacityProviders(
                name("capacity-providers"),
                ClusterCapacityProvidersArgs.builder()
                        .clusterName(cluster.name())
                        .capacityProviders(FARGATE, FARGATE_SPOT)
                        .defaultCapacityProviderStrategies(
                                ClusterCapacityProvidersDefaultCapacityProviderStrategyArgs.builder()
                                        .capacityProvider(FARGATE)
                                        .weight(1)
                                        .base(0)
                                        .build())
                        .build(),
                child);

        LogGroup logs = new LogGroup(
                name("api-logs"),
                LogGroupArgs.builder()
                        .name("/ecs/" + naming.name("api"))
                        .retentionInDays(args.logRetentionDays())
                        .kmsKeyId(args.kmsKeyArn())
                        .build(),
                child);

        List<AppBinding> bindings = args.bindings();
        List<Output<String>> injected = AppBinding.secretArns(bindings);
        TaskRoles roles = TaskRoles.create(
                naming,
                args.aws(),
                settings.executeCommand(),
                args.repositoryArn(),
                logs.arn(),
                args.kmsKeyArn(),
                injected,
                bindings.stream().flatMap(b -> b.taskStatements().stream()).toList(),
                child);

        TaskDefinition task = new TaskDefinition(
                name("api-task"),
                TaskDefinitionArgs.builder()
                        .family(naming.name("api"))
                        .cpu(String.valueOf(settings.cpu()))
                        .memory(String.valueOf(settings.memory()))
                        .networkMode("awsvpc")
                        .requiresCompatibilities(FARGATE)
                        .runtimePlatform(TaskDefinitionRuntimePlatformArgs.builder()
                                .operatingSystemFamily("LINUX")
                                .cpuArchitecture("X86_64")
                                .build())
                        .executionRoleArn(roles.execution().arn())
                        .taskRoleArn(roles.task().arn())
                        .containerDefinitions(containerDefinitions(
                                settings, bindings, logs, args.aws().region()))
                        .build(),
                child);

        PrivateDnsNamespace namespace = new PrivateDnsNamespace(
                name("discovery-namespace"),
                PrivateDnsNamespaceArgs.builder()
                        .name(naming.suffix() + ".storefront.internal")
                        .description("Storefront " + naming.suffix() + " service discovery")
                        .vpc(args.vpcId())
                        .build(),
                child);
        com.pulumi.aws.servicediscovery.Service discovery = new com.pulumi.aws.servicediscovery.Service(
                name("discovery-service"),
                com.pulumi.aws.servicediscovery.ServiceArgs.builder()
                        .name("api")
                        .description("Storefront API tasks")
                        .dnsConfig(ServiceDnsConfigArgs.builder()
                                .namespaceId(namespace.id())
                                .routingPolicy("MULTIVALUE")
                                .dnsRecords(ServiceDnsConfigDnsRecordArgs.builder()
                                        .type("A")
                                        .ttl(10)
                                        .build())
                                .build())
                        .healthCheckCustomConfig(ServiceHealthCheckCustomConfigArgs.builder()
                                .failureThreshold(1)
                                .build())
                        // Registered task instances otherwise block deleting the service.
                        .forceDestroy(!args.protect())
                        .build(),
                child);

        Service service = new Service(
                name("api-service"),
                serviceArgs(args, cluster, task, discovery, codeDeploy).build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        .ignoreChanges(ignoredByService(codeDeploy))
                        // The name is fixed (it carries the suffix), so a replacement must delete the old
                        // service first; creating the new one beside it fails as "not idempotent".
                        .deleteBeforeReplace(true)
                        // A rolling update waits for steady state; a circuit-breaker rollback of a release
                        // with several failed task launches takes longer than the default 20 minutes.
                        .customTimeouts(CustomTimeouts.builder()
                                .create(SERVICE_TIMEOUT)
                                .update(SERVICE_TIMEOUT)
                                .delete(SERVICE_TIMEOUT)
                                .build())
                        // The target group must be attached to the ALB, and the capacity providers to the
                        // cluster, before ECS accepts the service; neither shows up in its inputs.
                        .dependsOn(serviceDependencies(alb, capacityProviders))
                        .build());

        Output<String> requestLabel =
                Output.tuple(alb.arnSuffix(), alb.blueTargetGroup().arnSuffix()).applyValue(t -> t.t1 + "/" + t.t2);
        ServiceScaling.create(
                args.scaling(),
                naming,
                cluster.name(),
                service,
                requestLabel,
                alb.arnSuffix(),
                codeDeploy,
                args.dbClusterIdentifier(),
                child);

        MetricAlarm rollbackAlarm = rollbackAlarm(args.deployment(), naming, alb, args.alarmTopicArn(), child);
        this.blueGreen = codeDeploy
                ? Optional.of(BlueGreenDeployment.create(
                        args.deployment(),
                        naming,
                        args.aws(),
                        cluster.name(),
                        service,
                        alb,
                        rollbackAlarm.name(),
                        child))
                : Optional.empty();

        this.clusterName = cluster.name();
        this.serviceName = service.name();
        this.plannedServiceName = serviceName(naming);
        // Rolling: the release counts only if ECS still runs it once the service is steady; a circuit
        // breaker that rolled it back fails `pulumi up` here. Blue/green: CodeDeploy deploys this revision.
        this.taskDefinitionArn = codeDeploy ? task.arn() : RolloutCheck.released(cluster, service, task, this);
        this.taskDefinitionFamily = task.family();
        this.logGroupName = logs.name();
        this.rollbackAlarmName = rollbackAlarm.name();
        this.discoveryName = namespace.name().applyValue(ns -> "api." + ns);

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("clusterName", clusterName);
        outputs.put("serviceName", serviceName);
        outputs.put("taskDefinitionArn", taskDefinitionArn);
        outputs.put("logGroupName", logGroupName);
        outputs.put("rollbackAlarmName", rollbackAlarmName);
        outputs.put("discoveryName", discoveryName);
        blueGreen.ifPresent(bg -> {
            outputs.put("codeDeployApplication", bg.applicationName());
            outputs.put("codeDeployDeploymentGroup", bg.deploymentGroupName());
        });
        registerOutputs(outputs);
    }

    private static Output<String> containerDefinitions(
            TaskSettings settings, List<AppBinding> bindings, LogGroup logs, String region) {
        Map<String, Output<String>> environment = new LinkedHashMap<>();
        environment.put("PORT", Output.of(String.valueOf(settings.containerPort())));
        Map<String, Output<String>> secrets = new LinkedHashMap<>();
        for (AppBinding binding : bindings) {
            binding.environment().forEach((variable, value) -> set(environment, secrets, binding, variable, value));
            binding.secrets().forEach((variable, ref) -> set(secrets, environment, binding, variable, ref.valueFrom()));
        }
        return Output.tuple(resolved(environment), resolved(secrets), logs.name())
                .applyValue(t -> ContainerDefinition.json(
                        settings, new ContainerDefinition.Values(settings.image(), t.t1, t.t2, t.t3, region)));
    }

    /** Two bindings setting one variable would leave the app one of them: refused while the program runs. */
    private static void set(
            Map<String, Output<String>> into,
            Map<String, Output<String>> other,
            AppBinding binding,
            String variable,
            Output<String> value) {
        if (into.containsKey(variable) || other.containsKey(variable)) {
            throw new IllegalStateException(binding.name() + " sets " + variable + ", which another binding sets");
        }
        into.put(variable, value);
    }

    private static Output<Map<String, String>> resolved(Map<String, Output<String>> values) {
        List<String> names = List.copyOf(values.keySet());
        return Output.all(names.stream().map(values::get).toList()).applyValue(resolved -> {
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                map.put(names.get(i), resolved.get(i));
            }
            return map;
        });
    }

    private static ServiceArgs.Builder serviceArgs(
            ApiServiceArgs args,
            Cluster cluster,
            TaskDefinition task,
            com.pulumi.aws.servicediscovery.Service discovery,
            boolean codeDeploy) {
        TaskSettings settings = args.settings();
        TaskSettings.CapacityStrategy capacity = settings.capacity();
        List<ServiceCapacityProviderStrategyArgs> strategy = new ArrayList<>();
        if (capacity.fargateWeight() > 0 || capacity.fargateBase() > 0) {
            strategy.add(ServiceCapacityProviderStrategyArgs.builder()
                    .capacityProvider(FARGATE)
                    .base(capacity.fargateBase())
                    .weight(capacity.fargateWeight())
                    .build());
        }
        if (capacity.spotWeight() > 0) {
            strategy.add(ServiceCapacityProviderStrategyArgs.builder()
                    .capacityProvider(FARGATE_SPOT)
                    .weight(capacity.spotWeight())
                    .build());
        }
        ServiceArgs.Builder service = ServiceArgs.builder()
                .name(serviceName(args.naming()))
                .cluster(cluster.arn())
                .taskDefinition(task.arn())
                .desiredCount(args.scaling().minTasks())
                // A capacity-provider strategy replaces launchType; AWS rejects both together.
                .capacityProviderStrategies(strategy)
                .networkConfiguration(ServiceNetworkConfigurationArgs.builder()
                        .subnets(args.appSubnetIds())
                        .securityGroups(args.appSecurityGroupId().applyValue(List::of))
                        .assignPublicIp(false)
                        .build())
                // One group only (blue, or green when it is live): CodeDeploy moves the service between
                // them itself; listing both stalls deployments.
                .loadBalancers(ServiceLoadBalancerArgs.builder()
                        .targetGroupArn(args.loadBalancer().liveTargetGroup().arn())
                        .containerName(ContainerDefinition.CONTAINER_NAME)
                        .containerPort(settings.containerPort())
                        .build())
                .healthCheckGracePeriodSeconds(settings.healthCheckGraceSeconds())
                .serviceRegistries(ServiceServiceRegistriesArgs.builder()
                        .registryArn(discovery.arn())
                        .build())
                .enableExecuteCommand(settings.executeCommand())
                // Default tags do not reach tasks; propagation copies the service's tags onto them.
                .propagateTags("SERVICE")
                .enableEcsManagedTags(true)
                // CodeDeploy reports a blue/green release; a rolling one is done when the service is steady.
                .waitForSteadyState(!codeDeploy)
                .deploymentController(ServiceDeploymentControllerArgs.builder()
                        .type(codeDeploy ? "CODE_DEPLOY" : "ECS")
                        .build());
        if (!codeDeploy) {
            // The circuit breaker exists only for the ECS (rolling) controller.
            service.deploymentCircuitBreaker(ServiceDeploymentCircuitBreakerArgs.builder()
                            .enable(true)
                            .rollback(true)
                            .build())
                    .deploymentMinimumHealthyPercent(100)
                    .deploymentMaximumPercent(200)
                    // Without it the provider replaces the service when the capacity-provider strategy
                    // changes; with it the change is an in-place update with a new deployment.
                    .forceNewDeployment(true);
        }
        return service;
    }

    static String serviceName(Naming naming) {
        return naming.name("api");
    }

    /**
     * Autoscaling owns the desired count. With CodeDeploy, task definition, load balancers, network
     * configuration, platform version and capacity strategy change only through a deployment (the
     * rollout tool deploys them), and service registries not at all; an UpdateService from Pulumi
     * would be rejected.
     */
    static List<String> ignoredByService(boolean codeDeploy) {
        return codeDeploy
                ? List.of(
                        "desiredCount",
                        "taskDefinition",
                        "loadBalancers",
                        "networkConfiguration",
                        "platformVersion",
                        "capacityProviderStrategies",
                        "serviceRegistries")
                : List.of("desiredCount");
    }

    private static List<Resource> serviceDependencies(LoadBalancer alb, ClusterCapacityProviders capacityProviders) {
        List<Resource> dependencies = new ArrayList<>(alb.forwardingRules());
        dependencies.add(alb.productionListener());
        dependencies.add(capacityProviders);
        return dependencies;
    }

    /**
     * Target 5XX responses across the ALB (blue and green alike). CodeDeploy rolls back on it; the
     * observability tier pages on the same alarm, so there is one definition of "the release is failing".
     */
    private static MetricAlarm rollbackAlarm(
            DeploymentSettings deployment,
            Naming naming,
            LoadBalancer alb,
            Output<String> topicArn,
            CustomResourceOptions options) {
        return new AlarmSpec(
                        "api-5xx-alarm",
                        naming.name("api-target-5xx"),
                        "Storefront API returns 5XX responses: " + deployment.rollbackFiveXxThreshold()
                                + " or more per minute for " + deployment.rollbackEvaluationMinutes()
                                + " minutes. Blue/green deployments roll back on it.",
                        "AWS/ApplicationELB",
                        "HTTPCode_Target_5XX_Count",
                        alb.arnSuffix().applyValue(suffix -> Map.of("LoadBalancer", suffix)),
                        "Sum",
                        60,
                        deployment.rollbackEvaluationMinutes(),
                        Optional.empty(),
                        "GreaterThanOrEqualToThreshold",
                        deployment.rollbackFiveXxThreshold(),
                        // No requests means no errors: a quiet service is healthy.
                        "notBreaching",
                        topicArn,
                        true)
                .create(options);
    }

    public Output<String> clusterName() {
        return clusterName;
    }

    public Output<String> serviceName() {
        return serviceName;
    }

    /** The container CodeDeploy and the ALB route to. */
    public String containerName() {
        return ContainerDefinition.CONTAINER_NAME;
    }

    public Output<String> taskDefinitionArn() {
        return taskDefinitionArn;
    }

    public Output<String> taskDefinitionFamily() {
        return taskDefinitionFamily;
    }

    public Output<String> logGroupName() {
        return logGroupName;
    }

    public Output<String> rollbackAlarmName() {
        return rollbackAlarmName;
    }

    /** The Cloud Map name other tasks in the VPC resolve, e.g. {@code api.dev.storefront.internal}. */
    public Output<String> discoveryName() {
        return discoveryName;
    }

    public Optional<Output<String>> codeDeployApplication() {
        return blueGreen.map(BlueGreenDeployment::applicationName);
    }

    public Optional<Output<String>> codeDeployDeploymentGroup() {
        return blueGreen.map(BlueGreenDeployment::deploymentGroupName);
    }

    /** Its dashboard panels and the CPU alarm (the 5XX rollback alarm it owns itself, for CodeDeploy). */
    public Watches watches() {
        // The planned service name: alarms and the dashboard need not wait for the service.
        Output<String> service = Output.of(plannedServiceName);
        MetricRef cpu = Metrics.ecs(clusterName, service, "CPUUtilization", "Average", region);
        return new Watches(
                List.of(
                        new Watches.Panel(
                                "ECS: CPU and memory (%)",
                                region,
                                List.of(
                                        cpu,
                                        Metrics.ecs(clusterName, service, "MemoryUtilization", "Average", region))),
                        new Watches.Panel(
                                "ECS: running tasks",
                                region,
                                List.of(Metrics.containerInsights(
                                        clusterName, service, "RunningTaskCount", "Average", region)))),
                List.of(Watch.on(
                        "ecs-cpu",
                        s -> "API tasks average over " + s.ecsCpuPercent()
                                + "% CPU: autoscaling is at its limit or stuck",
                        cpu,
                        Watch.ABOVE,
                        AlertSettings::ecsCpuPercent,
                        Watch.QUIET_IS_OK)));
    }
}
