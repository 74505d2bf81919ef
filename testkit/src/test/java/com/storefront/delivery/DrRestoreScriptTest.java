package com.storefront.delivery;

import com.google.gson.Gson;
import com.storefront.plan.Json;
import com.storefront.testing.Stacks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** DR-5: the restore tool's AWS calls, in order, against stand-in pulumi and aws commands. */
class DrRestoreScriptTest {

    private static final Path SCRIPT = Path.of("scripts/dr-restore.sh").toAbsolutePath();
    private static final String OLD = "arn:aws:rds:us-west-2:123456789012:cluster-snapshot:awsbackup:copyjob-1111";
    private static final String NEWEST = "arn:aws:rds:us-west-2:123456789012:cluster-snapshot:awsbackup:copyjob-2222";

    @TempDir
    Path bin;

    private Path log;

    record Result(int exit, String output) {}

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/jq")), "jq is installed by .ci/run");
        log = bin.resolve("calls.log");
        write("outputs.json", new Gson().toJson(Stacks.prod().outputs()));
        stub("pulumi", "cat \"$BIN/outputs.json\"");
        stub("aws", """
                shift 2  # --region <dr region>
                case "$1 $2" in
                  "backup list-recovery-points-by-backup-vault") cat "$BIN/points.json" ;;
                  "backup get-recovery-point-restore-metadata")
                    echo '{"RestoreMetadata": {"AvailabilityZones": "[\\"us-east-2a\\",\\"us-east-2b\\"]",
                      "DBClusterIdentifier": "storefront-aurora-prod", "DBClusterParameterGroupName": "storefront-aurora-pg16-prod-x",
                      "DBSubnetGroupName": "storefront-aurora-prod", "Engine": "aurora-postgresql", "EngineVersion": "16.6",
                      "Port": "5432", "VpcSecurityGroupIds": "[\\"sg-primary\\"]", "KmsKeyId": "arn:aws:kms:us-east-2:1:key/x"}}' ;;
                  "backup start-restore-job")
                    prev=""; for a in "$@"; do [ "$prev" = "--metadata" ] && cp "${a#file://}" "$BIN/metadata.json"; prev=$a; done
                    echo '{"RestoreJobId": "job-42"}' ;;
                  "backup describe-restore-job")
                    head -n 1 "$BIN/restore-states.jsonl"
                    if [ "$(wc -l < "$BIN/restore-states.jsonl")" -gt 1 ]; then sed -i 1d "$BIN/restore-states.jsonl"; fi ;;
                  "rds modify-db-cluster") echo '{}' ;;
                  "rds wait") ;;
                  "rds create-db-instance") echo '{}' ;;
                  "rds describe-db-clusters")
                    if [ "$3" = --filters ]; then cat "$BIN/existing-clusters.json"; exit 0; fi
                    echo '{"DBClusters": [{"Status": "available", "Endpoint": "storefront-aurora-prod-dr.cluster-abc.us-west-2.rds.amazonaws.com",
                      "Port": 5432, "MasterUserSecret": {"SecretArn": "arn:aws:secretsmanager:us-west-2:1:secret:rds!cluster-x", "SecretStatus": "active"}}]}' ;;
                  "rds describe-db-instances") cat "$BIN/existing-instances.json" ;;
                  *) echo "unexpected aws call: $*" >&2; exit 1 ;;
                esac
                """);
        write("points.json", """
                {"RecoveryPoints": [
                  {"RecoveryPointArn": "%s", "Status": "COMPLETED", "CreationDate": "2026-11-29T05:10:00Z",
                   "ResourceArn": "arn:aws:rds:us-east-2:123456789012:cluster:storefront-aurora-prod"},
                  {"RecoveryPointArn": "%s", "Status": "COMPLETED", "CreationDate": "2026-11-30T05:10:00Z",
                   "ResourceArn": "arn:aws:rds:us-east-2:123456789012:cluster:storefront-aurora-prod"},
                  {"RecoveryPointArn": "arn:aws:rds:us-west-2:1:cluster-snapshot:awsbackup:copyjob-3333", "Status": "PARTIAL",
                   "CreationDate": "2026-12-01T05:10:00Z", "ResourceArn": "arn:aws:rds:us-east-2:123456789012:cluster:storefront-aurora-prod"}]}
                """.formatted(OLD, NEWEST));
        write("existing-clusters.json", "{\"DBClusters\": []}");
        write("existing-instances.json", "{\"DBInstances\": []}");
        write(
                "restore-states.jsonl",
                "{\"Status\": \"PENDING\"}\n{\"Status\": \"RUNNING\"}\n{\"Status\": \"COMPLETED\"}\n");
    }

    private void stub(String name, String body) throws IOException {
        com.storefront.testing.StandIns.write(bin, log, name, body);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(bin.resolve(name), content);
    }

    private List<String> calls() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    private Result run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("/bin/bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PATH", bin + ":/usr/bin:/bin");
        builder.environment().put("DR_RESTORE_POLL_SECONDS", "0");
        Path output = bin.resolve("output.txt");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the script did not finish in 30 s: " + Files.readString(output));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    /** The call's subcommand, without the region every call names. */
    private List<String> verbs() throws IOException {
        return calls().stream()
                .filter(c -> c.startsWith("aws "))
                .map(c -> {
                    String[] words = c.split(" ");
                    return words[3] + " " + words[4];
                })
                .toList();
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void itRestoresTheNewestCopyWithItsWriterAndPrintsTheEndpoint() throws Exception {
        Result result = run("prod");
        assertEquals(0, result.exit(), result.output());
        assertEquals(
                List.of(
                        "rds describe-db-clusters",
                        "backup list-recovery-points-by-backup-vault",
                        "backup get-recovery-point-restore-metadata",
                        "backup start-restore-job",
                        "backup describe-restore-job",
                        "backup describe-restore-job",
                        "backup describe-restore-job",
                        "rds describe-db-clusters",
                        "rds modify-db-cluster",
                        "rds describe-db-clusters",
                        "rds describe-db-instances",
                        "rds create-db-instance",
                        "rds wait",
                        "rds describe-db-clusters"),
                verbs());
        assertTrue(
                calls().stream()
                        .filter(c -> c.startsWith("aws "))
                        .allMatch(c -> c.startsWith("aws --region us-west-2 ")),
                "everything happens in the DR region");
        String start = calls().stream()
                .filter(c -> c.contains("start-restore-job"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                start.contains("--recovery-point-arn " + NEWEST),
                "the newest completed point, not a partial one: " + start);
        @SuppressWarnings("unchecked")
        Map<String, Object> restore = (Map<String, Object>) Stacks.prod().output("drRestore");
        assertTrue(start.contains("--iam-role-arn " + restore.get("roleArn")));

        Map<String, Object> metadata = Json.parse(Files.readString(bin.resolve("metadata.json")));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("Engine", "aurora-postgresql");
        expected.put("EngineVersion", "16.6");
        expected.put("Port", "5432");
        expected.put("DBClusterIdentifier", "storefront-aurora-prod-dr");
        expected.put("DBSubnetGroupName", restore.get("subnetGroupName"));
        expected.put("VpcSecurityGroupIds", "[\"" + restore.get("securityGroupId") + "\"]");
        expected.put("KmsKeyId", restore.get("kmsKeyArn"));
        expected.put("CopyTagsToSnapshot", "true");
        assertEquals(expected, metadata, "the primary region's zones, groups and key are gone");

        String modify = calls().stream()
                .filter(c -> c.contains("modify-db-cluster"))
                .findFirst()
                .orElseThrow();
        assertTrue(modify.contains("--serverless-v2-scaling-configuration MinCapacity=0.5,MaxCapacity=8"), modify);
        assertTrue(modify.contains(
                "--manage-master-user-password --master-user-secret-kms-key-id " + restore.get("kmsKeyArn")));
        String create = calls().stream()
                .filter(c -> c.contains("create-db-instance"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                create.contains("--db-instance-identifier storefront-aurora-prod-dr-1 --db-cluster-identifier "
                        + "storefront-aurora-prod-dr --engine aurora-postgresql --db-instance-class db.serverless"),
                create);
        assertTrue(
                result.output().contains("endpoint: storefront-aurora-prod-dr.cluster-abc.us-west-2.rds.amazonaws.com"),
                result.output());
        assertTrue(result.output().contains("master secret: arn:aws:secretsmanager:us-west-2:1:secret:rds!cluster-x"));
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aTestRestoreUsesItsOwnNameAndAGivenPoint() throws Exception {
        Result result = run("prod", "--name", "storefront-drtest-prod", "--recovery-point", OLD);
        assertEquals(0, result.exit(), result.output());
        assertFalse(verbs().contains("backup list-recovery-points-by-backup-vault"));
        assertTrue(calls().stream().anyMatch(c -> c.contains("start-restore-job --recovery-point-arn " + OLD)));
        assertEquals(
                "storefront-drtest-prod",
                Json.parse(Files.readString(bin.resolve("metadata.json"))).get("DBClusterIdentifier"));
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aFailedRestoreStopsWithAwsBackupsMessage() throws Exception {
        write(
                "restore-states.jsonl",
                "{\"Status\": \"RUNNING\"}\n{\"Status\": \"FAILED\", \"StatusMessage\": \"Access denied to KMS key\"}\n");
        Result result = run("prod");
        assertEquals(1, result.exit());
        assertTrue(
                result.output().contains("restore job job-42 ended FAILED: Access denied to KMS key"), result.output());
        assertFalse(verbs().contains("rds create-db-instance"));
    }

    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void withoutACopyOrWithoutDrItSaysSo() throws Exception {
        write("points.json", "{\"RecoveryPoints\": []}");
        Result none = run("prod");
        assertEquals(1, none.exit());
        assertTrue(none.output().contains("no completed Aurora recovery point"), none.output());

        write("outputs.json", new Gson().toJson(Stacks.dev().outputs()));
        Result dev = run("dev");
        assertEquals(1, dev.exit());
        assertTrue(dev.output().contains("has no drRestore output"), dev.output());
        assertEquals(2, run().exit(), "usage");
    }

    /** An interrupted restore is run again: the cluster it restored is kept, the writer added once. */
    @Test
    @Execution(ExecutionMode.CONCURRENT)
    void aRerunGoesOnWithTheClusterItAlreadyRestored() throws Exception {
        write("existing-clusters.json", "{\"DBClusters\": [{\"DBClusterIdentifier\": \"storefront-aurora-prod-dr\"}]}");
        write(
                "existing-instances.json",
                "{\"DBInstances\": [{\"DBInstanceIdentifier\": \"storefront-aurora-prod-dr-1\"}]}");
        Result result = run("prod");
        assertEquals(0, result.exit(), result.output());
        assertTrue(verbs().stream().noneMatch(v -> v.startsWith("backup ")), verbs().toString());
        assertFalse(verbs().contains("rds create-db-instance"));
        assertTrue(result.output().contains("endpoint: storefront-aurora-prod-dr.cluster-abc"), result.output());
    }
}
