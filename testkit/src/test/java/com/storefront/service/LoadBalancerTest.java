package com.storefront.service;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.cloudfront.VpcOrigin;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.lb.Listener;
import com.pulumi.aws.lb.ListenerRule;
import com.pulumi.aws.lb.TargetGroup;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.storefront.plan.Registered;
import com.storefront.plan.StackConfig;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SVC-5, SVC-6 and listener ownership under CodeDeploy on the registered ALB resources. */
public class LoadBalancerTest {

    private static final String LISTENER = Types.of(Listener.class);
    private static final String RULE = Types.of(ListenerRule.class);
    private static final String TG = Types.of(TargetGroup.class);
    private static final String INGRESS = Types.of(SecurityGroupIngressRule.class);
    private static final String ORIGIN_SECRET = StackConfig.SECRET_PLACEHOLDERS.get("storefront:originVerifySecret");

    private static Registered alb(StackRun run) {
        return run.one(Types.of(com.pulumi.aws.lb.LoadBalancer.class), "load-balancer-alb");
    }

    @Test
    void withoutADomainTheAlbIsInternalInThePrivateSubnets() {
        for (StackRun run : List.of(Stacks.dev(), Stacks.prod())) {
            Registered alb = alb(run);
            assertEquals("application", alb.string("loadBalancerType"));
            assertTrue(alb.bool("internal"), "CloudFront reaches it through a VPC origin; it has no public address");
            assertEquals(run.output("appSubnetIds"), alb.list("subnets"));
            assertTrue(alb.bool("dropInvalidHeaderFields"));
            assertEquals(60.0, alb.number("idleTimeout"));
            assertTrue(alb.string("name").length() <= 32);
            assertTrue(alb.deleteBeforeReplace(), "a fixed name: switching the scheme must delete the old ALB first");
        }
        assertFalse(alb(Stacks.dev()).bool("enableDeletionProtection"));
        assertTrue(alb(Stacks.prod()).bool("enableDeletionProtection"));
    }

    /** VPC origins need an internet gateway in the VPC (AWS), even though no request uses it. */
    @Test
    void everyVpcWithAVpcOriginHasAnInternetGateway() {
        for (StackRun run : Stacks.all().values()) {
            if (!run.ofType(Types.of(VpcOrigin.class)).isEmpty()) {
                Registered igw = run.one(Types.of(InternetGateway.class), "network-igw");
                assertEquals(
                        run.output("vpcId"), igw.string("vpcId"), run.config().get("storefront:environmentSuffix"));
            }
        }
    }

    /** CloudFront offers VPC origins in every zone but a few; an internal ALB there fails before anything changes. */
    @Test
    void anInternalAlbInAZoneWithoutVpcOriginsIsRefused() {
        StackConfig useast1 = StackRun.stackFile(Stacks.DEV_FILE).with(Map.of("aws:region", "us-east-1"));
        // The mock account maps us-east-1c to use1-az3, as AWS numbers zone ids.
        com.storefront.plan.PlanRun threeZones =
                com.storefront.plan.PlanRun.run(useast1.withPath("storefront:network", "azCount", 3));
        assertFalse(threeZones.succeeded());
        assertTrue(
                String.valueOf(threeZones.errors())
                        .contains("[use1-az3], where CloudFront VPC origins are not offered"),
                String.valueOf(threeZones.errors()));
        assertTrue(com.storefront.plan.PlanRun.run(useast1).succeeded(), "us-east-1a and b are use1-az1 and az2");
        assertTrue(
                com.storefront.plan.PlanRun.run(
                                useast1.withPath("storefront:network", "azCount", 3)
                                        .with(
                                                Map.of(
                                                        "storefront:tls",
                                                        "{\"domainName\":\"origin.dev.example.com\","
                                                                + "\"certificateArn\":\"arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f\"}")))
                        .succeeded(),
                "an internet-facing ALB needs no VPC origin");
    }

    @Test
    void withADomainTheAlbIsInternetFacingInThePublicSubnets() {
        StackRun run = Stacks.prodWithDomain();
        assertFalse(alb(run).bool("internal"));
        assertEquals(run.output("publicSubnetIds"), alb(run).list("subnets"));
    }

    @Test
    void accessLogsGoToTheLogBucketOnlyAfterItsPolicyExists() {
        StackRun run = Stacks.prod();
        Registered alb = alb(run);
        assertEquals(
                Map.of("bucket", run.output("logBucketName"), "prefix", "alb", "enabled", true), alb.map("accessLogs"));
        assertTrue(
                alb.dependencies()
                        .contains(run.one(Types.of(BucketPolicy.class), "log-bucket-logs-policy")
                                .urn()),
                "AWS checks the bucket policy when logging is switched on");
    }

    @Test
    void targetGroupsRegisterTasksByIpAndCheckHealth() {
        StackRun run = Stacks.prod();
        for (String color : List.of("blue", "green")) {
            Registered tg = run.one(TG, "load-balancer-tg-" + color);
            assertEquals("storefront-" + color + "-prod", tg.string("name"));
            assertEquals("ip", tg.string("targetType"));
            assertEquals(3000.0, tg.number("port"));
            assertEquals("HTTP", tg.string("protocol"));
            assertTrue(tg.number("deregistrationDelay") <= 60, "short drain keeps rollouts quick");
            Map<String, Object> health = tg.map("healthCheck");
            assertEquals("/health", health.get("path"));
            assertEquals("200", health.get("matcher"));
            assertEquals(30.0, health.get("interval"));
            assertEquals(2.0, health.get("unhealthyThreshold"));
            assertTrue((double) health.get("timeout") < (double) health.get("interval"));
        }
        assertEquals(
                List.of("load-balancer-tg-blue"),
                Stacks.dev().ofType(TG).stream().map(Registered::name).toList());
    }

    @Test
    void withoutACertificateOnlyCloudFrontReachesTheAlb() {
        StackRun run = Stacks.dev();
        Registered sg = run.one(Types.of(SecurityGroup.class), "load-balancer-sg-alb");
        List<Registered> ingress = run.where(
                r -> r.type().equals(INGRESS) && r.string("securityGroupId").equals(sg.id()));
        assertEquals(1, ingress.size());
        Registered rule = ingress.get(0);
        assertEquals("pl-82a045eb", rule.string("prefixListId"), "the CloudFront origin-facing list of us-west-2");
        assertEquals(80.0, rule.number("fromPort"));
        assertEquals(80.0, rule.number("toPort"));
        assertTrue(rule.input("cidrIpv4").isEmpty());

        Registered listener = run.one(LISTENER, "load-balancer-listener-http");
        assertEquals(80.0, listener.number("port"));
        assertEquals(
                List.of(Map.of(
                        "type",
                        "fixed-response",
                        "fixedResponse",
                        Map.of("contentType", "text/plain", "messageBody", "Forbidden", "statusCode", "403"))),
                listener.list("defaultActions"),
                "requests without the origin secret are refused");
    }

    /** CloudFront's addresses serve every distribution: in both TLS modes only ours (the secret) is routed. */
    @Test
    void everyRouteRequiresTheOriginSecretHeaderInBothTlsModes() {
        for (StackRun run :
                List.of(Stacks.dev(), Stacks.devWithCertificate(), Stacks.prod(), Stacks.prodWithDomain())) {
            String listenerArn = run.output("albProductionListenerArn").toString();
            for (Registered rule : run.ofType(RULE)) {
                assertEquals(listenerArn, rule.string("listenerArn"));
                if (rule.name().equals("load-balancer-rule-partner-deny")) {
                    continue;
                }
                assertTrue(
                        rule.list("conditions")
                                .contains(Map.of(
                                        "httpHeader",
                                        Map.of(
                                                "httpHeaderName",
                                                LoadBalancer.ORIGIN_HEADER,
                                                "values",
                                                List.of(ORIGIN_SECRET)))),
                        rule.name());
                assertTrue(rule.secretInputs().contains("conditions"), "the header value stays a Pulumi secret");
            }
            Registered production = run.ofType(LISTENER).stream()
                    .filter(l -> listenerArn.equals(l.outputs().get("arn")))
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    List.of(Map.of(
                            "type",
                            "fixed-response",
                            "fixedResponse",
                            Map.of("contentType", "text/plain", "messageBody", "Forbidden", "statusCode", "403"))),
                    production.list("defaultActions"),
                    "requests without the origin secret are refused");
        }
        assertEquals(
                List.of("load-balancer-rule-api", "load-balancer-rule-default", "load-balancer-rule-health"),
                Stacks.dev().ofType(RULE).stream()
                        .map(Registered::name)
                        .sorted()
                        .toList());
    }

    /** API-1: no partner route is reachable without the API key, so none without API Gateway's header. */
    @Test
    void thePartnerPathsAreServedOnlyToApiGateway() {
        for (StackRun run : List.of(Stacks.prod(), Stacks.prodWithDomain())) {
            Registered partner = run.one(RULE, "load-balancer-rule-partner");
            assertEquals(15.0, partner.number("priority"));
            List<Object> conditions = partner.list("conditions");
            assertTrue(conditions.contains(Map.of("pathPattern", Map.of("values", List.of("/partner/*")))));
            assertTrue(conditions.contains(Map.of(
                    "httpHeader",
                    Map.of(
                            "httpHeaderName",
                            "X-Gateway-Verify",
                            "values",
                            List.of(com.storefront.security.EdgeSecrets.gatewaySecret(ORIGIN_SECRET))))));
            Registered deny = run.one(RULE, "load-balancer-rule-partner-deny");
            assertEquals(16.0, deny.number("priority"));
            assertEquals(
                    List.of(Map.of("pathPattern", Map.of("values", List.of("/partner/*")))), deny.list("conditions"));
            assertEquals("403", deny.string("actions.0.fixedResponse.statusCode"));
            // Every other forwarding rule comes later, so /partner/* never reaches them.
            run.ofType(RULE).stream()
                    .filter(r -> !r.name().startsWith("load-balancer-rule-partner")
                            && !r.name().equals("load-balancer-rule-health"))
                    .forEach(r -> assertTrue(r.number("priority") > 16, r.name()));
        }
        assertTrue(
                Stacks.dev().ofType(RULE).stream().noneMatch(r -> r.name().startsWith("load-balancer-rule-partner")),
                "dev has no API");
    }

    @Test
    void routingHealthIsAnsweredByTheAlbApiAndDefaultGoToTheService() {
        StackRun run = Stacks.devWithCertificate();
        String blue = run.one(TG, "load-balancer-tg-blue").string("name");
        Map<String, Object> secret = Map.of(
                "httpHeader", Map.of("httpHeaderName", LoadBalancer.ORIGIN_HEADER, "values", List.of(ORIGIN_SECRET)));
        Registered health = run.one(RULE, "load-balancer-rule-health");
        assertEquals(10.0, health.number("priority"));
        assertEquals(
                List.of(Map.of("pathPattern", Map.of("values", List.of("/health"))), secret),
                health.list("conditions"));
        assertEquals(
                List.of(Map.of(
                        "type",
                        "fixed-response",
                        "fixedResponse",
                        Map.of("contentType", "text/plain", "messageBody", "OK", "statusCode", "200"))),
                health.list("actions"));

        Registered api = run.one(RULE, "load-balancer-rule-api");
        assertEquals(20.0, api.number("priority"));
        assertEquals(
                List.of(Map.of("pathPattern", Map.of("values", List.of("/api/*"))), secret), api.list("conditions"));
        assertTrue(api.string("actions.0.targetGroupArn").contains("/" + blue + "/"));

        Registered fallback = run.one(RULE, "load-balancer-rule-default");
        assertEquals(30.0, fallback.number("priority"));
        assertEquals(
                List.of(secret), fallback.list("conditions"), "everything else from CloudFront goes to the service");
        assertTrue(fallback.string("actions.0.targetGroupArn").contains("/" + blue + "/"));
    }

    @Test
    void withACertificateHttpsUsesTls13AndHttpRedirects() {
        StackRun run = Stacks.devWithCertificate();
        Registered https = run.one(LISTENER, "load-balancer-listener-https");
        assertEquals(443.0, https.number("port"));
        assertEquals("HTTPS", https.string("protocol"));
        assertEquals("ELBSecurityPolicy-TLS13-1-2-2021-06", https.string("sslPolicy"));
        assertEquals(
                "arn:aws:acm:us-west-2:123456789012:certificate/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f",
                https.string("certificateArn"));

        // The port-80 listener keeps its name in both TLS modes, so switching TLS on updates it in place.
        Registered redirect = run.one(LISTENER, "load-balancer-listener-http");
        assertEquals(
                List.of(Map.of(
                        "type",
                        "redirect",
                        "redirect",
                        Map.of("protocol", "HTTPS", "port", "443", "statusCode", "HTTP_301"))),
                redirect.list("defaultActions"));

        // Only CloudFront, only on 443 (the prefix list weighs 55 of a group's 60 rules: one port fits).
        Registered sg = run.one(Types.of(SecurityGroup.class), "load-balancer-sg-alb");
        List<Registered> ingress = run.where(
                r -> r.type().equals(INGRESS) && r.string("securityGroupId").equals(sg.id()));
        assertEquals(1, ingress.size());
        assertEquals("pl-82a045eb", ingress.get(0).string("prefixListId"));
        assertEquals(443.0, ingress.get(0).number("fromPort"));
        assertEquals(443.0, ingress.get(0).number("toPort"));
        assertTrue(ingress.get(0).input("cidrIpv4").isEmpty(), "never the whole internet");
    }

    @Test
    void aDomainWithAHostedZoneGetsADnsValidatedCertificateAndAnAlias() {
        StackRun run = Stacks.prodWithDomain();
        Registered certificate = run.one(Types.of(Certificate.class), "load-balancer-alb-certificate");
        assertEquals("origin.shop.example.com", certificate.string("domainName"));
        assertEquals("DNS", certificate.string("validationMethod"));
        assertEquals("us-east-2", run.regionOf(certificate), "an ALB certificate lives in the ALB's region");

        Registered record = run.one(Types.of(Record.class), "load-balancer-alb-certificate-validation");
        assertEquals("Z0123456789ABCDEFGHIJ", record.string("zoneId"));
        assertEquals("CNAME", record.string("type"));
        assertTrue(record.string("name").endsWith(".origin.shop.example.com."));

        Registered validation =
                run.one(Types.of(CertificateValidation.class), "load-balancer-alb-certificate-validated");
        assertEquals(
                validation.string("certificateArn"),
                run.one(LISTENER, "load-balancer-listener-https").string("certificateArn"),
                "listeners take the validated ARN, never a pending certificate");
        assertTrue(
                run.one(LISTENER, "load-balancer-listener-https").dependencies().contains(validation.urn()));

        Registered alias = run.one(Types.of(Record.class), "load-balancer-alb-alias");
        assertEquals("origin.shop.example.com", alias.string("name"));
        assertEquals("A", alias.string("type"));
        assertEquals(Boolean.TRUE, alias.input("aliases.0.evaluateTargetHealth").orElseThrow());

        Registered test = run.one(LISTENER, "load-balancer-listener-test");
        assertEquals(8443.0, test.number("port"));
        assertEquals("HTTPS", test.string("protocol"));
    }

    @Test
    void everyForwardNamesTheLiveTargetGroupSoNothingReachesTheIdleOne() {
        // REL-2: with green live, a listener or rule that Pulumi creates or replaces must not forward to blue.
        for (StackRun run :
                List.of(Stacks.prod(), Stacks.prodGreenLive(), Stacks.prodWithDomainGreenLive(), Stacks.dev())) {
            String live = String.valueOf(run.output(
                    run == Stacks.prod() || run == Stacks.dev() ? "blueTargetGroupArn" : "greenTargetGroupArn"));
            List<String> forwards = forwardTargets(run);
            assertFalse(forwards.isEmpty());
            assertEquals(Set.of(live), Set.copyOf(forwards), run.config().get("storefront:deployment"));
            // Declared, not ignored: an ignored action would be copied from stale state into a replacement.
            assertTrue(run.ofType(LISTENER).stream()
                    .allMatch(l -> l.ignoreChanges().isEmpty()));
            assertTrue(run.ofType(RULE).stream().allMatch(r -> r.ignoreChanges().isEmpty()));
        }
        Registered test = Stacks.prod().one(LISTENER, "load-balancer-listener-test");
        assertEquals(8080.0, test.number("port"));
    }

    /**
     * The target groups that receive traffic from every forward action of every listener and rule:
     * a plain forward's group, or the groups of a weighted forward with a weight above 0.
     */
    public static List<String> forwardTargets(StackRun run) {
        List<String> targets = new java.util.ArrayList<>();
        for (Registered r : run.where(r -> r.type().equals(LISTENER) || r.type().equals(RULE))) {
            Object actions =
                    r.inputs().getOrDefault("defaultActions", r.inputs().get("actions"));
            for (Object item : (List<?>) actions) {
                Map<?, ?> action = (Map<?, ?>) item;
                if (!"forward".equals(action.get("type"))) {
                    continue;
                }
                if (action.containsKey("targetGroupArn")) {
                    targets.add(String.valueOf(action.get("targetGroupArn")));
                } else {
                    for (Object group : (List<?>) ((Map<?, ?>) action.get("forward")).get("targetGroups")) {
                        Map<?, ?> weighted = (Map<?, ?>) group;
                        if (((Number) weighted.get("weight")).intValue() > 0) {
                            targets.add(String.valueOf(weighted.get("arn")));
                        }
                    }
                }
            }
        }
        return targets;
    }

    @Test
    void blueGreenForwardsKeepTheIdleGroupAttachedAtWeightZeroAsCodeDeployLeavesThem() {
        StackRun run = Stacks.prodGreenLive();
        Registered rule = run.one(RULE, "load-balancer-rule-api");
        assertEquals(
                List.of(Map.of(
                        "type",
                        "forward",
                        "forward",
                        Map.of(
                                "targetGroups",
                                List.of(
                                        Map.of("arn", run.output("greenTargetGroupArn"), "weight", 100.0),
                                        Map.of("arn", run.output("blueTargetGroupArn"), "weight", 0.0))))),
                rule.list("actions"));
        // A rolling stack has one group: a plain forward.
        assertEquals(
                List.of(Map.of("type", "forward", "targetGroupArn", Stacks.dev().output("blueTargetGroupArn"))),
                Stacks.dev().one(RULE, "load-balancer-rule-api").list("actions"));
    }

    @Test
    void albTalksOnlyToTheAppTasksOnTheContainerPort() {
        StackRun run = Stacks.prod();
        String albSg =
                run.one(Types.of(SecurityGroup.class), "load-balancer-sg-alb").id();
        Registered egress = run.one(Types.of(SecurityGroupEgressRule.class), "load-balancer-sg-alb-egress-app");
        assertEquals(albSg, egress.string("securityGroupId"));
        assertEquals(run.output("appSecurityGroupId"), egress.string("referencedSecurityGroupId"));
        assertEquals(3000.0, egress.number("fromPort"));
        Registered appIngress = run.one(INGRESS, "load-balancer-sg-app-ingress-alb");
        assertEquals(run.output("appSecurityGroupId"), appIngress.string("securityGroupId"));
        assertEquals(albSg, appIngress.string("referencedSecurityGroupId"));
        assertEquals(3000.0, appIngress.number("toPort"));
    }
}
