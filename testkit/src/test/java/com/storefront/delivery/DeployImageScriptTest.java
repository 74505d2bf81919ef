package com.storefront.delivery;

import com.google.gson.Gson;
import com.pulumi.aws.apigateway.Account;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterInstance;
import com.storefront.plan.Json;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * scripts/deploy-image.sh against stand-in {@code pulumi}, {@code aws} and {@code git} commands that
 * log their arguments and answer with the real program's stack outputs and realistic ECS and
 * CodeDeploy documents (a task set running the team's image, with tags and no placeholder command).
 */
class DeployImageScriptTest {

    private static final Path SCRIPT = Path.of("scripts/deploy-image.sh").toAbsolutePath();
    private static final String IMAGE =
            "123456789012.dkr.ecr.us-east-2.amazonaws.com/storefront-api-prod:Release-2.0.1";
    private static final String RUNNING = "arn:aws:ecs:us-east-2:123456789012:task-definition/storefront-api-prod:41";
    /** The revision a release registers. */
    private static final String NEXT = "arn:aws:ecs:us-east-2:123456789012:task-definition/storefront-api-prod:42";

    @TempDir
    Path bin;

    @TempDir
    Path project;

    private Path log;
    private final Map<String, String> env = new LinkedHashMap<>();

    record Result(int exit, String output) {}

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/jq")), "jq is installed by .ci/run");
        log = bin.resolve("calls.log");
        Files.copy(Path.of(Stacks.DEV_FILE), project.resolve(Stacks.DEV_FILE));
        Files.copy(Path.of(Stacks.PROD_FILE), project.resolve(Stacks.PROD_FILE));
        env.put("DEPLOY_IMAGE_POLL_SECONDS", "0");
        stub("pulumi", """
                case "$1" in
                  stack)
                    case "$2" in
                      export) cat "$BIN/state.json" ;;
                      import)
                        file=""; prev=""
                        for a in "$@"; do [ "$prev" = "--file" ] && file=$a; prev=$a; done
                        cp "$file" "$BIN/imported-state.json" ;;
                      *) cat "$BIN/outputs.json" ;;
                    esac ;;
                  import) ;;
                  refresh) ;;
                  config)
                    if [ "$2" = get ]; then
                      key="${*: -1}"; prev=""
                      for a in "$@"; do [ "$prev" = "--path" ] && key=$a; prev=$a; done
                      if grep -q "^$key=" "$BIN/config-values"; then grep -m1 "^$key=" "$BIN/config-values" | cut -d= -f2-; exit 0; fi
                      echo "error: configuration key '$key' not found for stack 'x'" >&2
                      exit 255
                    fi
                    file=""; prev=""
                    for a in "$@"; do [ "$prev" = "--config-file" ] && file=$a; prev=$a; done
                    if [ -n "$file" ]; then echo "# set ${*: -2}" >> "$file"; cp "$file" "$BIN/observed-config.yaml"; fi ;;
                  up)
                    [ ! -f "$BIN/outputs-after.json" ] || mv "$BIN/outputs-after.json" "$BIN/outputs.json"
                    exit "${PULUMI_UP_EXIT:-0}" ;;
                esac
                """);
        stub("aws", """
                echo "${AWS_REGION:-unset}" >> "$BIN/regions.log"
                case "$1 $2" in
                  "ecs describe-services") cat "$BIN/services.json" ;;
                  "ecs describe-task-definition") cat "$BIN/task-definition.json" ;;
                  "deploy list-deployments") cat "$BIN/in-progress.json" ;;
                  "deploy create-deployment")
                    description=""; prev=""
                    for a in "$@"; do [ "$prev" = "--description" ] && description=$a; prev=$a; done
                    if [ "${#description}" -gt 100 ]; then
                      echo "An error occurred (DescriptionTooLongException) when calling the CreateDeployment operation" >&2
                      exit 254
                    fi
                    echo '{"deploymentId": "d-ABC123"}' ;;
                  "deploy stop-deployment") echo '{"status": "Pending", "statusMessage": "Stopping"}' ;;
                  "ecs list-service-deployments") cat "$BIN/service-deployments.json" ;;
                  "logs describe-log-groups") cat "$BIN/log-groups.txt" ;;
                  "rds describe-db-clusters") cat "$BIN/engine-version.txt" ;;
                  "backup describe-region-settings") cat "$BIN/aurora-opt-in.txt" ;;
                  "elbv2 describe-load-balancers")
                    if [ -f "$BIN/alb-gone" ]; then echo None; else cat "$BIN/alb.txt"; fi ;;
                  "elbv2 describe-load-balancer-attributes") cat "$BIN/alb-protection.txt" ;;
                  "elbv2 modify-load-balancer-attributes") echo '{}' ;;
                  "deploy get-deployment")
                    if [ -f "$BIN/throttle-once" ]; then
                      rm "$BIN/throttle-once"
                      echo "An error occurred (ThrottlingException) when calling the GetDeployment operation: Rate exceeded" >&2
                      exit 254
                    fi
                    head -n 1 "$BIN/deployment-states.jsonl"
                    if [ "$(wc -l < "$BIN/deployment-states.jsonl")" -gt 1 ]; then
                      sed -i 1d "$BIN/deployment-states.jsonl"
                    fi ;;
                  *) echo "unexpected aws call: $*" >&2; exit 1 ;;
                esac
                """);
        stub("git", """
                case "$1" in
                  ls-files) exit "${GIT_UNTRACKED:-0}" ;;
                  status) [ -z "${GIT_DIRTY:-}" ] || echo " M $4" ;;
                  diff) exit 1 ;;
                esac
                """);
        write("in-progress.json", "{\"deployments\": []}");
        // What the committed stack files say, as `pulumi config get --path` prints it.
        write("config-values", "aws:region=us-east-2\nstorefront:api.manageAccountLogging=true\n");
        write("state.json", stateWithAurora("16.6"));
        write(
                "alb.txt",
                "arn:aws:elasticloadbalancing:us-east-2:123456789012:loadbalancer/app/storefront-alb-prod/50dc6c495c0c9188\tinternal\n");
        write("alb-protection.txt", "true\n");
        write("engine-version.txt", "16.6\n");
        write("aurora-opt-in.txt", "True\n");
        write("service-deployments.json", """
                {"serviceDeployments": [{"serviceDeploymentArn": "arn:aws:ecs:us-west-2:123456789012:service-deployment/storefront-cluster-dev/storefront-api-dev/ejGvqq2ilnbKT9qj0vLJe",
                  "status": "SUCCESSFUL", "targetServiceRevisionArn": "arn:aws:ecs:us-west-2:123456789012:service-revision/storefront-cluster-dev/storefront-api-dev/1485800978477494678"}]}
                """);
        write("task-definition.json", """
                {"taskDefinition": {"taskDefinitionArn": "%s", "family": "storefront-api-prod", "revision": 41,
                  "status": "ACTIVE", "cpu": "1024", "memory": "2048", "networkMode": "awsvpc",
                  "containerDefinitions": [{"name": "api", "image": "%s", "essential": true,
                    "portMappings": [{"name": "http", "containerPort": 3000, "protocol": "tcp"}],
                    "environment": [{"name": "PORT", "value": "3000"}],
                    "secrets": [{"name": "API_KEYS", "valueFrom": "arn:aws:secretsmanager:us-east-2:123456789012:secret:storefront-api-keys-prod-AbCdEf"}]}]},
                 "tags": [{"key": "Environment", "value": "prod"}, {"key": "Project", "value": "storefront"},
                   {"key": "Owner", "value": "platform-team"}, {"key": "ManagedBy", "value": "pulumi"}]}
                """.formatted(RUNNING, IMAGE));
    }

    private static final String CLUSTER_URN =
            "urn:pulumi:prod::storefront::storefront:data:Database$aws:rds/cluster:Cluster::aurora";
    private static final String WRITER_URN =
            "urn:pulumi:prod::storefront::storefront:data:Database$aws:rds/clusterInstance:ClusterInstance::aurora-writer";

    /** What `pulumi stack export` shows of the Aurora cluster and its writer. */
    private static String stateWithAurora(String engineVersion) {
        return new Gson()
                .toJson(Map.of(
                        "deployment",
                        Map.of(
                                "resources",
                                List.of(
                                        Map.of(
                                                "urn",
                                                CLUSTER_URN,
                                                "type",
                                                Types.of(Cluster.class),
                                                "outputs",
                                                Map.of("engineVersion", engineVersion)),
                                        Map.of(
                                                "urn",
                                                WRITER_URN,
                                                "type",
                                                Types.of(ClusterInstance.class),
                                                "outputs",
                                                Map.of())))));
    }

    private void stub(String name, String body) throws IOException {
        com.storefront.testing.StandIns.write(bin, log, name, body);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(bin.resolve(name), content);
    }

    /** The real program's outputs for a stack, as `pulumi stack output --json` prints them. */
    private static Map<String, Object> outputs(String stack) {
        return new LinkedHashMap<>(
                stack.equals("dev") ? Stacks.dev().outputs() : Stacks.prod().outputs());
    }

    private void givenOutputs(Map<String, Object> outputs) throws IOException {
        write("outputs.json", new Gson().toJson(outputs));
    }

    /** ECS's answer for the blue/green service: a primary task set on a revision, a target group and a split. */
    private void givenPrimaryTaskSet(String taskDefinition, String targetGroupArn, int spotWeight) throws IOException {
        @SuppressWarnings("unchecked")
        List<String> subnets = (List<String>) outputs("prod").get("appSubnetIds");
        givenPrimaryTaskSet(taskDefinition, targetGroupArn, spotWeight, subnets);
    }

    private void givenPrimaryTaskSet(String taskDefinition, String targetGroupArn, int spotWeight, List<String> subnets)
            throws IOException {
        // The order ECS lists subnets in need not be ours.
        List<String> reversed = new ArrayList<>(subnets);
        java.util.Collections.reverse(reversed);
        write("services.json", """
                {"services": [{"serviceName": "storefront-api-prod", "status": "ACTIVE",
                  "deploymentController": {"type": "CODE_DEPLOY"}, "taskDefinition": "%1$s", "deployments": [],
                  "taskSets": [{"id": "ecs-svc/1234567890123456789", "status": "PRIMARY", "taskDefinition": "%1$s",
                    "stabilityStatus": "STEADY_STATE", "externalId": "d-PREVIOUS1",
                    "loadBalancers": [{"targetGroupArn": "%2$s", "containerName": "api", "containerPort": 3000}],
                    "networkConfiguration": {"awsvpcConfiguration": {"subnets": %4$s, "securityGroups": ["%5$s"],
                      "assignPublicIp": "DISABLED"}},
                    "capacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1, "base": 2},
                                                 {"capacityProvider": "FARGATE_SPOT", "weight": %3$d, "base": 0}]},
                    {"id": "ecs-svc/9876543210987654321", "status": "ACTIVE", "taskDefinition": "%1$s",
                     "loadBalancers": [{"targetGroupArn": "not-live", "containerName": "api", "containerPort": 3000}]}]}],
                 "failures": []}
                """.formatted(
                        taskDefinition,
                        targetGroupArn,
                        spotWeight,
                        new Gson().toJson(reversed),
                        outputs("prod").get("appSecurityGroupId")));
    }

    private void givenDeploymentStates(String... states) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String state : states) {
            lines.add("{\"deploymentInfo\": {\"deploymentId\": \"d-ABC123\", " + state + "}}");
        }
        write("deployment-states.jsonl", String.join("\n", lines) + "\n");
    }

    private Result runWithPath(String path, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
        builder.environment().put("PATH", path);
        builder.environment().putAll(env);
        Path output = bin.resolve("output.txt");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("the script did not finish in 30 s: " + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private Result run(String... args) throws Exception {
        return runWithPath(bin + ":/usr/bin:/bin", args);
    }

    private List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private String call(String prefix) throws IOException {
        List<String> calls = calls();
        return calls.stream()
                .filter(c -> c.startsWith(prefix))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no call '" + prefix + "' in " + calls));
    }

    private Map<String, Object> prodAfterRelease(String registered) {
        Map<String, Object> outputs = outputs("prod");
        outputs.put("taskDefinitionArn", registered);
        return outputs;
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void withoutACommandItPrintsUsage() throws Exception {
        Result result = run();
        assertEquals(2, result.exit());
        assertTrue(result.output().contains("record <stack> <image>"), result.output());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void recordSetsTheImageInTheStackFileAndCommitsIt() throws Exception {
        Result result = run("record", "prod", IMAGE);
        assertEquals(0, result.exit(), result.output());
        assertEquals(
                List.of(
                        "git ls-files --error-unmatch -- Pulumi.prod.yaml",
                        "git status --porcelain -- Pulumi.prod.yaml",
                        "pulumi config set --stack prod --path storefront:service.image " + IMAGE,
                        "git diff --quiet -- Pulumi.prod.yaml",
                        "git add -- Pulumi.prod.yaml",
                        "git commit --quiet -m release(prod): " + IMAGE + " -- Pulumi.prod.yaml"),
                calls());
        assertTrue(result.output().contains("CI deploys it"), result.output());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void recordRefusesABadImageBeforeTouchingAnything() throws Exception {
        for (String image : List.of("storefront-api", "Registry.example.com/Team/API:1", "repo:-bad")) {
            Result result = run("record", "prod", image);
            assertEquals(1, result.exit(), image);
            assertTrue(result.output().contains("image '" + image + "'"), result.output());
        }
        assertEquals(List.of(), calls());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aMissingToolOrStackFileIsNamed() throws Exception {
        Files.delete(bin.resolve("git"));
        Result noGit = runWithPath(bin.toString(), "record", "prod", IMAGE);
        assertEquals(1, noGit.exit());
        assertTrue(noGit.output().contains("missing tool: git"), noGit.output());

        Result noStack = run("up", "staging");
        assertEquals(1, noStack.exit());
        assertTrue(noStack.output().contains("no stack file Pulumi.staging.yaml"), noStack.output());

        givenOutputs(Map.of("deploymentStrategy", "blueGreen"));
        Result noOutput = run("status", "prod");
        assertEquals(1, noOutput.exit());
        assertTrue(noOutput.output().contains("stack output 'ecsClusterName' is missing"), noOutput.output());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void upOnARollingStackIsOnePulumiUpThatFailsWhenEcsRollsBack() throws Exception {
        givenOutputs(outputs("dev"));
        Result result = run("up", "dev");
        assertEquals(0, result.exit(), result.output());
        assertTrue(
                call("pulumi up").matches("pulumi up --stack dev --config-file /\\S+/Pulumi\\.dev\\.yaml --yes"),
                call("pulumi up"));
        assertTrue(calls().stream().noneMatch(c -> c.startsWith("aws deploy")), calls().toString());
        assertTrue(
                result.output().contains("rolling: ECS runs " + outputs("dev").get("taskDefinitionArn")),
                result.output());
        // The observed config: blue, the one group a rolling stack has.
        assertTrue(Files.readString(bin.resolve("observed-config.yaml"))
                .contains("# set storefront:deployment.liveTargetGroup blue\n"));

        // The program fails the update when ECS rolled the release back; the tool passes that on.
        env.put("PULUMI_UP_EXIT", "255");
        Result rolledBack = run("up", "dev");
        assertEquals(255, rolledBack.exit());
        assertFalse(rolledBack.output().contains("ECS runs"), rolledBack.output());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void upOnABlueGreenStackPassesTheLiveGroupAndDeploysTheNewRevision() throws Exception {
        Map<String, Object> before = outputs("prod");
        String green = (String) before.get("greenTargetGroupArn");
        String registered = NEXT;
        givenOutputs(before);
        write("outputs-after.json", new Gson().toJson(prodAfterRelease(registered)));
        givenPrimaryTaskSet(RUNNING, green, 1);
        givenDeploymentStates(
                "\"status\": \"Created\"",
                "\"status\": \"InProgress\"",
                "\"status\": \"InProgress\"",
                "\"status\": \"Succeeded\"");
        String committed = Files.readString(project.resolve(Stacks.PROD_FILE));

        Result result = run("up", "prod");
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("green serves production"), result.output());
        String observed = Files.readString(bin.resolve("observed-config.yaml"));
        assertTrue(
                observed.startsWith(committed)
                        && observed.endsWith("# set storefront:deployment.liveTargetGroup green\n"
                                + "# set storefront:database.runningEngineVersion 16.6\n"),
                observed);
        assertEquals(
                committed,
                Files.readString(project.resolve(Stacks.PROD_FILE)),
                "the committed stack file is untouched");
        assertFalse(call("pulumi up").contains("--config-file Pulumi.prod.yaml"));

        String deploy = call("aws deploy create-deployment");
        assertTrue(deploy.contains(
                "--application-name storefront-api-prod --deployment-group-name storefront-api-blue-green-prod"));
        Map<String, Object> request =
                Json.parse(deploy.substring(deploy.indexOf("--revision ") + 11, deploy.indexOf(" --description")));
        String appSpec = (String) ((Map<?, ?>) request.get("appSpecContent")).get("content");
        assertTrue(appSpec.contains("\"TaskDefinition\": \"" + registered + "\""), appSpec);
        assertTrue(appSpec.contains("\"CapacityProvider\": \"FARGATE\""), appSpec);
        assertTrue(
                calls().stream().noneMatch(c -> c.contains("register-task-definition")),
                "the tool deploys what Pulumi registered; it never builds a revision of its own");
        assertEquals(
                4,
                calls().stream()
                        .filter(c -> c.startsWith("aws deploy get-deployment --deployment-id d-ABC123"))
                        .count());
        assertTrue(result.output().contains("deployment d-ABC123: InProgress"));
        assertTrue(
                result.output().contains("deployment d-ABC123 succeeded: production runs " + registered),
                result.output());
    }

    /** A stack from before the program owned the execution log group: API Gateway's group is imported once. */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void anUpAdoptsTheExecutionLogGroupApiGatewayCreated() throws Exception {
        Map<String, Object> outputs = prodAfterRelease(RUNNING);
        outputs.remove("apiExecutionLogGroupName");
        givenOutputs(outputs);
        givenPrimaryTaskSet(RUNNING, (String) outputs.get("blueTargetGroupArn"), 1);
        write("log-groups.txt", "1\n");
        String stack = "urn:pulumi:prod::storefront::pulumi:pulumi:Stack::storefront-prod";
        String component = "urn:pulumi:prod::storefront::storefront:api:ApiGateway::api-gateway";
        String provider = "urn:pulumi:prod::storefront::pulumi:providers:aws::aws-primary";
        write(
                "state.json",
                new Gson()
                        .toJson(Map.of(
                                "deployment",
                                Map.of(
                                        "resources",
                                        List.of(
                                                Map.of("urn", stack, "type", "pulumi:pulumi:Stack"),
                                                Map.of(
                                                        "urn",
                                                        provider,
                                                        "type",
                                                        "pulumi:providers:aws",
                                                        "id",
                                                        "0f1e2d3c"),
                                                Map.of(
                                                        "urn",
                                                        "urn:pulumi:prod::storefront::pulumi:providers:aws::aws-us-east-1",
                                                        "type",
                                                        "pulumi:providers:aws"),
                                                Map.of("urn", component, "type", "storefront:api:ApiGateway"))))));

        Result result = run("up", "prod");
        assertEquals(0, result.exit(), result.output());
        String apiId = ((String) outputs.get("apiUrl")).replaceFirst("https://([^.]+)\\..*", "$1");
        String name = "API-Gateway-Execution-Logs_" + apiId + "/v1";
        assertEquals(
                "pulumi import --stack prod --yes --generate-code=false --protect=false aws:cloudwatch/logGroup:LogGroup "
                        + "api-gateway-api-execution-logs " + name + " --parent api-gateway=" + component
                        + " --provider aws-primary=" + provider,
                call("pulumi import"));
        List<String> calls = calls();
        assertTrue(
                calls.indexOf(call("pulumi import")) < calls.indexOf(call("pulumi up")), "imported before the update");
        assertTrue(result.output().contains("adopting " + name), result.output());

        // Not there (a new stage, or logging was off): nothing to adopt.
        Files.delete(log);
        write("log-groups.txt", "0\n");
        assertEquals(0, run("up", "prod").exit());
        assertTrue(calls().stream().noneMatch(c -> c.startsWith("pulumi import")), calls().toString());
        // The program exports the group once it owns it: no lookup at all.
        Files.delete(log);
        givenOutputs(prodAfterRelease(RUNNING));
        assertEquals(0, run("up", "prod").exit());
        assertTrue(calls().stream().noneMatch(c -> c.startsWith("aws logs")), calls().toString());
    }

    /** Internal -> internet-facing replaces the ALB delete-first: AWS refuses that while it is protected. */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void anUpThatReplacesTheAlbSwitchesItsDeletionProtectionOffFirst() throws Exception {
        Map<String, Object> outputs = prodAfterRelease(RUNNING);
        givenOutputs(outputs);
        givenPrimaryTaskSet(RUNNING, (String) outputs.get("blueTargetGroupArn"), 1);
        write(
                "config-values",
                "aws:region=us-east-2\nstorefront:api.manageAccountLogging=true\nstorefront:tls.domainName=origin.shop.example.com\n");
        Result result = run("up", "prod");
        assertEquals(0, result.exit(), result.output());
        // Named from the DNS name the last update exported (internal-<name>-<id>.<region>.elb.amazonaws.com).
        assertTrue(
                call("aws elbv2 describe-load-balancers").contains("LoadBalancerName=='storefront-alb-prod'"),
                call("aws elbv2 describe-load-balancers") + " for " + outputs.get("albDnsName"));
        String modify = call("aws elbv2 modify-load-balancer-attributes");
        assertTrue(modify.contains("Key=deletion_protection.enabled,Value=false"), modify);
        List<String> calls = calls();
        assertTrue(calls.indexOf(modify) < calls.indexOf(call("pulumi up")));
        assertTrue(result.output().contains("becomes internet-facing"), result.output());

        // The update fails before it replaced the ALB: its protection is switched on again.
        Files.delete(log);
        env.put("PULUMI_UP_EXIT", "255");
        assertEquals(255, run("up", "prod").exit());
        List<String> modifies =
                calls().stream().filter(c -> c.startsWith("aws elbv2 modify")).toList();
        assertEquals(2, modifies.size(), calls().toString());
        assertTrue(modifies.get(1).contains("Value=true"), modifies.get(1));
        env.remove("PULUMI_UP_EXIT");

        // The same scheme: nothing touched.
        Files.delete(log);
        write("config-values", "aws:region=us-east-2\nstorefront:api.manageAccountLogging=true\n");
        assertEquals(0, run("up", "prod").exit());
        assertTrue(calls().stream().noneMatch(c -> c.startsWith("aws elbv2 modify")), calls().toString());

        // An ALB a failed update already deleted: nothing to prepare, the update goes ahead.
        Files.delete(log);
        write(
                "config-values",
                "aws:region=us-east-2\nstorefront:api.manageAccountLogging=true\nstorefront:tls.domainName=origin.shop.example.com\n");
        write("alb-gone", "");
        assertEquals(0, run("up", "prod").exit());
        assertTrue(calls().stream().noneMatch(c -> c.startsWith("aws elbv2 modify")), calls().toString());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aConfigKeyThatCannotBeReadStopsTheTool() throws Exception {
        Map<String, Object> outputs = prodAfterRelease(RUNNING);
        givenOutputs(outputs);
        givenPrimaryTaskSet(RUNNING, (String) outputs.get("blueTargetGroupArn"), 1);
        stub("pulumi", """
                case "$1 $2" in
                  "stack output") cat "$BIN/outputs.json" ;;
                  "config get") echo "error: failed to decrypt: incorrect passphrase" >&2; exit 255 ;;
                  "config set") ;;
                esac
                """);
        Result result = run("up", "prod");
        assertEquals(1, result.exit());
        assertTrue(
                result.output().contains("cannot read storefront:api.manageAccountLogging of stack 'prod'"),
                result.output());
        assertTrue(
                calls().stream().noneMatch(c -> c.startsWith("pulumi up") || c.startsWith("aws elbv2 modify")),
                calls().toString());
    }

    /**
     * Without api.manageAccountLogging the account setting leaves the stack, never reset and its role never
     * deleted: in a state from before child names carried their component's name, and in one after.
     */
    @ParameterizedTest
    @ValueSource(strings = {"", "api-gateway-"})
    @Execution(ExecutionMode.CONCURRENT)
    void anUpThatStopsManagingTheAccountLoggingRetainsItInsteadOfResettingIt(String childPrefix) throws Exception {
        Map<String, Object> outputs = prodAfterRelease(RUNNING);
        givenOutputs(outputs);
        givenPrimaryTaskSet(RUNNING, (String) outputs.get("blueTargetGroupArn"), 1);
        write(
                "config-values",
                "aws:region=us-east-2\nstorefront:api.cloudWatchRoleArn=arn:aws:iam::123456789012:role/shared\n");
        String component = "urn:pulumi:prod::storefront::storefront:api:ApiGateway";
        String account = component + "$aws:apigateway/account:Account::" + childPrefix + "apigateway-account";
        String role = component + "$aws:iam/role:Role::" + childPrefix + "apigateway-cloudwatch-role";
        String attachment = component + "$aws:iam/rolePolicyAttachment:RolePolicyAttachment::" + childPrefix
                + "apigateway-cloudwatch-policy";
        write(
                "state.json",
                new Gson()
                        .toJson(Map.of(
                                "deployment",
                                Map.of(
                                        "resources",
                                        List.of(
                                                Map.of(
                                                        "urn",
                                                        component + "::api-gateway",
                                                        "type",
                                                        "storefront:api:ApiGateway"),
                                                Map.of("urn", role, "type", Types.of(Role.class)),
                                                Map.of("urn", attachment, "type", Types.of(RolePolicyAttachment.class)),
                                                Map.of("urn", account, "type", Types.of(Account.class)),
                                                Map.of(
                                                        "urn",
                                                        component + "$aws:iam/role:Role::other-role",
                                                        "type",
                                                        Types.of(Role.class)))))));
        Result result = run("up", "prod");
        assertEquals(0, result.exit(), result.output());
        // Retained in the state, so the update drops them without touching AWS; nothing deleted from the state.
        Map<String, Object> imported = Json.parse(Files.readString(bin.resolve("imported-state.json")));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> resources =
                (List<Map<String, Object>>) ((Map<String, Object>) imported.get("deployment")).get("resources");
        Map<String, Object> retained = new java.util.TreeMap<>();
        resources.forEach(r -> retained.put((String) r.get("urn"), r.getOrDefault("retainOnDelete", false)));
        assertEquals(
                Map.of(
                        component + "::api-gateway",
                        false,
                        role,
                        true,
                        attachment,
                        true,
                        account,
                        true,
                        component + "$aws:iam/role:Role::other-role",
                        false),
                retained);
        assertTrue(calls().indexOf(call("pulumi stack import")) < calls().indexOf(call("pulumi up")));
        assertTrue(calls().stream().noneMatch(c -> c.startsWith("pulumi state")), calls().toString());

        // Already retained (the program marks them so since this version): nothing to import.
        Files.delete(log);
        Files.copy(
                bin.resolve("imported-state.json"),
                bin.resolve("state.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(0, run("up", "prod").exit());
        assertTrue(calls().stream().noneMatch(c -> c.startsWith("pulumi stack import")), calls().toString());

        // Managed (the committed prod file): nothing forgotten.
        Files.delete(log);
        write("config-values", "aws:region=us-east-2\nstorefront:api.manageAccountLogging=true\n");
        assertEquals(0, run("up", "prod").exit());
        assertTrue(calls().stream().noneMatch(c -> c.startsWith("pulumi stack import")), calls().toString());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void anUnrelatedUpDeploysNothingWhenEcsAlreadyRunsTheRevision() throws Exception {
        Map<String, Object> outputs = prodAfterRelease(RUNNING);
        givenOutputs(outputs);
        givenPrimaryTaskSet(RUNNING, (String) outputs.get("blueTargetGroupArn"), 1);
        Result result = run("up", "prod");
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("blue serves production"), result.output());
        assertTrue(result.output().contains("nothing to roll out"), result.output());
        assertTrue(calls().stream().noneMatch(c -> c.startsWith("aws deploy create-deployment")), calls().toString());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aNewCapacitySplitIsDeployedThroughCodeDeploy() throws Exception {
        Map<String, Object> outputs = prodAfterRelease(RUNNING);
        givenOutputs(outputs);
        givenPrimaryTaskSet(RUNNING, (String) outputs.get("blueTargetGroupArn"), 3);
        givenDeploymentStates("\"status\": \"Succeeded\"");
        Result result = run("up", "prod");
        assertEquals(0, result.exit(), result.output());
        call("aws deploy create-deployment");
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aFailedDeploymentFailsWithCodeDeploysErrorAndRollback() throws Exception {
        givenOutputs(prodAfterRelease(NEXT));
        givenPrimaryTaskSet(RUNNING, (String) outputs("prod").get("blueTargetGroupArn"), 1);
        givenDeploymentStates(
                "\"status\": \"InProgress\"",
                "\"status\": \"Stopped\", "
                        + "\"errorInformation\": {\"code\": \"ALARM_ACTIVE\", \"message\": \"One or more alarms have been activated: storefront-api-target-5xx-prod\"}, "
                        + "\"rollbackInfo\": {\"rollbackDeploymentId\": \"d-ROLLBACK1\", \"rollbackMessage\": \"Deployment stopped; rolled back\"}");
        Result result = run("up", "prod");
        assertEquals(1, result.exit());
        assertTrue(
                result.output().contains("CodeDeploy: ALARM_ACTIVE: One or more alarms have been activated"),
                result.output());
        assertTrue(result.output().contains("(deployment d-ROLLBACK1)"), result.output());
        assertTrue(result.output().contains("deployment d-ABC123 Stopped"), result.output());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void itWaitsAsLongAsTheConfiguredShiftNeedsAndThenSaysSo() throws Exception {
        Map<String, Object> outputs = prodAfterRelease(NEXT);
        // The program computes the wait; prod's canary of 5 minutes with a 5-minute termination wait:
        assertEquals(30.0, ((Number) outputs.get("rolloutTimeoutMinutes")).doubleValue());
        outputs.put("rolloutTimeoutMinutes", 0);
        givenOutputs(outputs);
        givenPrimaryTaskSet(RUNNING, (String) outputs.get("blueTargetGroupArn"), 1);
        givenDeploymentStates("\"status\": \"InProgress\"");
        env.put("DEPLOY_IMAGE_STOP_WAIT_SECONDS", "0");
        Result result = run("up", "prod");
        assertEquals(1, result.exit());
        assertTrue(result.output().contains("still running after 0 minutes"), result.output());
        assertTrue(
                result.output()
                        .contains("did not stop within 0 minutes: aws deploy get-deployment --deployment-id d-ABC123"),
                result.output());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void upRefusesWhileADeploymentIsInProgress() throws Exception {
        givenOutputs(outputs("prod"));
        write("in-progress.json", "{\"deployments\": [\"d-INFLIGHT\"]}");
        Result result = run("up", "prod");
        assertEquals(1, result.exit());
        assertTrue(result.output().contains("d-INFLIGHT is in progress"), result.output());
        assertTrue(calls().stream().noneMatch(c -> c.startsWith("pulumi up")), calls().toString());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void theFirstDeployOfABlueGreenStackStartsOnBlue() throws Exception {
        givenOutputs(Map.of());
        write("outputs-after.json", new Gson().toJson(outputs("prod")));
        givenPrimaryTaskSet(
                (String) outputs("prod").get("taskDefinitionArn"),
                (String) outputs("prod").get("blueTargetGroupArn"),
                1);
        Result result = run("up", "prod");
        assertEquals(0, result.exit(), result.output());
        assertTrue(Files.readString(bin.resolve("observed-config.yaml")).endsWith("liveTargetGroup blue\n"));
        assertTrue(result.output().contains("nothing to roll out"), result.output());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void statusShowsWhatRunsAgainstWhatIsRegistered() throws Exception {
        Map<String, Object> outputs = prodAfterRelease(NEXT);
        givenOutputs(outputs);
        givenPrimaryTaskSet(RUNNING, (String) outputs.get("greenTargetGroupArn"), 1);
        Result result = run("status", "prod");
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("running:    " + RUNNING + " (" + IMAGE + ")"), result.output());
        assertTrue(result.output().contains("live:       green"), result.output());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void recordRefusesAStackFileWithOtherChangesOrOutsideGit() throws Exception {
        env.put("GIT_DIRTY", "1");
        Result dirty = run("record", "prod", IMAGE);
        assertEquals(1, dirty.exit());
        assertTrue(dirty.output().contains("has uncommitted changes"), dirty.output());
        env.remove("GIT_DIRTY");
        env.put("GIT_UNTRACKED", "1");
        Result untracked = run("record", "prod", IMAGE);
        assertEquals(1, untracked.exit());
        assertTrue(untracked.output().contains("is not tracked by git"), untracked.output());
        assertTrue(
                calls().stream().noneMatch(c -> c.startsWith("pulumi config set") || c.startsWith("git commit")),
                calls().toString());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aRollingDeploymentThatEcsRolledBackFailsEvenOnTheSameRevision() throws Exception {
        // A new capacity split deploys the same revision; the circuit breaker can still roll it back.
        givenOutputs(outputs("dev"));
        write("service-deployments.json", """
                {"serviceDeployments": [{"serviceDeploymentArn": "arn:aws:ecs:us-west-2:123456789012:service-deployment/storefront-cluster-dev/storefront-api-dev/Rb1",
                  "status": "ROLLBACK_SUCCESSFUL", "statusReason": "ECS deployment circuit breaker: tasks failed to start."}]}
                """);
        Result result = run("up", "dev");
        assertEquals(1, result.exit());
        assertTrue(
                result.output().contains("ROLLBACK_SUCCESSFUL: ECS deployment circuit breaker: tasks failed to start."),
                result.output());
        assertTrue(
                call("aws ecs list-service-deployments")
                        .matches(
                                "aws ecs list-service-deployments --cluster storefront-cluster-dev --service storefront-api-dev "
                                        + "--created-at after=\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z --output json"),
                call("aws ecs list-service-deployments"));
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aPreviewDuringADeploymentWarnsAndGoesOn() throws Exception {
        Map<String, Object> outputs = outputs("prod");
        givenOutputs(outputs);
        givenPrimaryTaskSet(RUNNING, (String) outputs.get("greenTargetGroupArn"), 1);
        write("in-progress.json", "{\"deployments\": [\"d-INFLIGHT\"]}");
        Result result = run("preview", "prod", "--non-interactive");
        assertEquals(0, result.exit(), result.output());
        assertTrue(
                result.output().contains("warning: CodeDeploy deployment d-INFLIGHT is in progress"), result.output());
        assertTrue(
                call("pulumi preview")
                        .matches(
                                "pulumi preview --stack prod --config-file \\S+/Pulumi\\.prod\\.yaml --diff --non-interactive"),
                call("pulumi preview"));
        assertTrue(Files.readString(bin.resolve("observed-config.yaml")).contains("liveTargetGroup green\n"));
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void pastTheDeadlineTheDeploymentIsStoppedAndRolledBack() throws Exception {
        Map<String, Object> outputs = prodAfterRelease(NEXT);
        outputs.put("rolloutTimeoutMinutes", 0);
        givenOutputs(outputs);
        givenPrimaryTaskSet(RUNNING, (String) outputs.get("blueTargetGroupArn"), 1);
        givenDeploymentStates(
                "\"status\": \"InProgress\"",
                "\"status\": \"Stopped\", \"errorInformation\": "
                        + "{\"code\": \"DEPLOYMENT_STOPPED\", \"message\": \"The deployment was stopped by the user\"}, "
                        + "\"rollbackInfo\": {\"rollbackDeploymentId\": \"d-ROLLBACK2\"}");
        Result result = run("up", "prod");
        assertEquals(1, result.exit());
        assertTrue(
                calls().contains(
                                "aws deploy stop-deployment --deployment-id d-ABC123 --auto-rollback-enabled --output json"),
                calls().toString());
        assertTrue(result.output().contains("still running after 0 minutes"), result.output());
        assertTrue(result.output().contains("CodeDeploy: DEPLOYMENT_STOPPED"), result.output());
        assertTrue(result.output().contains("(deployment d-ROLLBACK2)"), result.output());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aThrottledPollIsRetried() throws Exception {
        Map<String, Object> outputs = prodAfterRelease(NEXT);
        givenOutputs(outputs);
        givenPrimaryTaskSet(RUNNING, (String) outputs.get("blueTargetGroupArn"), 1);
        givenDeploymentStates("\"status\": \"Succeeded\"");
        write("throttle-once", "");
        Result result = run("up", "prod");
        assertEquals(0, result.exit(), result.output());
        assertEquals(
                2,
                calls().stream()
                        .filter(c -> c.startsWith("aws deploy get-deployment"))
                        .count());
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aNewNetworkConfigurationIsDeployedThroughCodeDeploy() throws Exception {
        // Pulumi leaves the service's network configuration to CodeDeploy: a new subnet set needs a deployment.
        Map<String, Object> outputs = prodAfterRelease(RUNNING);
        givenOutputs(outputs);
        givenPrimaryTaskSet(
                RUNNING, (String) outputs.get("blueTargetGroupArn"), 1, List.of("subnet-0old0000000000001"));
        givenDeploymentStates("\"status\": \"Succeeded\"");
        assertEquals(0, run("up", "prod").exit());
        String deploy = call("aws deploy create-deployment");
        assertTrue(deploy.contains("--description storefront release storefront-api-prod:41"), deploy);
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void everyOutputTheScriptReadsIsExported() throws IOException {
        Matcher matcher = Pattern.compile("output ([a-zA-Z]+)\\)").matcher(Files.readString(SCRIPT));
        Set<String> read = new TreeSet<>();
        while (matcher.find()) {
            read.add(matcher.group(1));
        }
        assertTrue(
                read.containsAll(Set.of(
                        "taskDefinitionArn",
                        "codeDeployAppSpecTemplate",
                        "rolloutTimeoutMinutes",
                        "blueTargetGroupArn",
                        "greenTargetGroupArn")),
                read.toString());
        assertTrue(outputs("prod").keySet().containsAll(read), () -> "missing in prod: " + read);
        assertEquals("blueGreen", outputs("prod").get("deploymentStrategy"));
        assertTrue(outputs("dev").keySet().containsAll(Set.of("deploymentStrategy", "taskDefinitionArn")));
        assertEquals("rolling", outputs("dev").get("deploymentStrategy"));
    }

    /** AWS upgraded the minor version: the update declares what runs, never a downgrade. */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void theRunningAuroraVersionIsPassedToTheUpdate() throws Exception {
        Map<String, Object> outputs = prodAfterRelease(RUNNING);
        givenOutputs(outputs);
        givenPrimaryTaskSet(RUNNING, (String) outputs.get("blueTargetGroupArn"), 1);
        write("engine-version.txt", "16.8\n");
        assertEquals(0, run("up", "prod").exit());
        // The state still says 16.6: the cluster and its writer are refreshed first, so 16.8 is no change.
        assertEquals(
                "pulumi refresh --stack prod --yes --skip-preview --target " + CLUSTER_URN + " --target " + WRITER_URN,
                call("pulumi refresh"));
        assertTrue(calls().indexOf(call("pulumi refresh")) < calls().indexOf(call("pulumi up")));
        assertTrue(call("aws rds describe-db-clusters")
                .contains("Name=db-cluster-id,Values=" + outputs.get("dbClusterIdentifier")));
        assertTrue(Files.readString(bin.resolve("observed-config.yaml"))
                .contains("# set storefront:database.runningEngineVersion 16.8"));
        assertEquals(
                Files.readString(Path.of(Stacks.PROD_FILE)),
                Files.readString(project.resolve(Stacks.PROD_FILE)),
                "the committed stack file never records it");

        // Once the state agrees, no refresh.
        Files.delete(log);
        write("state.json", stateWithAurora("16.8"));
        assertEquals(0, run("up", "prod").exit());
        assertTrue(calls().stream().noneMatch(c -> c.startsWith("pulumi refresh")), calls().toString());

        // A stack that has no cluster yet: nothing observed.
        Files.delete(log);
        write("engine-version.txt", "None\n");
        assertEquals(0, run("up", "prod").exit());
        assertFalse(Files.readString(bin.resolve("observed-config.yaml")).contains("runningEngineVersion"));
    }

    /** DR: without the region's Aurora opt-in AWS Backup skips the cluster silently; the deploy says so and stops. */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void anUpWithDrStopsWhenTheAuroraOptInIsOff() throws Exception {
        Map<String, Object> outputs = prodAfterRelease(RUNNING);
        givenOutputs(outputs);
        givenPrimaryTaskSet(RUNNING, (String) outputs.get("blueTargetGroupArn"), 1);
        write("aurora-opt-in.txt", "False\n");
        Result result = run("up", "prod");
        assertEquals(1, result.exit());
        assertTrue(
                result.output()
                        .contains("aws backup update-region-settings --region us-east-2 "
                                + "--resource-type-opt-in-preference Aurora=true"),
                result.output());
        assertTrue(calls().stream().noneMatch(c -> c.startsWith("pulumi up")), calls().toString());
        // Checked, never set: the tool changes no account-wide setting.
        assertTrue(calls().stream().noneMatch(c -> c.contains("update-region-settings")));

        // Dev has no DR: no check.
        Files.delete(log);
        givenOutputs(outputs("dev"));
        assertEquals(0, run("up", "dev").exit());
        assertTrue(calls().stream().noneMatch(c -> c.contains("describe-region-settings")), calls().toString());
    }

    /** CI's credentials default to us-east-1: every AWS call goes to the stack's own region. */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void everyAwsCallGoesToTheStacksRegion() throws Exception {
        Map<String, Object> outputs = prodAfterRelease(RUNNING);
        givenOutputs(outputs);
        givenPrimaryTaskSet(RUNNING, (String) outputs.get("blueTargetGroupArn"), 1);
        env.put("AWS_REGION", "us-east-1");
        assertEquals(0, run("up", "prod").exit());
        List<String> regions = Files.readAllLines(bin.resolve("regions.log"));
        assertFalse(regions.isEmpty());
        assertEquals(java.util.Set.of("us-east-2"), java.util.Set.copyOf(regions), "from the stack's region output");
    }

    /** A pull request's preview writes nothing to the state: no refresh, even when AWS upgraded Aurora. */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aPreviewNeverRefreshes() throws Exception {
        Map<String, Object> outputs = prodAfterRelease(RUNNING);
        givenOutputs(outputs);
        givenPrimaryTaskSet(RUNNING, (String) outputs.get("blueTargetGroupArn"), 1);
        write("engine-version.txt", "16.8\n");
        assertEquals(0, run("preview", "prod").exit());
        assertTrue(calls().stream().noneMatch(c -> c.startsWith("pulumi refresh")), calls().toString());
        assertTrue(Files.readString(bin.resolve("observed-config.yaml")).contains("runningEngineVersion 16.8"));
    }
}
