package com.storefront.plan;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code plan <stack> --against <ref|file>} end to end: a git repository holding this project's
 * program and stack files at a commit, the working tree changed after it.
 */
class ChangeCommandTest {

    @TempDir
    static Path repo;

    record Result(int exit, String out, String err) {}

    @BeforeAll
    static void commitTheProject() throws Exception {
        for (String file : List.of(
                "pom.xml", "program/pom.xml", "plan/pom.xml", "Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.prod.yaml")) {
            Files.createDirectories(repo.resolve(file).toAbsolutePath().getParent());
            Files.copy(Path.of(file), repo.resolve(file));
        }
        for (Path sources : List.of(Path.of("program/src/main"), Path.of("plan/src/main"))) {
            try (Stream<Path> walk = Files.walk(sources)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    Path target = repo.resolve(file.toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target);
                }
            }
        }
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "base");
    }

    private static void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(repo.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + output);
    }

    /** Runs the command in the repository, capturing what it prints. */
    private static Result plan(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = PlanCommand.run(
                List.of(args),
                repo,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the command with the working tree's prod stack file edited from the committed one. */
    private static Result planProd(String from, String to, String... flags) throws IOException {
        Path stackFile = repo.resolve("Pulumi.prod.yaml");
        String committed = Files.readString(Path.of("Pulumi.prod.yaml"));
        assertTrue(committed.contains(from), from);
        Files.writeString(stackFile, committed.replace(from, to));
        try {
            List<String> args = new ArrayList<>(List.of("prod", "--against", "HEAD"));
            args.addAll(List.of(flags));
            return plan(args.toArray(String[]::new));
        } finally {
            Files.writeString(stackFile, committed);
        }
    }

    @Test
    void aRefThatOnlyChangesAnAlarmThresholdIsExactlyThatUpdate() throws IOException {
        Result result = planProd("  storefront:alerts:\n", "  storefront:alerts:\n    ecsCpuPercent: 75\n");
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().contains("prod: 1 to update (stateful: 0)"), result.out());
        assertTrue(
                result.out().contains("  update aws:cloudwatch/metricAlarm:MetricAlarm monitoring-alarm-ecs-cpu\n"),
                result.out());
        String json = Files.readString(Path.of("target/plan/prod-impact.json"));
        Map<String, Object> report = Json.parse(json);
        assertEquals(1, ((List<?>) report.get("changes")).size());
        assertTrue(String.valueOf(report.get("base")).startsWith("HEAD ("), String.valueOf(report.get("base")));
        // Byte-identical between runs (the compiled base is cached by commit).
        Result again = planProd("  storefront:alerts:\n", "  storefront:alerts:\n    ecsCpuPercent: 75\n");
        assertEquals(0, again.exit());
        assertEquals(json, Files.readString(Path.of("target/plan/prod-impact.json")));
    }

    @Test
    void aNewMasterUsernameIsAStatefulReplacementAndFailsUnlessAcknowledged() throws IOException {
        String from = "    engineVersion: \"16.6\"\n";
        String to = from + "    masterUsername: shopadmin\n";
        Result result = planProd(from, to);
        assertEquals(PlanCommand.DATA_AT_RISK, result.exit(), result.out() + result.err());
        assertTrue(
                result.err()
                        .contains(
                                "plan: error: replace aws:rds/cluster:Cluster database-aurora: masterUsername forces a new resource"),
                result.err());
        assertTrue(result.out().contains("(stateful: 3)"), result.out());
        String markdown = Files.readString(Path.of("target/plan/prod-impact.md"));
        assertTrue(markdown.contains("## Errors: data at risk"), markdown);
        for (String standIn : List.of("PlanPlaceholderRedisToken", "plan-placeholder-origin-secret")) {
            assertFalse(markdown.contains(standIn), "secrets stay out of the report");
        }

        Result acknowledged = planProd(from, to, PlanCommand.ALLOW_STATEFUL);
        assertEquals(0, acknowledged.exit(), acknowledged.err());
        assertTrue(acknowledged.out().contains("acknowledged with " + PlanCommand.ALLOW_STATEFUL), acknowledged.out());
    }

    @Test
    void anEncryptedSecretThatChangesIsAChangeShownOnlyAsSecret() throws IOException {
        String stack = Files.readString(Path.of("Pulumi.dev.yaml"));
        Files.writeString(
                repo.resolve("Pulumi.devsecret.yaml"),
                stack + "  storefront:redisAuthToken:\n    secure: v1:BBBBnewciphertext0000==\n");
        Files.writeString(
                repo.resolve("Pulumi.devsecret-base.yaml"),
                stack + "  storefront:redisAuthToken:\n    secure: v1:AAAAoldciphertext0000==\n");
        Result result = plan("devsecret", "--against", "Pulumi.devsecret-base.yaml");
        assertEquals(0, result.exit(), result.err());
        String printed = result.out();
        assertTrue(printed.contains("update aws:elasticache/replicationGroup:ReplicationGroup cache-redis"), printed);
        String markdown = Files.readString(Path.of("target/plan/devsecret-impact.md"));
        assertTrue(markdown.contains("`authToken`: [secret] → [secret]"), markdown);
        for (String text : List.of(markdown, Files.readString(Path.of("target/plan/devsecret-impact.json")), printed)) {
            assertFalse(
                    text.contains("ciphertext") || text.contains("PlanPlaceholderRedisToken"),
                    "never a secret or its stand-in");
        }
    }

    /** The base runs with its own dated tables, not the working tree's (a pull request may change both). */
    @Test
    void aBaseReadsItsOwnTables() throws Exception {
        Path table = repo.resolve("program/src/main/resources/config/tables/aurora-postgresql-versions.tsv");
        Path prod = repo.resolve("Pulumi.prod.yaml");
        String rows = Files.readString(table);
        String stack = Files.readString(prod);
        git("checkout", "-q", "-b", "own-tables");
        // A release only this branch's table knows, and the stack on it.
        Files.writeString(table, rows + "16.99\ttrue\ttrue\n");
        Files.writeString(prod, stack.replace("engineVersion: \"16.6\"", "engineVersion: \"16.99\""));
        git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-am", "a newer table");
        git("checkout", "-q", "-");
        Result result = plan("prod", "--against", "own-tables");
        assertEquals(0, result.exit(), result.err());
        assertTrue(result.out().contains("update aws:rds/cluster:Cluster database-aurora"), result.out());
    }

    @Test
    void aBaseWithAnotherProgramIsBuiltAndRunBesideThisOne() throws Exception {
        // A branch whose program pages at 80 % CPU; the working tree (this program) at 85 %.
        Path reader = repo.resolve("program/src/main/java/com/storefront/observability/AlertsConfig.java");
        String source = Files.readString(reader);
        assertTrue(source.contains("\"service CPU %\", 85"), "the declaration this test edits");
        git("checkout", "-q", "-b", "older-program");
        Files.writeString(reader, source.replace("\"service CPU %\", 85", "\"service CPU %\", 80"));
        git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-am", "older threshold");
        git("checkout", "-q", "-");
        Result result = plan("prod", "--against", "older-program");
        assertEquals(0, result.exit(), result.err());
        String printed = result.out();
        assertTrue(printed.contains("[plan] building the program at older-program"), printed);
        assertTrue(printed.contains("prod: 1 to update (stateful: 0)"), printed);
        assertTrue(printed.contains("update aws:cloudwatch/metricAlarm:MetricAlarm monitoring-alarm-ecs-cpu"), printed);

        // A stack the base does not have: everything is created.
        Files.writeString(repo.resolve("Pulumi.newstack.yaml"), Files.readString(Path.of("Pulumi.dev.yaml")));
        Result created = plan("newstack", "--against", "HEAD");
        assertEquals(0, created.exit(), created.err());
        assertTrue(created.out().matches("(?s).*newstack: \\d+ to create \\(stateful: 0\\).*"), created.out());
    }

    /** The last commit before the rollout tool observed the live target group (its program rejects the key). */
    private static final String BEFORE_OBSERVATION = "912263232184df9a109361319e0974885e812f38";

    @Test
    void aBaseFromBeforeTheObservedTargetGroupIsRunAsItsToolingWouldHaveRunIt() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        Process check = new ProcessBuilder("git", "cat-file", "-e", BEFORE_OBSERVATION + "^{commit}")
                .directory(project.toFile())
                .start();
        org.junit.jupiter.api.Assumptions.assumeTrue(check.waitFor() == 0, "needs the project's history");
        git("checkout", "-q", "-b", "before-observation");
        Path archive = repo.resolve("old-main.tar");
        Process export = new ProcessBuilder(
                        "git", "archive", "--format=tar", "-o", archive.toString(), BEFORE_OBSERVATION, "src/main")
                .directory(project.toFile())
                .start();
        assertEquals(0, export.waitFor());
        // That commit is from before the program became a module: one src/main held the program and the planner.
        git("rm", "-q", "-r", "program/src/main", "plan/src/main");
        Process unpack = new ProcessBuilder("tar", "-xf", archive.toString())
                .directory(repo.toFile())
                .start();
        assertEquals(0, unpack.waitFor());
        Files.delete(archive);
        git("add", "src/main");
        git("-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "before observation");
        git("checkout", "-q", "-");
        Result result = plan("dev", "--against", "before-observation");
        assertEquals(0, result.exit(), result.err());
        // Its container definition had the wget health check; this program's has none.
        assertTrue(result.out().contains("replace aws:ecs/taskDefinition:TaskDefinition api-task"), result.out());
    }

    @Test
    void aStackFileCanBeTheBaseAndBadArgumentsAreUsage() throws IOException {
        Path base = repo.resolve("Pulumi.prod-base.yaml");
        Files.writeString(
                base,
                Files.readString(Path.of("Pulumi.prod.yaml"))
                        .replace("nodeType: cache.r7g.large", "nodeType: cache.r7g.xlarge"));
        Result result = plan("prod", "--against", "Pulumi.prod-base.yaml");
        assertEquals(0, result.exit(), result.err());
        assertTrue(
                result.out().contains("update aws:elasticache/replicationGroup:ReplicationGroup cache-redis"),
                result.out());

        for (List<String> args : List.of(
                List.of("prod", "--against"),
                List.of("prod", PlanCommand.ALLOW_STATEFUL),
                List.of("prod", "--against", "no-such-ref"))) {
            assertEquals(2, plan(args.toArray(String[]::new)).exit(), args.toString());
        }
    }
}
