package com.storefront.dr;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The disaster-recovery region (DR-1..DR-4): replicated assets, Aurora backup copies and a peered
 * VPC. Resources in the DR region go through the DR provider; the replication configuration, the
 * backup plan and the peering request live in the primary region.
 */
public final class DisasterRecovery extends ComponentResource {

    public static final String TYPE = "storefront:dr:DisasterRecovery";

    private final Output<String> replicaBucketName;
    private final Output<String> backupVaultName;
    private final Output<String> drBackupVaultName;
    private final Output<String> vpcId;
    private final Output<String> peeringConnectionId;

    public DisasterRecovery(String name, DisasterRecoveryArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        CustomResourceOptions primary = CustomResourceOptions.builder().parent(this).build();
        CustomResourceOptions dr = CustomResourceOptions.builder().parent(this).provider(args.drProvider()).build();

        this.replicaBucketName = AssetReplication.create(args, primary, dr);
        BackupCopies.Vaults vaults = BackupCopies.create(args, primary, dr);
        this.backupVaultName = vaults.primary();
        this.drBackupVaultName = vaults.dr();
        DrNetwork.Ids network = DrNetwork.create(args, this, primary, dr);
        this.vpcId = network.vpcId();
        this.peeringConnectionId = network.peeringId();

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("replicaBucketName", replicaBucketName);
        outputs.put("backupVaultName", backupVaultName);
        outputs.put("drBackupVaultName", drBackupVaultName);
        outputs.put("vpcId", vpcId);
        outputs.put("peeringConnectionId", peeringConnectionId);
        registerOutputs(outputs);
    }

    public Output<String> replicaBucketName() {
        return replicaBucketName;
    }

    public Output<String> backupVaultName() {
        return backupVaultName;
    }

    public Output<String> drBackupVaultName() {
        return drBackupVaultName;
    }

    public Output<String> vpcId() {
        return vpcId;
    }

    public Output<String> peeringConnectionId() {
        return peeringConnectionId;
    }
}
