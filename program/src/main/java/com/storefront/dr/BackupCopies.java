package com.storefront.dr;

import com.pulumi.aws.backup.Plan;
import com.pulumi.aws.backup.PlanArgs;
import com.pulumi.aws.backup.Selection;
import com.pulumi.aws.backup.SelectionArgs;
import com.pulumi.aws.backup.Vault;
import com.pulumi.aws.backup.VaultArgs;
import com.pulumi.aws.backup.inputs.PlanRuleArgs;
import com.pulumi.aws.backup.inputs.PlanRuleCopyActionArgs;
import com.pulumi.aws.backup.inputs.PlanRuleCopyActionLifecycleArgs;
import com.pulumi.aws.backup.inputs.PlanRuleLifecycleArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.config.DrSettings;
import com.storefront.core.ChildNames;
import com.storefront.iam.PolicyDocument;
import com.storefront.naming.NameLimit;

import java.util.List;

/**
 * Aurora backups copied to the DR region (DR-3) with AWS Backup: RDS cross-region automated backups
 * do not cover Aurora, so a daily plan backs the cluster up into a primary vault and copies every
 * recovery point into a vault in the DR region.
 */
final class BackupCopies {

    static final String BACKUP = "backup.amazonaws.com";
    /** Backup rights only; restores use their own role (RestoreTarget). */
    static final List<String> SERVICE_ROLE_POLICIES =
            List.of("arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup");

    /** The vaults. */
    record Vaults(Output<String> primary, Output<String> dr, Output<String> primaryArn) {}

    private BackupCopies() {}

    static Vaults create(DisasterRecoveryArgs args, CustomResourceOptions primary, CustomResourceOptions dr) {
        DrSettings settings = args.settings();
        // A decommission keeps both vaults with their recovery points (the DR copies included); a force delete
        // empties them. Retained, not force-destroyed: a vault with recovery points cannot be deleted.
        boolean keep = args.teardown().keepsData();
        CustomResourceOptions primaryVaultOptions = CustomResourceOptions.merge(
                primary,
                CustomResourceOptions.builder()
                        .protect(args.protect())
                        .retainOnDelete(keep)
                        .build());
        CustomResourceOptions drVaultOptions = CustomResourceOptions.merge(
                dr,
                CustomResourceOptions.builder()
                        .protect(args.protect())
                        .retainOnDelete(keep)
                        .build());
        Vault primaryVault = new Vault(
                ChildNames.renamed(primary, "primary-backup-vault", "backup-vault"),
                VaultArgs.builder()
                        .name(args.naming().name("backup"))
                        .kmsKeyArn(args.kmsKeyArn())
                        // Recovery points otherwise block deleting the vault.
                        .forceDestroy(!keep)
                        .build(),
                primaryVaultOptions);
        Vault drVault = new Vault(
                ChildNames.of(primary, "dr-backup-vault"),
                VaultArgs.builder()
                        .name(args.naming().name("backup-dr"))
                        .kmsKeyArn(args.drKmsKeyArn())
                        .forceDestroy(!keep)
                        .build(),
                drVaultOptions);

        Plan plan = new Plan(
                ChildNames.of(primary, "backup-plan"),
                PlanArgs.builder()
                        .name(args.naming().name("backup"))
                        .rules(PlanRuleArgs.builder()
                                .ruleName("daily-with-copy-to-" + settings.region())
                                .targetVaultName(primaryVault.name())
                                .schedule(settings.backupSchedule())
                                .startWindow(DrConfig.BACKUP_START_WINDOW_MINUTES)
                                .completionWindow(360)
                                .lifecycle(PlanRuleLifecycleArgs.builder()
                                        .deleteAfter(settings.backupRetentionDays())
                                        .build())
                                .copyActions(PlanRuleCopyActionArgs.builder()
                                        .destinationVaultArn(drVault.arn())
                                        .lifecycle(PlanRuleCopyActionLifecycleArgs.builder()
                                                .deleteAfter(settings.copyRetentionDays())
                                                .build())
                                        .build())
                                .build())
                        .build(),
                primary);

        Role role = new Role(
                ChildNames.of(primary, "backup-role"),
                RoleArgs.builder()
                        .name(args.naming().name("backup", NameLimit.IAM_ROLE))
                        .description("AWS Backup snapshots and copies the Storefront Aurora cluster")
                        .assumeRolePolicy(PolicyDocument.serviceTrust(BACKUP))
                        .build(),
                primary);
        List<RolePolicyAttachment> attachments = new java.util.ArrayList<>();
        for (int i = 0; i < SERVICE_ROLE_POLICIES.size(); i++) {
            String policy = SERVICE_ROLE_POLICIES.get(i);
            attachments.add(new RolePolicyAttachment(
                    ChildNames.of(primary, "backup-role-policy-" + (i + 1)),
                    RolePolicyAttachmentArgs.builder()
                            .role(role.name())
                            .policyArn(args.aws().managedPolicyArn(policy))
                            .build(),
                    primary));
        }
        new Selection(
                ChildNames.of(primary, "backup-selection"),
                SelectionArgs.builder()
                        .name(args.naming().name("aurora"))
                        .planId(plan.id())
                        .iamRoleArn(role.arn())
                        .resources(args.dbClusterArn().applyValue(List::of))
                        .build(),
                CustomResourceOptions.merge(
                        primary,
                        CustomResourceOptions.builder()
                                // AWS Backup checks the role can act when the selection is created.
                                .dependsOn(new java.util.ArrayList<>(attachments))
                                .build()));
        return new Vaults(primaryVault.name(), drVault.name(), primaryVault.arn());
    }
}
