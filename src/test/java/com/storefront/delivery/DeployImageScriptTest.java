package com.storefront.delivery;

import com.storefront.service.AppSpec;
import com.storefront.plan.Json;
import com.storefront.testing.Stacks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * scripts/deploy-image.sh against stand-in {@code pulumi} and {@code aws} commands that log their
 * arguments: argument and tool checks, the rolling path, and the blue/green path with the AppSpec
 * template the program exports.
 */
class DeployImageScriptTest {

    private static final Path SCRIPT = Path.of("scripts/deploy-image.sh");
    private static final String IMAGE = "123456789012.dkr.ecr.us-east-2.amazonaws.com/storefront-api-prod:1.4.2";
    private static final String NEW_REVISION = "arn:aws:ecs:us-east-2:123456789012:task-definition/storefront-api-prod:7";

    @TempDir
    Path bin;

    private Path log;

    record Result(int exit, String output) {
    }

    @BeforeEach
    void setUp() {
        log = bin.resolve("calls.log");
    }

    private void stub(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        // One log line per call: multi-line JSON arguments are folded onto it.
        Files.writeString(file, "#!/usr/bin/env bash\n{ printf '%s' \"" + name + " $*\" | tr '\\n' ' '; echo; } >> '"
                + log + "'\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private void stubPulumi(String strategy) throws IOException {
        Map<String, String> outputs = Map.of(
                "deploymentStrategy", strategy,
                "taskDefinitionFamily", "storefront-api-prod",
                "containerName", "api",
                "codeDeployApplication", "storefront-api-prod",
                "codeDeployDeploymentGroup", "storefront-api-blue-green-prod");
        StringBuilder body = new StringBuilder("if [ \"$1 $2\" = \"stack output\" ]; then case \"$3\" in\n");
        outputs.forEach((k, v) -> body.append("  ").append(k).append(") echo '").append(v).append("' ;;\n"));
        Path template = bin.resolve("appspec.json");
        Files.writeString(template, AppSpec.template(
                com.storefront.config.SettingsLoaderAccess.prodServiceSettings()));
        body.append("  codeDeployAppSpecTemplate) cat '").append(template).append("' ;;\n");
        body.append("  *) exit 1 ;;\nesac; fi\n");
        stub("pulumi", body.toString());
    }

    private void stubAws(boolean deploymentSucceeds) throws IOException {
        stub("aws", """
                case "$1 $2" in
                  "ecs describe-task-definition") echo '{"family":"storefront-api-prod","revision":6,"status":"ACTIVE",\
                "taskDefinitionArn":"arn:aws:ecs:us-east-2:123456789012:task-definition/storefront-api-prod:6",\
                "containerDefinitions":[{"name":"api","image":"old:1"}],"cpu":"1024","memory":"2048"}' ;;
                  "ecs register-task-definition") echo '%s' ;;
                  "deploy create-deployment") echo 'd-ABC123' ;;
                  "deploy wait") exit %d ;;
                  "deploy get-deployment") echo 'Failed ALARM_ACTIVE rollback alarm fired' ;;
                esac
                """.formatted(NEW_REVISION, deploymentSucceeds ? 0 : 255));
    }

    private Result run(String path, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("/bin/bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", path);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        return new Result(process.exitValue(), output);
    }

    private String withStubs() {
        return bin + ":/usr/bin:/bin";
    }

    private List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    @Test
    void withoutAnImageItPrintsUsage() throws Exception {
        Result result = run(withStubs());
        assertEquals(2, result.exit());
        assertTrue(result.output().contains("usage:"), result.output());
    }

    @Test
    void anImageWithoutATagIsRefused() throws Exception {
        Result result = run(withStubs(), "registry.example.com:5000/storefront-api");
        assertEquals(1, result.exit());
        assertTrue(result.output().contains("has no tag or digest"), result.output());
    }

    @Test
    void aMissingToolIsNamed() throws Exception {
        Result result = run(bin.toString(), IMAGE);
        assertEquals(1, result.exit());
        assertTrue(result.output().contains("missing tool: pulumi"), result.output());
    }

    @Test
    void rollingModeSetsTheImageInConfigAndRunsUp() throws Exception {
        stubPulumi("rolling");
        stubAws(true);
        Result result = run(withStubs(), IMAGE);
        assertEquals(0, result.exit(), result.output());
        assertTrue(calls().contains("pulumi config set --path storefront:service.image " + IMAGE), calls().toString());
        assertTrue(calls().contains("pulumi up"));
        assertTrue(calls().stream().noneMatch(c -> c.startsWith("aws ")));
    }

    @Test
    void blueGreenModeRegistersARevisionAndStartsACodeDeployDeployment() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/jq")), "jq is installed by .ci/run");
        stubPulumi("blueGreen");
        stubAws(true);
        Result result = run(withStubs(), IMAGE);
        assertEquals(0, result.exit(), result.output());
        List<String> calls = calls();
        String register = calls.stream().filter(c -> c.startsWith("aws ecs register-task-definition")).findFirst().orElseThrow();
        String revisionJson = register.substring(register.indexOf("{"), register.lastIndexOf("}") + 1);
        Map<String, Object> revision = Json.parse(revisionJson);
        assertEquals(IMAGE, ((Map<?, ?>) ((List<?>) revision.get("containerDefinitions")).get(0)).get("image"));
        assertTrue(!revision.containsKey("taskDefinitionArn") && !revision.containsKey("revision"),
                "read-only fields are dropped before registering");

        String deploy = calls.stream().filter(c -> c.startsWith("aws deploy create-deployment")).findFirst().orElseThrow();
        assertTrue(deploy.contains("--application-name storefront-api-prod"));
        assertTrue(deploy.contains("--deployment-group-name storefront-api-blue-green-prod"));
        Map<String, Object> request = Json.parse(deploy.substring(deploy.indexOf("--revision ") + 11,
                deploy.indexOf(" --query")));
        assertEquals("AppSpecContent", request.get("revisionType"));
        String content = (String) ((Map<?, ?>) request.get("appSpecContent")).get("content");
        assertTrue(content.contains("\"TaskDefinition\": \"" + NEW_REVISION + "\""), content);
        assertTrue(calls.contains("aws deploy wait deployment-successful --deployment-id d-ABC123"));
        assertTrue(result.output().contains("deployment d-ABC123 succeeded"));
    }

    @Test
    void aFailedDeploymentFailsTheScriptWithCodeDeploysReason() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/jq")), "jq is installed by .ci/run");
        stubPulumi("blueGreen");
        stubAws(false);
        Result result = run(withStubs(), IMAGE);
        assertEquals(1, result.exit());
        assertTrue(result.output().contains("ALARM_ACTIVE"), result.output());
        assertTrue(result.output().contains("did not succeed"), result.output());
    }

    @Test
    void theProdStackExportsWhatTheScriptReads() {
        Map<String, Object> outputs = Stacks.prod().outputs();
        for (String name : List.of("deploymentStrategy", "taskDefinitionFamily", "containerName", "codeDeployApplication",
                "codeDeployDeploymentGroup", "codeDeployAppSpecTemplate")) {
            assertTrue(outputs.containsKey(name), name);
        }
        assertEquals("blueGreen", outputs.get("deploymentStrategy"));
        assertEquals("rolling", Stacks.dev().output("deploymentStrategy"));
    }
}
