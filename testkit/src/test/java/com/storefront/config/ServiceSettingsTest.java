package com.storefront.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.storefront.config.ConfigFixtures.load;
import static com.storefront.config.ConfigFixtures.minimal;
import static com.storefront.config.ConfigFixtures.onlyProblem;
import static com.storefront.config.ConfigFixtures.prodMinimal;
import static com.storefront.config.ConfigFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Defaults and one test per rule for {@code storefront:service}, {@code storefront:deployment}, {@code storefront:edge}. */
class ServiceSettingsTest {

    private static Map<String, String> service(String json) {
        return with(minimal(), "storefront:service", json);
    }

    private static Map<String, String> scaling(String json) {
        return section("scaling", json);
    }

    private static Map<String, String> tls(String json) {
        return section("tls", json);
    }

    private static Map<String, String> section(String name, String json) {
        return with(minimal(), "storefront:" + name, json);
    }

    private static StackSettings prod() {
        return load(prodMinimal());
    }

    @Test
    void defaultsPerEnvironment() {
        StackSettings settings = load(minimal());
        TaskSettings dev = settings.task();
        assertEquals(3000, dev.containerPort());
        assertEquals(1024, dev.cpu());
        assertEquals(2048, dev.memory());
        assertEquals(2, settings.scaling().minTasks());
        assertEquals(10, settings.scaling().maxTasks());
        assertEquals(70, settings.scaling().cpuTargetPercent());
        assertEquals(new LoadBalancerSettings(30, 2, 30, 60), settings.loadBalancer());
        assertEquals(new TaskSettings.CapacityStrategy(0, 1, 3), dev.capacity());
        assertTrue(dev.executeCommand());
        assertTrue(dev.usesDefaultImage());
        assertFalse(settings.tls().https());
        assertEquals(DeploymentStrategy.ROLLING, load(minimal()).deployment().strategy());
        assertEquals(30, load(minimal()).edge().logExpirationDays());

        StackSettings prod = prod();
        assertEquals(new TaskSettings.CapacityStrategy(2, 1, 1), prod.task().capacity());
        assertFalse(prod.task().executeCommand());
        assertEquals(DeploymentStrategy.BLUE_GREEN, prod.deployment().strategy());
        assertEquals(TrafficShift.CANARY_10_PERCENT_5_MINUTES, prod.deployment().trafficShift());
        assertEquals(
                "CodeDeployDefault.ECSCanary10Percent5Minutes",
                prod.deployment().trafficShift().deploymentConfigName());
    }

    @ParameterizedTest
    @CsvSource({"256,512", "512,4096", "1024,8192", "2048,16384", "4096,30720", "8192,61440", "16384,122880"})
    void validFargateSizes(int cpu, int memory) {
        TaskSettings s =
                load(service("{\"cpu\":" + cpu + ",\"memory\":" + memory + "}")).task();
        assertEquals(cpu, s.cpu());
        assertEquals(memory, s.memory());
    }

    @ParameterizedTest
    @CsvSource({"256,4096", "1024,1024", "1024,2500", "8192,18432", "16384,36864"})
    void invalidFargateMemory(int cpu, int memory) {
        onlyProblem(
                service("{\"cpu\":" + cpu + ",\"memory\":" + memory + "}"),
                "storefront:service.memory",
                "with cpu " + cpu);
    }

    @Test
    void invalidFargateCpu() {
        onlyProblem(service("{\"cpu\":300}"), "storefront:service.cpu", "256, 512, 1024, 2048, 4096, 8192, 16384");
    }

    @Test
    void minTasksMustNotExceedMaxTasks() {
        onlyProblem(scaling("{\"minTasks\":5,\"maxTasks\":3}"), "storefront:scaling.minTasks", "must not exceed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101"})
    void cpuTargetIsOneToHundred(String value) {
        onlyProblem(
                scaling("{\"cpuTargetPercent\":" + value + "}"),
                "storefront:scaling.cpuTargetPercent",
                "from 1 to 100");
    }

    @Test
    void stepThresholdsMustBeOrdered() {
        onlyProblem(
                scaling("{\"stepScaling\":true,\"stepScaleOutPercent\":40,\"stepScaleInPercent\":50}"),
                "storefront:scaling.stepScaleInPercent",
                "must be below");
    }

    @Test
    void capacityWeights() {
        onlyProblem(
                service("{\"fargateWeight\":0,\"spotWeight\":0}"),
                "storefront:service.spotWeight",
                "must not both be 0");
        onlyProblem(
                service("{\"fargateBase\":2,\"fargateWeight\":0}"), "storefront:service.fargateWeight", "fargateBase");
    }

    @Test
    void deregistrationDelayKeepsRolloutsQuick() {
        onlyProblem(
                section("loadBalancer", "{\"deregistrationDelaySeconds\":300}"),
                "storefront:loadBalancer.deregistrationDelaySeconds",
                "from 0 to 60");
    }

    @Test
    void unhealthyThresholdTwoToTen() {
        onlyProblem(
                section("loadBalancer", "{\"unhealthyThreshold\":1}"),
                "storefront:loadBalancer.unhealthyThreshold",
                "from 2 to 10");
    }

    @Test
    void imageReferenceSyntax() {
        onlyProblem(service("{\"image\":\"Not An Image\"}"), "storefront:service.image", "image reference");
        assertFalse(load(service("{\"image\":\"123456789012.dkr.ecr.us-west-2.amazonaws.com/api:1.2.3\"}"))
                .task()
                .usesDefaultImage());
    }

    @Test
    void withoutNatTheDefaultPublicImageCannotBePulled() {
        onlyProblem(
                with(minimal(), "storefront:network", "{\"natStrategy\":\"none\",\"interfaceEndpoints\":true}"),
                "storefront:service.image",
                "natStrategy none");
    }

    @Test
    void certificateNeedsTheDomainItCovers() {
        onlyProblem(
                tls(
                        "{\"certificateArn\":\"arn:aws:acm:us-west-2:123456789012:certificate/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f\"}"),
                "storefront:tls.domainName",
                "CloudFront connects to");
    }

    @Test
    void certificateMustBeInTheStackRegion() {
        onlyProblem(
                tls(
                        "{\"domainName\":\"origin.example.com\","
                                + "\"certificateArn\":\"arn:aws:acm:us-east-1:123456789012:certificate/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f\"}"),
                "storefront:tls.certificateArn",
                "stack region us-west-2");
    }

    @Test
    void domainWithoutCertificateNeedsAHostedZone() {
        onlyProblem(tls("{\"domainName\":\"origin.example.com\"}"), "storefront:tls.hostedZoneId", "DNS-validated");
        TlsSettings tls = load(tls(
                        "{\"domainName\":\"origin.example.com\"," + "\"hostedZoneId\":\"Z0123456789ABCDEFGHIJ\"}"))
                .tls();
        assertTrue(tls.https());
        assertTrue(tls.issuesCertificate());
    }

    @Test
    void domainAndZoneSyntax() {
        onlyProblem(
                tls("{\"domainName\":\"Origin.Example.com\",\"hostedZoneId\":\"Z0123456789ABCDEFGHIJ\"}"),
                "storefront:tls.domainName",
                "lowercase DNS name");
        onlyProblem(
                tls("{\"domainName\":\"origin.example.com\",\"hostedZoneId\":\"zone-1\"}"),
                "storefront:tls.hostedZoneId",
                "hosted zone id");
    }

    @Test
    void originSecretIsRequiredAndValidatedWithoutEcho() {
        onlyProblem(
                with(minimal(), "storefront:originVerifySecret", null),
                "storefront:originVerifySecret",
                "pulumi config set --secret");
        ConfigProblems.Problem p = onlyProblem(
                with(minimal(), "storefront:originVerifySecret", "too-short"),
                "storefront:originVerifySecret",
                "32-128");
        assertEquals("(secret, 9 characters)", p.value());
    }

    /** SVC-8: request tracking works under blue/green too (counted at the ALB, per running task). */
    @Test
    void requestTrackingFitsBlueGreen() {
        assertEquals(
                100,
                load(with(
                                minimal(),
                                "storefront:scaling",
                                "{\"requestsPerTarget\":100}",
                                "storefront:deployment",
                                "{\"strategy\":\"blueGreen\",\"liveTargetGroup\":\"green\"}"))
                        .scaling()
                        .requestsPerTarget());
    }

    @Test
    void deploymentChoices() {
        onlyProblem(
                with(minimal(), "storefront:deployment", "{\"strategy\":\"canary\"}"),
                "storefront:deployment.strategy",
                "rolling, blueGreen");
        onlyProblem(
                with(minimal(), "storefront:deployment", "{\"trafficShift\":\"ECSAllAtOnce\"}"),
                "storefront:deployment.trafficShift",
                "canary10Percent5Minutes");
        assertEquals(
                "CodeDeployDefault.ECSLinear10PercentEvery1Minutes",
                load(with(minimal(), "storefront:deployment", "{\"trafficShift\":\"linear10PercentEvery1Minute\"}"))
                        .deployment()
                        .trafficShift()
                        .deploymentConfigName());
    }

    @Test
    void logExpiration() {
        onlyProblem(
                with(minimal(), "storefront:edge", "{\"logExpirationDays\":0}"),
                "storefront:edge.logExpirationDays",
                "from 1 to 3650");
    }

    @Test
    void aBlueGreenStackNeedsTheObservedLiveTargetGroup() {
        // REL-2: without it a re-created listener or rule could forward to the idle group.
        onlyProblem(
                with(minimal(), "storefront:deployment", "{\"strategy\":\"blueGreen\"}"),
                "storefront:deployment.liveTargetGroup",
                "scripts/deploy-image.sh up|preview");
        // Switching a stack from blue/green to rolling while green is live: the rolling service has only blue.
        assertEquals(
                TargetGroupColor.BLUE,
                load(with(
                                minimal(),
                                "storefront:deployment",
                                "{\"strategy\":\"rolling\",\"liveTargetGroup\":\"green\"}"))
                        .deployment()
                        .liveTargetGroup());
        onlyProblem(
                with(minimal(), "storefront:deployment", "{\"strategy\":\"blueGreen\",\"liveTargetGroup\":\"purple\"}"),
                "storefront:deployment.liveTargetGroup",
                "blue, green");
        assertEquals(
                TargetGroupColor.GREEN,
                load(with(
                                minimal(),
                                "storefront:deployment",
                                "{\"strategy\":\"blueGreen\",\"liveTargetGroup\":\"green\"}"))
                        .deployment()
                        .liveTargetGroup());
        assertEquals(TargetGroupColor.BLUE, load(minimal()).deployment().liveTargetGroup());
    }

    @Test
    void theRolloutWaitCoversShiftAndTerminationAndFitsACiJob() {
        DeploymentSettings linear = load(with(
                        prodMinimal(),
                        "storefront:deployment",
                        "{\"liveTargetGroup\":\"blue\","
                                + "\"trafficShift\":\"linear10PercentEvery3Minutes\",\"terminationWaitMinutes\":60}"))
                .deployment();
        assertEquals(20 + 30 + 60, linear.rolloutTimeoutMinutes());
        assertEquals(20 + 5 + 5, prod().deployment().rolloutTimeoutMinutes());
        onlyProblem(
                with(
                        prodMinimal(),
                        "storefront:deployment",
                        "{\"liveTargetGroup\":\"blue\",\"terminationWaitMinutes\":2880}"),
                "storefront:deployment.terminationWaitMinutes",
                "from 0 to 240");
        for (TrafficShift shift : TrafficShift.values()) {
            assertTrue(20 + shift.shiftMinutes() + 240 <= 330, shift + " fits the deploy job's 330-minute limit");
        }
    }

    @Test
    void aContainerHealthCheckNamesItsKind() {
        onlyProblem(
                with(minimal(), "storefront:service", "{\"containerHealthCheck\":[\"wget -q localhost:3000/health\"]}"),
                "storefront:service.containerHealthCheck",
                "CMD-SHELL");
        onlyProblem(
                with(minimal(), "storefront:service", "{\"containerHealthCheck\":[\"CMD\"]}"),
                "storefront:service.containerHealthCheck",
                "CMD");
        assertEquals(
                Optional.of(List.of("CMD", "/app/healthcheck")),
                load(with(minimal(), "storefront:service", "{\"containerHealthCheck\":[\"CMD\",\"/app/healthcheck\"]}"))
                        .task()
                        .containerHealthCheck());
        assertTrue(load(minimal()).task().containerHealthCheck().isEmpty(), "no check inside the image by default");
    }
}
