package com.storefront.plan;

import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.rds.Cluster;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PLAN-1: the offline plan of the real stack files. */
class PlanTest {

    /** The estimates are within 5 % of these (README states the same figures). */
    static final double DEV_IDLE_MONTHLY = 144.57;

    static final double PROD_IDLE_MONTHLY = 1042.09;
    static final double TOLERANCE = 0.05;

    private static PlanReport report(String stack) {
        StackConfig config =
                StackConfig.read(Path.of("Pulumi." + stack + ".yaml")).asObservedOffline();
        StackRun run = stack.equals("dev") ? Stacks.dev() : Stacks.prod();
        return PlanReport.of(stack, "Pulumi." + stack + ".yaml", config, run.plan(), List.of());
    }

    private static Map<String, Integer> counts(PlanReport report) {
        return report.components().stream()
                .collect(Collectors.toMap(c -> c.name(), Inventory.Component::resourceCount));
    }

    @Test
    void devPlanHasEveryComponentCheapCostAndNoFindings() {
        PlanReport dev = report("dev");
        Map<String, Integer> counts = counts(dev);
        assertEquals(
                Map.ofEntries(
                        Map.entry("network", 31),
                        Map.entry("encryption", 2),
                        Map.entry("encryption-us-east-1", 2),
                        Map.entry("alerts", 2),
                        Map.entry("app-secrets", 2),
                        Map.entry("database", 9),
                        Map.entry("cache", 8),
                        Map.entry("log-bucket", 6),
                        Map.entry("registry", 2),
                        Map.entry("load-balancer", 10),
                        Map.entry("api", 14),
                        Map.entry("waf", 7),
                        Map.entry("static-assets", 7),
                        Map.entry("cdn", 5),
                        Map.entry("monitoring", 10)),
                counts);
        assertEquals(Stacks.dev().where(r -> r.custom() && r.isAws()).size(), dev.resourceCount());
        assertEquals(DEV_IDLE_MONTHLY, dev.cost().totalMonthly(), DEV_IDLE_MONTHLY * TOLERANCE);
        assertTrue(dev.findings().isEmpty(), dev.findings().toString());
        assertTrue(dev.cost().unknown().isEmpty());
    }

    @Test
    void prodPlanAddsTheApiAndDrAndBuysAvailability() {
        PlanReport prod = report("prod");
        Map<String, Integer> counts = counts(prod);
        assertEquals(49, counts.get("network"));
        assertEquals(46, counts.get("dr"));
        assertEquals(11, counts.get("dr-network"), "the standby VPC, its subnets, table and flow logs");
        assertEquals(20, counts.get("api-gateway"));
        assertEquals(2, counts.get("encryption-dr"));
        assertEquals(PROD_IDLE_MONTHLY, prod.cost().totalMonthly(), PROD_IDLE_MONTHLY * TOLERANCE);
        assertTrue(prod.findings().isEmpty(), prod.findings().toString());
        Inventory.Component dr = prod.components().stream()
                .filter(c -> c.name().equals("dr"))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("us-east-2", "us-west-2"), List.copyOf(dr.regions()));
    }

    @Test
    void inventoryShowsKeySettingsButNeverSecrets() {
        PlanReport prod = report("prod");
        Inventory.Item cluster = prod.components().stream()
                .flatMap(c -> c.resources().stream())
                .filter(i -> i.type().equals(Types.of(Cluster.class)))
                .findFirst()
                .orElseThrow();
        assertEquals("16.6", cluster.settings().get("engineVersion"));
        assertEquals(
                Map.of("minCapacity", 0.5, "maxCapacity", 8.0),
                cluster.settings().get("serverlessv2ScalingConfiguration"));
        Inventory.Item redis = prod.components().stream()
                .flatMap(c -> c.resources().stream())
                .filter(i -> i.type().equals(Types.of(ReplicationGroup.class)))
                .findFirst()
                .orElseThrow();
        assertEquals("cache.r7g.large", redis.settings().get("nodeType"));
        assertFalse(redis.settings().containsKey("authToken"));
    }

    @Test
    void secretsNeverAppearInAnyOutput() throws Exception {
        for (String stack : List.of("dev", "prod")) {
            PlanReport report = report(stack);
            for (String text : List.of(report.json(), report.markdown(), report.summary())) {
                for (String secret : StackConfig.SECRET_PLACEHOLDERS.values()) {
                    assertFalse(text.contains(secret), stack + " plan shows a secret value");
                }
                assertFalse(text.contains("PlanPlaceholder"), "no placeholder leaks");
            }
            assertEquals("[secret]", report.config().get("storefront:redisAuthToken"));
        }
        Path file = Files.createTempFile("Pulumi.secret-test", ".yaml");
        Files.writeString(
                file,
                Files.readString(Path.of("Pulumi.dev.yaml"))
                        + "  storefront:redisAuthToken:\n    secure: v1:AAAABBBBCCCCsecretciphertext==\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = PlanCommand.run(
                List.of(file.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, printed);
        assertTrue(printed.contains("warning: secret storefront:redisAuthToken is not readable here"), printed);
        String stack = PlanCommand.stackName(file);
        for (Path written :
                List.of(Path.of("target/plan/" + stack + ".json"), Path.of("target/plan/" + stack + ".md"))) {
            String content = Files.readString(written);
            assertFalse(content.contains("AAAABBBBCCCCsecretciphertext"), written.toString());
            assertFalse(content.contains("PlanPlaceholderRedisToken"), written.toString());
            Files.delete(written);
        }
        Files.delete(file);
    }

    @Test
    void twoPlansOfTheSameCommitAreByteIdentical() {
        StackConfig config = StackConfig.read(Path.of("Pulumi.prod.yaml")).asObservedOffline();
        PlanReport first = PlanReport.of("prod", "Pulumi.prod.yaml", config, PlanRun.run(config), List.of());
        PlanReport second = PlanReport.of("prod", "Pulumi.prod.yaml", config, PlanRun.run(config), List.of());
        assertEquals(first.json(), second.json());
        assertEquals(first.markdown(), second.markdown());
    }

    @Test
    void invalidConfigFailsWithPulumiUpsMessage() throws Exception {
        Path file = Files.createTempFile("Pulumi.broken", ".yaml");
        Files.writeString(
                file,
                "config:\n  aws:region: us-west-2\n  storefront:owner: me\n"
                        + "  storefront:network:\n    azCount: 5\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = PlanCommand.run(
                List.of(file.toString()),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String message = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit);
        assertTrue(message.startsWith("Invalid stack configuration (2 problems):"), message);
        assertTrue(message.contains("storefront:environmentSuffix = (not set): is required"), message);
        assertTrue(message.contains("storefront:network.azCount = '5'"), message);
        Files.delete(file);
    }

    @Test
    void usageAndMissingFiles() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertEquals(2, PlanCommand.run(List.of(), quiet, errStream));
        assertEquals(2, PlanCommand.run(List.of("staging"), quiet, errStream));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no stack file Pulumi.staging.yaml"));
        assertEquals(Path.of("Pulumi.dev.yaml"), PlanCommand.stackFile("dev"));
        assertEquals("test-jane", PlanCommand.stackName(Path.of("stacks/Pulumi.test-jane.yaml")));
    }

    /** The mocks number zone ids as AWS does, so zone-id rules (VPC origins) are tested against real ids. */
    @Test
    void mockZoneIdsFollowAwsNaming() {
        assertEquals("use1", PlanMocks.zoneIdPrefix("us-east-1"));
        assertEquals("usw2", PlanMocks.zoneIdPrefix("us-west-2"));
        assertEquals("apne1", PlanMocks.zoneIdPrefix("ap-northeast-1"));
        assertEquals("euc1", PlanMocks.zoneIdPrefix("eu-central-1"));
        assertEquals("cac1", PlanMocks.zoneIdPrefix("ca-central-1"));
    }
}
