package com.storefront.service;

import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.GetManagedPrefixListArgs;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerArgs;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.ListenerRuleArgs;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.lb.TargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionForwardArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionForwardTargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerDefaultActionRedirectArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionFixedResponseArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionForwardArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleActionForwardTargetGroupArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionHttpHeaderArgs;
import com.pulumi.aws.lb.inputs.ListenerRuleConditionPathPatternArgs;
import com.pulumi.aws.lb.inputs.LoadBalancerAccessLogsArgs;
import com.pulumi.aws.lb.inputs.TargetGroupHealthCheckArgs;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.config.AlertSettings;
import com.storefront.config.DeploymentStrategy;
import com.storefront.config.LoadBalancerSettings;
import com.storefront.config.TargetGroupColor;
import com.storefront.config.TlsSettings;
import com.storefront.core.Certificates;
import com.storefront.core.EdgeRoutes;
import com.storefront.core.StackComponent;
import com.storefront.edge.LogBucket;
import com.storefront.naming.NameLimit;
import com.storefront.naming.Naming;
import com.storefront.observability.Metrics;
import com.storefront.observability.Watch;
import com.storefront.observability.Watches;
import com.storefront.security.EdgeSecrets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ALB (SVC-5, SVC-6): security group, access logs, target groups (blue, and green for blue/green),
 * listeners and routing. Only CloudFront reaches it, never in plaintext over the internet:
 * <ul>
 *   <li>without a domain it is internal, in the private app subnets, and CloudFront reaches it on port 80
 *       through a CloudFront VPC origin (AWS's network end to end);</li>
 *   <li>with a domain it is internet-facing and serves HTTPS only (TLS 1.3 policy), admitting CloudFront's
 *       origin-facing addresses on 443 alone.</li>
 * </ul>
 * In both, every route requires the origin secret header (which only our distribution sends), and the
 * partner API ({@code /partner/*}) also requires API Gateway's header, sent only after the API key passed.
 */
public final class LoadBalancer extends StackComponent {

    public static final String TYPE = "storefront:service:LoadBalancer";
    public static final String TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
    public static final String ORIGIN_HEADER = EdgeSecrets.ORIGIN_HEADER;
    /** The paths API Gateway serves to partners; only its requests reach them (see {@link EdgeSecrets}). */
    public static final String PARTNER_PATH = EdgeRoutes.PARTNER_PATH;

    static final String CLOUDFRONT_PREFIX_LIST = "com.amazonaws.global.cloudfront.origin-facing";
    static final String HEALTH_PATH = "/health";
    static final int HTTP = 80;
    static final int HTTPS = 443;
    static final int TEST_PORT_HTTP = 8080;
    static final int TEST_PORT_HTTPS = 8443;
    static final String PORT_80_LISTENER = "listener-http";
    static final int LIVE_WEIGHT = 100;
    /**
     * Zones CloudFront VPC origins do not support ("Restrict access with VPC origins", CloudFront Developer
     * Guide, read 2026-12): an internal ALB with a subnet there cannot be a VPC origin.
     */
    public static final java.util.Set<String> VPC_ORIGIN_UNSUPPORTED_ZONES =
            java.util.Set.of("use1-az3", "usw1-az2", "apne1-az3", "cac1-az3");

    private final String region;
    private final Output<String> arn;
    private final Output<String> arnSuffix;
    private final Output<String> dnsName;
    private final Output<String> securityGroupId;
    private final TargetGroup blue;
    private final Optional<TargetGroup> green;
    private final TargetGroup live;
    private final Listener productionListener;
    private final Optional<Listener> testListener;
    private final List<ListenerRule> forwardingRules = new ArrayList<>();
    private final String originDomain;
    private final boolean https;

    public LoadBalancer(String name, LoadBalancerArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.region = args.aws().region();
        LoadBalancerSettings settings = args.settings();
        TlsSettings tls = args.tls();
        Naming naming = args.naming();
        CustomResourceOptions child = child();
        boolean blueGreen = args.deployment().strategy() == DeploymentStrategy.BLUE_GREEN;
        this.https = tls.https();

        SecurityGroup sg = securityGroup(args, child);
        com.pulumi.aws.lb.LoadBalancer alb = new com.pulumi.aws.lb.LoadBalancer(
                name("alb"),
                com.pulumi.aws.lb.LoadBalancerArgs.builder()
                        .name(naming.name("alb", NameLimit.ALB))
                        .loadBalancerType("application")
                        // Internal without a domain: CloudFront then reaches it through a VPC origin.
                        .internal(!https)
                        .ipAddressType("ipv4")
                        .subnets(https ? args.publicSubnetIds() : vpcOriginSubnets(args))
                        .securityGroups(sg.id().applyValue(List::of))
                        .dropInvalidHeaderFields(true)
                        .enableHttp2(true)
                        .idleTimeout(settings.idleTimeoutSeconds())
                        .enableDeletionProtection(args.protect())
                        .accessLogs(LoadBalancerAccessLogsArgs.builder()
                                .bucket(args.logBucketName())
                                .prefix(LogBucket.ALB_PREFIX)
                                .enabled(true)
                                .build())
                        .build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        // The name is fixed, so a replacement (internal <-> internet-facing) must delete first.
                        .deleteBeforeReplace(true)
                        .build());

        this.blue = targetGroup("blue", args, child);
        this.green = blueGreen ? Optional.of(targetGroup("green", args, child)) : Optional.empty();
        // CodeDeploy moves production between blue and green and leaves every listener and rule it
        // rewrote forwarding to the new group (weight 100, the old one 0). Every forward Pulumi declares
        // has that shape for the group that is live now, as the rollout tool read it from AWS before this
        // update: an update then changes no routing, and a listener or rule that is created or replaced
        // forwards to the live group, not the idle one. (ignoreChanges would not do: a replacement is
        // created from the ignored inputs of the old state.)
        this.live = args.deployment().liveTargetGroup() == TargetGroupColor.GREEN ? green.orElseThrow() : blue;
        // Port 80 keeps one logical name in both TLS modes (production listener without a domain, the
        // HTTPS redirect with one), so switching TLS on updates it in place; a second port-80 listener
        // created beside it would be rejected as a duplicate.
        CustomResourceOptions port80 = CustomResourceOptions.builder()
                .parent(this)
                .aliases(Alias.builder().name("listener-http-redirect").build())
                .build();
        if (https) {
            Output<String> certificateArn = Certificates.arn(
                    "alb-certificate", tls.domainName().orElseThrow(), tls.certificateArn(), tls.hostedZoneId(), child);
            this.productionListener = new Listener(
                    name("listener-https"),
                    ListenerArgs.builder()
                            .loadBalancerArn(alb.arn())
                            .port(HTTPS)
                            .protocol("HTTPS")
                            .sslPolicy(TLS_POLICY)
                            .certificateArn(certificateArn)
                            .defaultActions(forbidden())
                            .build(),
                    child);
            // SVC-5's redirect; the security group admits CloudFront on 443 only, which never uses it.
            new Listener(
                    name(PORT_80_LISTENER),
                    ListenerArgs.builder()
                            .loadBalancerArn(alb.arn())
                            .port(HTTP)
                            .protocol("HTTP")
                            .defaultActions(ListenerDefaultActionArgs.builder()
                                    .type("redirect")
                                    .redirect(ListenerDefaultActionRedirectArgs.builder()
                                            .protocol("HTTPS")
                                            .port(String.valueOf(HTTPS))
                                            .statusCode("HTTP_301")
                                            .build())
                                    .build())
                            .build(),
                    port80);
            this.testListener = green.map(g -> new Listener(
                    name("listener-test"),
                    ListenerArgs.builder()
                            .loadBalancerArn(alb.arn())
                            .port(TEST_PORT_HTTPS)
                            .protocol("HTTPS")
                            .sslPolicy(TLS_POLICY)
                            .certificateArn(certificateArn)
                            .defaultActions(forward())
                            .build(),
                    child));
            tls.hostedZoneId()
                    .ifPresent(zone -> new Record(
                            name("alb-alias"),
                            RecordArgs.builder()
                                    .zoneId(zone)
                                    .name(tls.domainName().orElseThrow())
                                    .type("A")
                                    .aliases(RecordAliasArgs.builder()
                                            .name(alb.dnsName())
                                            .zoneId(alb.zoneId())
                                            .evaluateTargetHealth(true)
                                            .build())
                                    .build(),
                            child));
        } else {
            this.productionListener = new Listener(
                    name(PORT_80_LISTENER),
                    ListenerArgs.builder()
                            .loadBalancerArn(alb.arn())
                            .port(HTTP)
                            .protocol("HTTP")
                            .defaultActions(forbidden())
                            .build(),
                    port80);
            this.testListener = green.map(g -> new Listener(
                    name("listener-test"),
                    ListenerArgs.builder()
                            .loadBalancerArn(alb.arn())
                            .port(TEST_PORT_HTTP)
                            .protocol("HTTP")
                            .defaultActions(forward())
                            .build(),
                    child));
        }
        routes(
                args.originSecret().output(),
                args.partnerApi() ? Optional.of(EdgeSecrets.gatewaySecret(args.originSecret())) : Optional.empty(),
                child);

        this.arn = alb.arn();
        this.arnSuffix = alb.arnSuffix();
        this.dnsName = alb.dnsName();
        this.securityGroupId = sg.id();
        this.originDomain = tls.domainName().orElse(null);

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("arn", arn);
        outputs.put("dnsName", dnsName);
        outputs.put("securityGroupId", securityGroupId);
        outputs.put("blueTargetGroupArn", blue.arn());
        green.ifPresent(g -> outputs.put("greenTargetGroupArn", g.arn()));
        outputs.put("productionListenerArn", productionListener.arn());
        testListener.ifPresent(l -> outputs.put("testListenerArn", l.arn()));
        registerOutputs(outputs);
    }

    /**
     * Ingress from CloudFront's origin-facing prefix list only: on 443 with a domain, on 80 through the VPC
     * origin without one (AWS's option that can exist before the VPC origin does). The list weighs 55 of the
     * 60 rules a security group holds by default, so it can be admitted on one port only.
     */
    private SecurityGroup securityGroup(LoadBalancerArgs args, CustomResourceOptions child) {
        Naming naming = args.naming();
        int port = args.containerPort();
        SecurityGroup sg = new SecurityGroup(
                name("sg-alb"),
                SecurityGroupArgs.builder()
                        .name(naming.name("alb", NameLimit.SECURITY_GROUP))
                        // Immutable (a new description replaces the group); kept from when the ALB was always public.
                        .description("Storefront public ALB")
                        .vpcId(args.vpcId())
                        .tags(naming.nameTag("alb"))
                        .build(),
                child);
        Output<String> cloudFront = Ec2Functions.getManagedPrefixList(
                        GetManagedPrefixListArgs.builder()
                                .name(CLOUDFRONT_PREFIX_LIST)
                                .build(),
                        invokeOptions())
                .applyValue(list -> list.id());
        boolean tls = args.tls().https();
        // One logical name in both TLS modes, so a switch changes the port in place: a second prefix-list rule
        // created beside the first would need 110 of the group's 60 rules.
        new SecurityGroupIngressRule(
                name("sg-alb-ingress-cloudfront"),
                SecurityGroupIngressRuleArgs.builder()
                        .securityGroupId(sg.id())
                        .description(
                                tls
                                        ? "HTTPS from CloudFront origin-facing servers only"
                                        : "HTTP from CloudFront origin-facing servers only (VPC origin)")
                        .ipProtocol("tcp")
                        .fromPort(tls ? HTTPS : HTTP)
                        .toPort(tls ? HTTPS : HTTP)
                        .prefixListId(cloudFront)
                        .build(),
                child);
        new SecurityGroupEgressRule(
                name("sg-alb-egress-app"),
                SecurityGroupEgressRuleArgs.builder()
                        .securityGroupId(sg.id())
                        .description("Container port " + port + " to the Storefront app tasks")
                        .ipProtocol("tcp")
                        .fromPort(port)
                        .toPort(port)
                        .referencedSecurityGroupId(args.appSecurityGroupId())
                        .build(),
                child);
        new SecurityGroupIngressRule(
                name("sg-app-ingress-alb"),
                SecurityGroupIngressRuleArgs.builder()
                        .securityGroupId(args.appSecurityGroupId())
                        .description("Container port " + port + " from the Storefront ALB")
                        .ipProtocol("tcp")
                        .fromPort(port)
                        .toPort(port)
                        .referencedSecurityGroupId(sg.id())
                        .build(),
                child);
        return sg;
    }

    private TargetGroup targetGroup(String color, LoadBalancerArgs args, CustomResourceOptions child) {
        LoadBalancerSettings settings = args.settings();
        return new TargetGroup(
                name("tg-" + color),
                TargetGroupArgs.builder()
                        .name(args.naming().name(color, NameLimit.TARGET_GROUP))
                        .vpcId(args.vpcId())
                        .port(args.containerPort())
                        .protocol("HTTP")
                        // Fargate tasks in awsvpc mode register by IP address.
                        .targetType("ip")
                        .deregistrationDelay(settings.deregistrationDelaySeconds())
                        .healthCheck(TargetGroupHealthCheckArgs.builder()
                                .enabled(true)
                                .protocol("HTTP")
                                .port("traffic-port")
                                .path(HEALTH_PATH)
                                .matcher("200")
                                .interval(settings.healthCheckIntervalSeconds())
                                .timeout(Math.min(5, settings.healthCheckIntervalSeconds() - 1))
                                .healthyThreshold(2)
                                .unhealthyThreshold(settings.unhealthyThreshold())
                                .build())
                        .build(),
                child);
    }

    /**
     * SVC-6: {@code /health} answers 200 from the ALB itself, {@code /api/*} and everything else go to the
     * service; every rule requires the origin secret (the listeners answer 403 without it). With the
     * partner API, {@code /partner/*} also requires API Gateway's header and is refused without it.
     */
    private void routes(
            Output<String> originSecret, Optional<Output<String>> gatewaySecret, CustomResourceOptions child) {
        new ListenerRule(
                name("rule-health"),
                ListenerRuleArgs.builder()
                        .listenerArn(productionListener.arn())
                        .priority(10)
                        .conditions(conditions(Optional.of(HEALTH_PATH), originSecret, Optional.empty()))
                        .actions(ListenerRuleActionArgs.builder()
                                .type("fixed-response")
                                .fixedResponse(ListenerRuleActionFixedResponseArgs.builder()
                                        .contentType("text/plain")
                                        .messageBody("OK")
                                        .statusCode("200")
                                        .build())
                                .build())
                        .build(),
                child);
        gatewaySecret.ifPresent(gateway -> {
            forwardingRules.add(new ListenerRule(
                    name("rule-partner"),
                    ListenerRuleArgs.builder()
                            .listenerArn(productionListener.arn())
                            .priority(15)
                            .conditions(conditions(Optional.of(PARTNER_PATH), originSecret, Optional.of(gateway)))
                            .actions(ruleForward())
                            .build(),
                    child));
            // A viewer calling /partner/* on CloudFront directly has no gateway header: refused, not forwarded.
            new ListenerRule(
                    name("rule-partner-deny"),
                    ListenerRuleArgs.builder()
                            .listenerArn(productionListener.arn())
                            .priority(16)
                            .conditions(ListenerRuleConditionArgs.builder()
                                    .pathPattern(ListenerRuleConditionPathPatternArgs.builder()
                                            .values(PARTNER_PATH)
                                            .build())
                                    .build())
                            .actions(ListenerRuleActionArgs.builder()
                                    .type("fixed-response")
                                    .fixedResponse(ListenerRuleActionFixedResponseArgs.builder()
                                            .contentType("text/plain")
                                            .messageBody("Forbidden")
                                            .statusCode("403")
                                            .build())
                                    .build())
                            .build(),
                    child);
        });
        forwardingRules.add(new ListenerRule(
                name("rule-api"),
                ListenerRuleArgs.builder()
                        .listenerArn(productionListener.arn())
                        .priority(20)
                        .conditions(conditions(Optional.of("/api/*"), originSecret, Optional.empty()))
                        .actions(ruleForward())
                        .build(),
                child));
        forwardingRules.add(new ListenerRule(
                name("rule-default"),
                ListenerRuleArgs.builder()
                        .listenerArn(productionListener.arn())
                        .priority(30)
                        .conditions(conditions(Optional.empty(), originSecret, Optional.empty()))
                        .actions(ruleForward())
                        .build(),
                child));
    }

    /**
     * The private subnets, once their zones are known to support VPC origins. Checked on the zone lookup
     * alone, which resolves in a preview, so the update fails before it creates anything (new subnets are
     * unknown until then).
     */
    private static Output<List<String>> vpcOriginSubnets(LoadBalancerArgs args) {
        return args.zoneIds().apply(ids -> {
            List<String> unsupported =
                    ids.stream().filter(VPC_ORIGIN_UNSUPPORTED_ZONES::contains).toList();
            if (!unsupported.isEmpty()) {
                throw new IllegalStateException("the internal ALB would have subnets in " + unsupported
                        + ", where CloudFront VPC origins are not offered ("
                        + new java.util.TreeSet<>(VPC_ORIGIN_UNSUPPORTED_ZONES)
                        + "); set storefront:tls.domainName (an internet-facing HTTPS ALB) or use another region");
            }
            return args.privateSubnetIds();
        });
    }

    /** Requests without the origin secret did not come through our distribution. */
    private static ListenerDefaultActionArgs forbidden() {
        return ListenerDefaultActionArgs.builder()
                .type("fixed-response")
                .fixedResponse(ListenerDefaultActionFixedResponseArgs.builder()
                        .contentType("text/plain")
                        .messageBody("Forbidden")
                        .statusCode("403")
                        .build())
                .build();
    }

    private static Output<List<ListenerRuleConditionArgs>> conditions(
            Optional<String> path, Output<String> originSecret, Optional<Output<String>> gatewaySecret) {
        Output<Optional<String>> gateway =
                gatewaySecret.map(g -> g.applyValue(Optional::of)).orElse(Output.of(Optional.empty()));
        return Output.tuple(originSecret, gateway).applyValue(t -> {
            List<ListenerRuleConditionArgs> all = new ArrayList<>();
            path.ifPresent(p -> all.add(ListenerRuleConditionArgs.builder()
                    .pathPattern(ListenerRuleConditionPathPatternArgs.builder()
                            .values(p)
                            .build())
                    .build()));
            all.add(header(ORIGIN_HEADER, t.t1));
            t.t2.ifPresent(value -> all.add(header(EdgeSecrets.GATEWAY_HEADER, value)));
            return List.copyOf(all);
        });
    }

    private static ListenerRuleConditionArgs header(String name, String value) {
        return ListenerRuleConditionArgs.builder()
                .httpHeader(ListenerRuleConditionHttpHeaderArgs.builder()
                        .httpHeaderName(name)
                        .values(value)
                        .build())
                .build();
    }

    /**
     * Rolling: a plain forward to the one group. Blue/green: the weighted pair CodeDeploy leaves after
     * every deployment (live 100, idle 0), so an update after a release rewrites nothing and the idle
     * group stays attached, as CodeDeploy's next deployment expects; no request reaches the idle group.
     */
    private ListenerDefaultActionArgs forward() {
        ListenerDefaultActionArgs.Builder action =
                ListenerDefaultActionArgs.builder().type("forward");
        if (green.isEmpty()) {
            return action.targetGroupArn(blue.arn()).build();
        }
        return action.forward(ListenerDefaultActionForwardArgs.builder()
                        .targetGroups(
                                ListenerDefaultActionForwardTargetGroupArgs.builder()
                                        .arn(live.arn())
                                        .weight(LIVE_WEIGHT)
                                        .build(),
                                ListenerDefaultActionForwardTargetGroupArgs.builder()
                                        .arn(idle().arn())
                                        .weight(0)
                                        .build())
                        .build())
                .build();
    }

    private ListenerRuleActionArgs ruleForward() {
        ListenerRuleActionArgs.Builder action = ListenerRuleActionArgs.builder().type("forward");
        if (green.isEmpty()) {
            return action.targetGroupArn(blue.arn()).build();
        }
        return action.forward(ListenerRuleActionForwardArgs.builder()
                        .targetGroups(
                                ListenerRuleActionForwardTargetGroupArgs.builder()
                                        .arn(live.arn())
                                        .weight(LIVE_WEIGHT)
                                        .build(),
                                ListenerRuleActionForwardTargetGroupArgs.builder()
                                        .arn(idle().arn())
                                        .weight(0)
                                        .build())
                        .build())
                .build();
    }

    private TargetGroup idle() {
        return live == blue ? green.orElseThrow() : blue;
    }

    public Output<String> arn() {
        return arn;
    }

    /** {@code app/<name>/<id>}: the dimension CloudWatch metrics use. */
    public Output<String> arnSuffix() {
        return arnSuffix;
    }

    public Output<String> dnsName() {
        return dnsName;
    }

    public Output<String> securityGroupId() {
        return securityGroupId;
    }

    public TargetGroup blueTargetGroup() {
        return blue;
    }

    public Optional<TargetGroup> greenTargetGroup() {
        return green;
    }

    /** The group production traffic reaches now: what the service registers in when it is created. */
    public TargetGroup liveTargetGroup() {
        return live;
    }

    public Listener productionListener() {
        return productionListener;
    }

    public Optional<Listener> testListener() {
        return testListener;
    }

    /** Rules that forward to the service: the ECS service may only start once its target group is routed. */
    public List<ListenerRule> forwardingRules() {
        return List.copyOf(forwardingRules);
    }

    /** Whether the ALB terminates TLS (CloudFront then connects over HTTPS to {@link #originDomain()}). */
    public boolean https() {
        return https;
    }

    /** Whether CloudFront must reach the ALB through a VPC origin (it is internal). */
    public boolean internal() {
        return !https;
    }

    /** The name CloudFront uses to reach the ALB over HTTPS; absent for the internal ALB. */
    public Optional<String> originDomain() {
        return Optional.ofNullable(originDomain);
    }

    /** Its dashboard panels and alarms: the ALB's own 5XX, p95 latency, and unhealthy tasks per target group. */
    public Watches watches() {
        List<Watch> alarms = new ArrayList<>(List.of(
                Watch.on(
                        "elb-5xx",
                        s -> "The ALB itself returns 5XX (no healthy targets, timeouts)",
                        Metrics.alb(arnSuffix, "HTTPCode_ELB_5XX_Count", "Sum", region),
                        Watch.AT_OR_ABOVE,
                        AlertSettings::elb5xxPerMinute,
                        Watch.QUIET_IS_OK),
                Watch.on(
                        "latency-p95",
                        s -> "API p95 target response time above " + s.p95LatencySeconds() + " s",
                        Metrics.alb(arnSuffix, "TargetResponseTime", "p95", region),
                        Watch.ABOVE,
                        AlertSettings::p95LatencySeconds,
                        Watch.QUIET_IS_OK)));
        Map<String, TargetGroup> groups = new LinkedHashMap<>();
        groups.put("blue", blue);
        green.ifPresent(g -> groups.put("green", g));
        // An idle green group has no targets and no data; that is fine.
        groups.forEach((label, group) -> alarms.add(Watch.on(
                "unhealthy-" + label,
                s -> "Unhealthy API tasks in the " + label + " target group",
                Metrics.targetGroup(group.arnSuffix(), arnSuffix, "UnHealthyHostCount", "Maximum", region),
                Watch.AT_OR_ABOVE,
                AlertSettings::unhealthyHosts,
                Watch.QUIET_IS_OK)));
        return new Watches(
                List.of(
                        new Watches.Panel(
                                "ALB: requests and 5XX",
                                region,
                                List.of(
                                        Metrics.alb(arnSuffix, "RequestCount", "Sum", region),
                                        Metrics.alb(arnSuffix, "HTTPCode_Target_5XX_Count", "Sum", region),
                                        Metrics.alb(arnSuffix, "HTTPCode_ELB_5XX_Count", "Sum", region))),
                        new Watches.Panel(
                                "ALB: target response time p95 (s)",
                                region,
                                List.of(Metrics.alb(arnSuffix, "TargetResponseTime", "p95", region)))),
                alarms);
    }
}
