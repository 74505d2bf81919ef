package com.storefront.dr;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventRuleArgs;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.EventTargetArgs;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.inputs.EventTargetInputTransformerArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.core.ChildNames;
import com.storefront.naming.Naming;
import com.storefront.observability.AlarmSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DR that fails loudly (DR-5): AWS Backup job and copy job failures reach the alarm topic through
 * EventBridge (both are reported in the primary region, where the jobs run); a backup that silently
 * never happens (the region's Aurora opt-in off, a broken selection) raises an alarm after 26 hours
 * without a completed Aurora backup; and failed S3 replication raises an alarm.
 */
final class DrAlerts {

    static final String BACKUP_SOURCE = "aws.backup";
    static final List<String> FAILED_BACKUP_STATES = List.of("FAILED", "ABORTED", "EXPIRED");
    /** A daily plan completes a job at least once a day; two hours of slack for its start and completion windows. */
    static final int HOURS_WITHOUT_BACKUP = 26;

    private DrAlerts() {}

    /** Returns the names of the alarms it creates. */
    static List<Output<String>> create(
            DisasterRecoveryArgs args,
            Output<String> primaryVaultName,
            Output<String> primaryVaultArn,
            Output<String> replicaBucketName,
            String replicationRuleId,
            CustomResourceOptions primary) {
        Naming naming = args.naming();
        jobFailures(
                "backup-job-failed",
                naming.name("backup-failed"),
                "Backup Job State Change",
                "state",
                FAILED_BACKUP_STATES,
                "backupVaultName",
                primaryVaultName,
                "backupJobId",
                args,
                primary);
        jobFailures(
                "copy-job-failed",
                naming.name("backup-copy-failed"),
                "Copy Job State Change",
                "state",
                List.of("FAILED"),
                "sourceBackupVaultArn",
                primaryVaultArn,
                "copyJobId",
                args,
                primary);

        List<Output<String>> alarms = new ArrayList<>();
        MetricAlarm stale = new AlarmSpec(
                        "alarm-no-aurora-backup",
                        naming.name("no-aurora-backup"),
                        "No completed AWS Backup job for Aurora in " + HOURS_WITHOUT_BACKUP + " hours: check the "
                                + "region's Aurora opt-in (aws backup describe-region-settings), the plan and the selection (README, DR)",
                        "AWS/Backup",
                        "NumberOfBackupJobsCompleted",
                        primaryVaultName.applyValue(
                                vault -> Map.of("BackupVaultName", vault, "ResourceType", "Aurora")),
                        "Sum",
                        3600,
                        HOURS_WITHOUT_BACKUP,
                        Optional.of(HOURS_WITHOUT_BACKUP),
                        "LessThanThreshold",
                        1.0,
                        // AWS Backup reports only nonzero values: silence is exactly what this alarm is for.
                        "breaching",
                        args.alarmTopicArn(),
                        true)
                .create(primary);
        alarms.add(stale.name());
        MetricAlarm replication = new AlarmSpec(
                        "alarm-assets-replication-failed",
                        naming.name("assets-replication-failed"),
                        "S3 could not replicate asset objects to the DR bucket (replication metrics)",
                        "AWS/S3",
                        "OperationsFailedReplication",
                        Output.tuple(args.assetsVersionedBucketId(), replicaBucketName)
                                .applyValue(t -> Map.of(
                                        "SourceBucket", t.t1, "DestinationBucket", t.t2, "RuleId", replicationRuleId)),
                        "Sum",
                        300,
                        1,
                        Optional.empty(),
                        "GreaterThanThreshold",
                        0.0,
                        // Reported while objects replicate; silence means nothing failed.
                        "notBreaching",
                        args.alarmTopicArn(),
                        true)
                .create(primary);
        alarms.add(replication.name());
        return alarms;
    }

    private static void jobFailures(
            String logicalName,
            String name,
            String detailType,
            String stateField,
            List<String> states,
            String vaultField,
            Output<String> vault,
            String jobIdField,
            DisasterRecoveryArgs args,
            CustomResourceOptions primary) {
        EventRule rule = new EventRule(
                ChildNames.of(primary, logicalName),
                EventRuleArgs.builder()
                        .name(name)
                        .description("Storefront " + args.naming().suffix() + ": " + detailType + " to "
                                + String.join("/", states))
                        .eventPattern(vault.applyValue(v -> pattern(detailType, stateField, states, vaultField, v)))
                        .build(),
                primary);
        new EventTarget(
                ChildNames.of(primary, logicalName + "-to-alarms"),
                EventTargetArgs.builder()
                        .rule(rule.name())
                        .arn(args.alarmTopicArn())
                        .inputTransformer(EventTargetInputTransformerArgs.builder()
                                .inputPaths(Map.of(
                                        "job",
                                        "$.detail." + jobIdField,
                                        "state",
                                        "$.detail." + stateField,
                                        "resource",
                                        "$.detail.resourceArn",
                                        "message",
                                        "$.detail.statusMessage",
                                        "region",
                                        "$.region"))
                                .inputTemplate("\"AWS Backup (" + args.naming().suffix() + "): " + detailType
                                        + " <job> is <state> for <resource> in <region>: <message>\"")
                                .build())
                        .build(),
                primary);
    }

    static String pattern(String detailType, String stateField, List<String> states, String vaultField, String vault) {
        JsonObject detail = new JsonObject();
        JsonArray stateValues = new JsonArray();
        states.forEach(stateValues::add);
        detail.add(stateField, stateValues);
        JsonArray vaults = new JsonArray();
        vaults.add(vault);
        detail.add(vaultField, vaults);
        JsonObject pattern = new JsonObject();
        JsonArray source = new JsonArray();
        source.add(BACKUP_SOURCE);
        pattern.add("source", source);
        JsonArray type = new JsonArray();
        type.add(detailType);
        pattern.add("detail-type", type);
        pattern.add("detail", detail);
        return pattern.toString();
    }
}
