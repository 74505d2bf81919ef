package com.storefront.delivery;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** CI-1: the GitHub Actions workflow is valid, pinned, and runs the README's commands. */
class WorkflowTest {

    private static final Path WORKFLOW = Path.of(".github/workflows/infrastructure.yml");
    private static final Path IMPACT_WORKFLOW = Path.of(".github/workflows/change-impact.yml");
    /** An exact release tag or a full commit SHA: never a moving major tag or branch. */
    private static final Pattern PINNED =
            Pattern.compile("^[\\w.-]+/[\\w.-]+(/[\\w.-]+)?@(v\\d+\\.\\d+\\.\\d+|[0-9a-f]{40})$");

    private static final String TEST_COMMAND = "mvn -B test";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> workflow() throws IOException {
        return workflow(WORKFLOW);
    }

    private static Map<String, Object> workflow(Path file) throws IOException {
        return new Yaml().load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> impactSteps() throws IOException {
        return (List<Map<String, Object>>) ((Map<String, Object>)
                        ((Map<String, Object>) workflow(IMPACT_WORKFLOW).get("jobs")).get("change-impact"))
                .get("steps");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> job(String name) throws IOException {
        return (Map<String, Object>) ((Map<String, Object>) workflow().get("jobs")).get(name);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(String job) throws IOException {
        return (List<Map<String, Object>>) job(job).get("steps");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pulumiStep(String job) throws IOException {
        return steps(job).stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith("pulumi/actions@"))
                .findFirst()
                .map(s -> (Map<String, Object>) s.get("with"))
                .orElse(null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyActionIsPinned() throws IOException {
        List<String> uses = new ArrayList<>();
        List<Object> jobs = new ArrayList<>(((Map<String, Object>) workflow().get("jobs")).values());
        jobs.addAll(((Map<String, Object>) workflow(IMPACT_WORKFLOW).get("jobs")).values());
        for (Object job : jobs) {
            for (Map<String, Object> step : (List<Map<String, Object>>) ((Map<String, Object>) job).get("steps")) {
                if (step.containsKey("uses")) {
                    uses.add(String.valueOf(step.get("uses")));
                }
            }
        }
        assertTrue(uses.size() >= 10);
        uses.forEach(u -> assertTrue(PINNED.matcher(u).matches(), u + " is not pinned to an exact version"));
    }

    @Test
    void theTestJobRunsTheReadmeTestCommandLikeCi() throws IOException {
        assertTrue(steps("test").stream().anyMatch(s -> TEST_COMMAND.equals(s.get("run"))));
        assertTrue(
                Files.readString(Path.of("README.md")).contains("\n" + TEST_COMMAND + "\n"),
                "the README's quickstart names the same command");
        assertTrue(Files.readString(Path.of(".ci/run")).contains("\n" + TEST_COMMAND + "\n"), ".ci/run runs it too");
    }

    @Test
    void everyRunAttachesTheOfflinePlanOfBothStacks() throws IOException {
        String plan = steps("test").stream()
                .map(s -> String.valueOf(s.get("run")))
                .filter(r -> r.contains("-Dplan=\""))
                .findFirst()
                .orElseThrow();
        assertTrue(plan.contains("mvn -B -q compile exec:java -Dplan=\"dev\""));
        assertTrue(plan.contains("mvn -B -q compile exec:java -Dplan=\"prod\""));
        assertTrue(
                Files.readString(Path.of("README.md")).contains("mvn -q compile exec:java -Dplan=\"dev\""),
                "the README documents the same command");
        assertTrue(steps("test").stream()
                .anyMatch(s -> String.valueOf(s.get("uses")).startsWith("actions/upload-artifact@")
                        && "target/plan/".equals(((Map<?, ?>) s.get("with")).get("path"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void pullRequestsPreviewBothStacksWithOidcAndASelfManagedBackend() throws IOException {
        Map<String, Object> preview = job("preview");
        assertEquals("github.event_name == 'pull_request'", preview.get("if"));
        assertEquals(
                List.of("dev", "prod"),
                ((Map<String, Object>) ((Map<String, Object>) preview.get("strategy")).get("matrix")).get("stack"));
        assertEquals(
                "write", ((Map<String, Object>) preview.get("permissions")).get("id-token"), "OIDC needs an id token");
        Map<String, Object> credentials = steps("preview").stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith("aws-actions/configure-aws-credentials@"))
                .findFirst()
                .map(s -> (Map<String, Object>) s.get("with"))
                .orElseThrow();
        assertEquals("${{ vars.AWS_ROLE_ARN }}", credentials.get("role-to-assume"));
        assertTrue(runs("preview").contains("scripts/deploy-image.sh preview \"${{ matrix.stack }}\""));
        assertEquals(
                "${{ secrets.PULUMI_CONFIG_PASSPHRASE }}",
                ((Map<String, Object>) workflow().get("env")).get("PULUMI_CONFIG_PASSPHRASE"));
        assertEquals(List.of("test"), List.of(preview.get("needs")), "tests gate the preview");
    }

    @Test
    void mainDeploysDevAndProdNeedsAManualApprovedRun() throws IOException {
        assertEquals(
                "github.event_name == 'push' && github.ref == 'refs/heads/main'",
                job("deploy-dev").get("if"));
        assertEquals(
                "github.event_name == 'workflow_dispatch' && github.ref == 'refs/heads/main'",
                job("deploy-prod").get("if"));
        assertEquals("production", job("deploy-prod").get("environment"), "the environment's reviewers approve prod");
        assertTrue(runs("deploy-dev").contains("scripts/deploy-image.sh up dev"));
        assertTrue(runs("deploy-prod").contains("scripts/deploy-image.sh up prod"));
    }

    @Test
    void everyPulumiCommandGoesThroughTheReleaseTool() throws IOException {
        // REL-1, REL-2: only the tool knows the live target group and rolls out what `up` registered.
        for (String job : List.of("preview", "deploy-dev", "deploy-prod")) {
            Map<String, Object> install = pulumiStep(job);
            assertTrue(
                    install == null || !install.containsKey("command"), job + ": pulumi/actions only installs the CLI");
            assertTrue(runs(job).contains("pulumi login \"${{ vars.PULUMI_BACKEND_URL }}\""), job);
            assertFalse(
                    Pattern.compile("(?m)^\\s*pulumi (up|preview)\\b")
                            .matcher(runs(job))
                            .find(),
                    job);
        }
    }

    @Test
    void aDeployJobOutlastsTheLongestRollout() throws IOException {
        int longest = 20 + 30 + 240;
        assertTrue(((Number) job("deploy-prod").get("timeout-minutes")).intValue() >= longest + 30);
        assertEquals(
                Map.of("group", "deploy-prod", "cancel-in-progress", false),
                job("deploy-prod").get("concurrency"),
                "two releases of one stack never overlap");
    }

    @Test
    @SuppressWarnings("unchecked")
    void deployCredentialsLastAsLongAsTheJob() throws IOException {
        // OIDC credentials expire after one hour unless the job asks for more.
        for (String job : List.of("deploy-dev", "deploy-prod")) {
            Map<String, Object> credentials = steps(job).stream()
                    .filter(s -> String.valueOf(s.get("uses")).startsWith("aws-actions/configure-aws-credentials@"))
                    .findFirst()
                    .map(s -> (Map<String, Object>) s.get("with"))
                    .orElseThrow();
            int seconds = ((Number) credentials.get("role-duration-seconds")).intValue();
            int jobMinutes = ((Number) job(job).get("timeout-minutes")).intValue();
            assertTrue(
                    seconds >= jobMinutes * 60 && seconds <= 43200,
                    job + ": " + seconds + " s for a " + jobMinutes + "-minute job");
        }
        assertEquals(
                "infrastructure-${{ github.event_name }}-${{ github.ref }}",
                ((Map<String, Object>) workflow().get("concurrency")).get("group"),
                "a push never cancels a pending prod run");
    }

    @Test
    @SuppressWarnings("unchecked")
    void pullRequestsReportTheChangeImpactOfBothStacksAndFailOnUnacknowledgedDataLoss() throws IOException {
        // CHG-1: its own workflow, so labels re-run only it and never stand in for the tests.
        Map<String, Object> workflow = workflow(IMPACT_WORKFLOW);
        Map<String, Object> on = (Map<String, Object>)
                (workflow.containsKey("on")
                        ? workflow.get("on")
                        : ((Map<Object, Object>) (Map<?, ?>) workflow).get(true));
        assertEquals(
                List.of("opened", "synchronize", "reopened", "labeled", "unlabeled"),
                ((Map<String, Object>) on.get("pull_request")).get("types"));
        Map<String, Object> infrastructureOn = (Map<String, Object>)
                (workflow().containsKey("on")
                        ? workflow().get("on")
                        : ((Map<Object, Object>) (Map<?, ?>) workflow()).get(true));
        assertTrue(infrastructureOn.get("pull_request") == null, "the tests and previews do not run on label events");
        Map<String, Object> step = impactSteps().stream()
                .filter(s -> String.valueOf(s.get("name")).startsWith("Change impact"))
                .findFirst()
                .orElseThrow();
        String run = String.valueOf(step.get("run"));
        assertTrue(run.contains("for stack in dev prod"), run);
        assertTrue(run.contains("-Dplan=\"$stack --against $BASE $flag\""), run);
        assertTrue(run.contains("target/plan/$stack-impact.md\" >> \"$GITHUB_STEP_SUMMARY\""), run);
        assertTrue(run.contains("exit \"$status\""), "a refused stateful change fails the job");
        Map<String, Object> env = (Map<String, Object>) step.get("env");
        assertEquals(
                "${{ steps.base.outputs.sha }}",
                env.get("BASE"),
                "the commit the merge was built on, not the moving branch");
        assertTrue(String.valueOf(env.get("ACKNOWLEDGED")).contains("stateful-change-approved"));
        assertTrue(String.valueOf(env.get("ACKNOWLEDGED")).contains("github.event.action != 'synchronize'"));
        Map<String, Object> drop = impactSteps().stream()
                .filter(s -> String.valueOf(s.get("name")).startsWith("Drop an approval"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                String.valueOf(drop.get("run")).contains("--remove-label stateful-change-approved"),
                "a new push needs a new approval");
        assertTrue(String.valueOf(impactSteps().stream()
                        .filter(s -> "base".equals(s.get("id")))
                        .findFirst()
                        .orElseThrow()
                        .get("run"))
                .contains("git rev-parse HEAD^1"));
        assertEquals(0, ((Map<String, Object>) impactSteps().get(0).get("with")).get("fetch-depth"));
        Map<String, Object> upload = impactSteps().stream()
                .filter(s -> String.valueOf(s.get("uses")).startsWith("actions/upload-artifact@"))
                .findFirst()
                .orElseThrow();
        assertEquals("always()", upload.get("if"), "the reports are attached when the impact fails the job too");
    }

    private static String runs(String job) throws IOException {
        StringBuilder all = new StringBuilder();
        steps(job).forEach(s -> all.append(s.getOrDefault("run", "")).append('\n'));
        return all.toString();
    }
}
