package com.storefront.dr;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.config.Cidr;
import com.storefront.config.DatabaseSettings;
import com.storefront.config.NatStrategy;
import com.storefront.config.NetworkLayout;
import com.storefront.config.NetworkSettings;
import com.storefront.config.SubnetTier;
import com.storefront.core.StackComponent;
import com.storefront.core.StackContext;
import com.storefront.iam.KeyUse;
import com.storefront.network.Network;
import com.storefront.network.NetworkArgs;
import com.storefront.network.NetworkRole;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The disaster-recovery region (DR-1..DR-4): replicated assets, Aurora backup copies and a peered
 * VPC. Resources in the DR region go through the DR provider; the replication configuration, the
 * backup plan and the peering request live in the primary region.
 */
public final class DisasterRecovery extends StackComponent {

    public static final String TYPE = "storefront:dr:DisasterRecovery";

    /**
     * How the DR region's key is used beyond what the primary's uses bring (a restore builds the same kinds of
     * resources there): the replica and DR log buckets, the copied recovery points and restored clusters, the
     * standby network's flow logs.
     */
    public static final List<KeyUse> KEY_USES = List.of(KeyUse.via("s3"), KeyUse.via("rds"), KeyUse.cloudWatchLogs());

    /** Zones of the standby network: enough for an Aurora subnet group, which needs two. */
    static final int STANDBY_AZS = 2;

    private final Output<String> replicaBucketName;
    private final Output<String> backupVaultName;
    private final Output<String> drBackupVaultName;
    private final Output<String> vpcId;
    private final Output<String> peeringConnectionId;
    private final List<Output<String>> alarmNames;
    private final Output<Map<String, Object>> restore;

    public DisasterRecovery(String name, DisasterRecoveryArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        CustomResourceOptions primary =
                CustomResourceOptions.builder().parent(this).build();
        CustomResourceOptions dr = CustomResourceOptions.builder()
                .parent(this)
                .provider(args.drProvider())
                .build();

        this.replicaBucketName = AssetReplication.create(args, primary, dr);
        BackupCopies.Vaults vaults = BackupCopies.create(args, primary, dr);
        this.backupVaultName = vaults.primary();
        this.drBackupVaultName = vaults.dr();
        Network standby = standbyNetwork(args);
        this.vpcId = standby.vpcId();
        this.peeringConnectionId = DrPeering.create(args, standby, primary, dr);
        RestoreTarget.Ids target = RestoreTarget.create(args, standby.vpcId(), standby.appSubnetIds(), primary, dr);
        this.alarmNames = DrAlerts.create(
                args,
                vaults.primary(),
                vaults.primaryArn(),
                replicaBucketName,
                AssetReplication.ruleId(args.settings().region()),
                primary);
        this.restore = restoreFacts(args, vaults.dr(), target);

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("replicaBucketName", replicaBucketName);
        outputs.put("backupVaultName", backupVaultName);
        outputs.put("drBackupVaultName", drBackupVaultName);
        outputs.put("vpcId", vpcId);
        outputs.put("peeringConnectionId", peeringConnectionId);
        outputs.put("restore", restore);
        registerOutputs(outputs);
    }

    /**
     * The DR region's VPC: a second {@link Network}, standby-shaped (two private subnets, no internet), named
     * {@code storefront-dr-*}. Its resources were this component's own children before, named {@code dr-*};
     * they keep those names as aliases.
     */
    private Network standbyNetwork(DisasterRecoveryArgs args) {
        Cidr cidr = Cidr.of(args.settings().vpcCidr());
        List<String> subnets = new ArrayList<>();
        for (int az = 0; az < STANDBY_AZS; az++) {
            // The same slicing as the primary network's app tier, so addresses read alike in both regions.
            subnets.add(cidr.subnet(4, 4 + az).toString());
        }
        NetworkSettings settings = new NetworkSettings(
                cidr.toString(),
                STANDBY_AZS,
                NatStrategy.NONE,
                Map.of(SubnetTier.APP, subnets),
                false,
                NetworkLayout.TWO_TIER,
                Optional.empty());
        StackContext context =
                args.context().withNaming(args.naming().within("dr")).withKey(args.drKmsKeyArn());
        return new Network(
                name("dr-network"),
                new NetworkArgs(
                        context, settings, NetworkRole.STANDBY, Optional.of(new NetworkArgs.MovedFrom(this, "dr-"))),
                ComponentResourceOptions.builder()
                        .parent(this)
                        .providers(args.drProvider())
                        .build());
    }

    /** Everything {@code scripts/dr-restore.sh} needs, in one output: where to restore, from what, and how big. */
    private static Output<Map<String, Object>> restoreFacts(
            DisasterRecoveryArgs args, Output<String> drVault, RestoreTarget.Ids target) {
        DatabaseSettings db = args.database();
        return Output.all(
                        drVault,
                        target.subnetGroupName(),
                        target.dbSecurityGroupId(),
                        target.appSecurityGroupId(),
                        target.restoreRoleArn(),
                        args.drKmsKeyArn(),
                        args.dbClusterArn())
                .applyValue(values -> {
                    Map<String, Object> facts = new LinkedHashMap<>();
                    facts.put("region", args.settings().region());
                    facts.put("vaultName", values.get(0));
                    facts.put("subnetGroupName", values.get(1));
                    facts.put("securityGroupId", values.get(2));
                    facts.put("appSecurityGroupId", values.get(3));
                    facts.put("roleArn", values.get(4));
                    facts.put("kmsKeyArn", values.get(5));
                    facts.put("sourceClusterArn", values.get(6));
                    facts.put("engineVersion", db.engineVersion().toString());
                    facts.put("instanceClass", db.instanceClass());
                    // A restored cluster that auto-pauses could not be checked right after the restore.
                    facts.put("minAcu", db.serverless() ? Math.max(0.5, db.minAcu()) : 0);
                    facts.put("maxAcu", db.serverless() ? db.maxAcu() : 0);
                    return facts;
                });
    }

    /** The DR alarms (backup staleness, replication failures), for the stack's list of alarms. */
    public List<Output<String>> alarmNames() {
        return List.copyOf(alarmNames);
    }

    public Output<Map<String, Object>> restore() {
        return restore;
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
