package com.storefront.dr;

import com.pulumi.aws.backup.Plan;
import com.pulumi.aws.backup.Selection;
import com.pulumi.aws.backup.Vault;
import com.pulumi.aws.cloudwatch.EventRule;
import com.pulumi.aws.cloudwatch.EventTarget;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.PeeringConnectionOptions;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcPeeringConnection;
import com.pulumi.aws.ec2.VpcPeeringConnectionAccepter;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketLoggingV2;
import com.pulumi.aws.s3.BucketPolicy;
import com.pulumi.aws.s3.BucketPublicAccessBlock;
import com.pulumi.aws.s3.BucketReplicationConfig;
import com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2;
import com.pulumi.aws.s3.BucketV2;
import com.pulumi.aws.s3.BucketVersioningV2;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.storefront.plan.Json;
import com.storefront.plan.Registered;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DR-1..DR-4: which region each DR resource lands in, and how they connect. */
class DisasterRecoveryTest {

    private static final String DR_PROVIDER = "aws-dr-us-west-2";

    private static String drKeyArn(StackRun run) {
        return "arn:aws:kms:us-west-2:123456789012:key/"
                + run.one(Types.of(Key.class), "encryption-dr-key").id();
    }

    @Test
    void devHasNoDrResourceAtAll() {
        StackRun dev = Stacks.dev();
        assertTrue(dev.where(r -> r.providerName().startsWith("aws-dr")
                        || r.type().startsWith("storefront:dr:")
                        || r.name().startsWith("aws-dr"))
                .isEmpty());
        assertEquals(false, dev.output("drEnabled"));
    }

    /** The DR VPC is a second Network (standby: private only), which took over the VPC DR built before. */
    @Test
    void theDrVpcIsASecondNetworkThatKeepsTheResourcesDrBuilt() {
        StackRun prod = Stacks.prod();
        Registered standby = prod.one(com.storefront.network.Network.TYPE, "dr-network");
        assertEquals(DisasterRecovery.TYPE, prod.componentOf(standby).type());
        assertEquals(
                List.of(),
                prod.ofTypeInComponent("dr-network", Types.of(com.pulumi.aws.ec2.InternetGateway.class)),
                "no internet gateway");
        assertEquals(List.of(), prod.ofTypeInComponent("dr-network", Types.of(com.pulumi.aws.ec2.NatGateway.class)));
        assertEquals(
                List.of(),
                prod.ofTypeInComponent("dr-network", Types.of(com.pulumi.aws.ec2.VpcEndpoint.class)),
                "no endpoints: a restore needs none");
        List<Registered> subnets = prod.ofTypeInComponent("dr-network", Types.of(Subnet.class));
        assertEquals(
                List.of("10.1.64.0/20", "10.1.80.0/20"),
                subnets.stream().map(s -> s.string("cidrBlock")).sorted().toList());
        assertEquals(
                Set.of("storefront-dr-private-1-prod", "storefront-dr-private-2-prod"),
                subnets.stream().map(s -> s.map("tags").get("Name")).collect(Collectors.toSet()));
        String drUrn = prod.componentOf(standby).urn();
        String oldVpc = drUrn.substring(0, drUrn.lastIndexOf("::")) + "$aws:ec2/vpc:Vpc::dr-vpc";
        assertEquals(
                List.of(oldVpc), prod.one(Types.of(Vpc.class), "dr-network-vpc").aliasUrns());
        assertEquals(
                "storefront-dr-vpc-flow-logs-prod",
                prod.one(Types.of(LogGroup.class), "dr-network-flow-logs").string("name"),
                "the flow-log group keeps its name, so its logs stay");
    }

    @Test
    void prodRegistersDrResourcesThroughAUsWest2Provider() {
        StackRun prod = Stacks.prod();
        Registered provider = prod.one("pulumi:providers:aws", DR_PROVIDER);
        assertEquals("us-west-2", provider.string("region"));
        Set<String> drRegion = prod.where(r -> r.custom() && DR_PROVIDER.equals(r.providerName())).stream()
                .map(r -> r.type() + " " + r.name())
                .collect(Collectors.toSet());
        assertTrue(
                drRegion.containsAll(Set.of(
                        "aws:s3/bucketV2:BucketV2 dr-assets",
                        "aws:backup/vault:Vault dr-backup-vault",
                        "aws:ec2/vpc:Vpc dr-network-vpc",
                        "aws:kms/key:Key encryption-dr-key",
                        "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter dr-peering-accepter")),
                drRegion.toString());
        assertEquals("us-west-2", prod.output("drRegion"));
        assertEquals(
                "alias/storefront-dr-prod",
                prod.one(Types.of(Alias.class), "encryption-dr-alias").string("name"));
    }

    @Test
    void replicaBucketIsVersionedPrivateAndEncryptedInTheDrRegion() {
        StackRun run = Stacks.prod();
        Registered replica = run.one(Types.of(BucketV2.class), "dr-assets");
        assertEquals("storefront-assets-dr-prod-123456789012", replica.string("bucket"));
        assertTrue(replica.protect());
        assertEquals(
                "Enabled",
                run.one(Types.of(BucketVersioningV2.class), "dr-assets-versioning")
                        .string("versioningConfiguration.status"));
        assertEquals(
                DR_PROVIDER,
                run.one(Types.of(BucketVersioningV2.class), "dr-assets-versioning")
                        .providerName());
        assertTrue(run.one(Types.of(BucketPublicAccessBlock.class), "dr-assets-public-access")
                .bool("restrictPublicBuckets"));
        Registered encryption =
                run.one(Types.of(BucketServerSideEncryptionConfigurationV2.class), "dr-assets-encryption");
        assertEquals(
                drKeyArn(run),
                encryption.string("rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId"),
                "KMS keys are regional: the replica uses the DR key");
    }

    @Test
    void replicationRunsAfterBothSidesAreVersioned() {
        StackRun run = Stacks.prod();
        Registered replication = run.one(Types.of(BucketReplicationConfig.class), "dr-assets-replication");
        assertEquals("aws-primary", replication.providerName(), "configured on the source bucket");
        assertEquals(run.output("assetsBucketName"), replication.string("bucket"));
        assertTrue(replication
                .dependencies()
                .contains(run.one(Types.of(BucketVersioningV2.class), "static-assets-assets-versioning")
                        .urn()));
        assertTrue(replication
                .dependencies()
                .contains(run.one(Types.of(BucketVersioningV2.class), "dr-assets-versioning")
                        .urn()));
        Map<String, Object> rule = replication.map("rules.0");
        assertEquals("Enabled", rule.get("status"));
        assertEquals(Map.of("status", "Enabled"), rule.get("deleteMarkerReplication"), "required with a filter");
        assertEquals(Map.of("prefix", ""), rule.get("filter"));
        assertEquals(
                Map.of("sseKmsEncryptedObjects", Map.of("status", "Enabled")), rule.get("sourceSelectionCriteria"));
        assertEquals(
                Map.of(
                        "bucket",
                        "arn:aws:s3:::storefront-assets-dr-prod-123456789012",
                        "storageClass",
                        "STANDARD",
                        "encryptionConfiguration",
                        Map.of("replicaKmsKeyId", drKeyArn(run)),
                        // Replication metrics feed the failure alarm; no event threshold without Replication Time
                        // Control.
                        "metrics",
                        Map.of("status", "Enabled")),
                rule.get("destination"));

        Registered role = run.one(Types.of(Role.class), "dr-replication-role");
        assertEquals(replication.string("role"), "arn:aws:iam::123456789012:role/" + role.string("name"));
        assertEquals(
                Map.of("Service", "s3.amazonaws.com"),
                Json.statements(Json.parse(role.string("assumeRolePolicy")))
                        .get(0)
                        .get("Principal"));
    }

    @Test
    void replicationRoleIsLeastPrivilege() {
        StackRun run = Stacks.prod();
        Map<String, Map<String, Object>> statements = Json.statements(
                        Json.parse(run.one(Types.of(RolePolicy.class), "dr-replication-policy")
                                .string("policy")))
                .stream()
                .collect(Collectors.toMap(s -> (String) s.get("Sid"), s -> s));
        assertEquals(
                "arn:aws:s3:::storefront-assets-prod-123456789012",
                statements.get("ReadReplicationConfiguration").get("Resource"));
        assertEquals(
                "arn:aws:s3:::storefront-assets-prod-123456789012/*",
                statements.get("ReadSourceVersions").get("Resource"));
        assertEquals(
                "arn:aws:s3:::storefront-assets-dr-prod-123456789012/*",
                statements.get("WriteReplicas").get("Resource"));
        assertEquals(run.output("kmsKeyArn"), statements.get("DecryptSource").get("Resource"));
        assertEquals(
                Map.of("StringLike", Map.of("kms:ViaService", "s3.us-east-2.amazonaws.com")),
                statements.get("DecryptSource").get("Condition"));
        assertEquals(drKeyArn(run), statements.get("EncryptReplicas").get("Resource"));
        assertEquals(
                Map.of("StringLike", Map.of("kms:ViaService", "s3.us-west-2.amazonaws.com")),
                statements.get("EncryptReplicas").get("Condition"));
    }

    @Test
    void sseS3SourcesNeedNoSourceKeyAccess() {
        String policy = AssetReplication.replicationPolicy(
                "arn:aws:s3:::src", "arn:aws:s3:::dst", "k1", "k2", "us-east-2", "us-west-2", false);
        assertFalse(policy.contains("DecryptSource"));
        assertTrue(policy.contains("EncryptReplicas"));
    }

    @Test
    void auroraBackupsAreCopiedToTheDrVault() {
        StackRun run = Stacks.prod();
        Registered vault = run.one(Types.of(Vault.class), "dr-primary-backup-vault");
        assertEquals("aws-primary", vault.providerName());
        assertEquals(run.output("kmsKeyArn"), vault.string("kmsKeyArn"));
        Registered drVault = run.one(Types.of(Vault.class), "dr-backup-vault");
        assertEquals(drKeyArn(run), drVault.string("kmsKeyArn"));
        assertFalse(drVault.bool("forceDestroy"));
        assertTrue(drVault.protect());

        Registered plan = run.one(Types.of(Plan.class), "dr-backup-plan");
        Map<String, Object> rule = plan.map("rules.0");
        assertEquals("cron(0 7 * * ? *)", rule.get("schedule"));
        assertEquals(vault.string("name"), rule.get("targetVaultName"));
        assertEquals(Map.of("deleteAfter", 14.0), rule.get("lifecycle"));
        assertEquals(
                List.of(Map.of(
                        "destinationVaultArn",
                        "arn:aws:backup:us-west-2:123456789012:backup-vault:" + drVault.string("name"),
                        "lifecycle",
                        Map.of("deleteAfter", 30.0))),
                rule.get("copyActions"));

        Registered selection = run.one(Types.of(Selection.class), "dr-backup-selection");
        assertEquals(
                List.of("arn:aws:rds:us-east-2:123456789012:cluster:storefront-aurora-prod"),
                selection.list("resources"));
        Registered role = run.one(Types.of(Role.class), "dr-backup-role");
        assertEquals(selection.string("iamRoleArn"), "arn:aws:iam::123456789012:role/" + role.string("name"));
        Set<String> policies = run.ofType(Types.of(RolePolicyAttachment.class)).stream()
                .filter(a -> a.name().startsWith("dr-backup-role-policy"))
                .map(a -> a.string("policyArn"))
                .collect(Collectors.toSet());
        assertEquals(
                Set.of("arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"),
                policies,
                "backing up needs no restore rights");
    }

    /** DR-5: what a restore in the DR region needs exists before the disaster. */
    @Test
    void theDrRegionHoldsWhatARestoreNeeds() {
        StackRun run = Stacks.prod();
        Registered subnets = run.one(Types.of(SubnetGroup.class), "dr-db-subnets");
        assertEquals(DR_PROVIDER, subnets.providerName());
        assertEquals(
                List.of(
                        run.one(Types.of(Subnet.class), "dr-network-subnet-private-1")
                                .id(),
                        run.one(Types.of(Subnet.class), "dr-network-subnet-private-2")
                                .id()),
                subnets.list("subnetIds"));
        Registered db = run.one(Types.of(SecurityGroup.class), "dr-sg-db");
        Registered app = run.one(Types.of(SecurityGroup.class), "dr-sg-app");
        assertEquals(run.output("drVpcId"), db.string("vpcId"));
        Registered fromApp = run.one(Types.of(SecurityGroupIngressRule.class), "dr-sg-db-ingress-app");
        assertEquals(db.id(), fromApp.string("securityGroupId"));
        assertEquals(app.id(), fromApp.string("referencedSecurityGroupId"));
        assertEquals(5432.0, fromApp.number("fromPort"));
        // Across regions a peer's group cannot be referenced: the primary VPC by its CIDR, for a fail-back copy.
        assertEquals(
                "10.0.0.0/16",
                run.one(Types.of(SecurityGroupIngressRule.class), "dr-sg-db-ingress-primary")
                        .string("cidrIpv4"));
        assertEquals(
                db.id(),
                run.one(Types.of(SecurityGroupEgressRule.class), "dr-sg-app-egress-db")
                        .string("referencedSecurityGroupId"));
        Registered restoreRole = run.one(Types.of(Role.class), "dr-restore-role");
        assertEquals(
                RestoreTarget.RESTORES_POLICY,
                run.one(Types.of(RolePolicyAttachment.class), "dr-restore-role-policy")
                        .string("policyArn"));

        @SuppressWarnings("unchecked")
        Map<String, Object> restore = (Map<String, Object>) run.output("drRestore");
        assertEquals("us-west-2", restore.get("region"));
        assertEquals(run.output("drBackupVaultName"), restore.get("vaultName"));
        assertEquals(subnets.string("name"), restore.get("subnetGroupName"));
        assertEquals(db.id(), restore.get("securityGroupId"));
        assertEquals(drKeyArn(run), restore.get("kmsKeyArn"));
        assertEquals("arn:aws:iam::123456789012:role/" + restoreRole.string("name"), restore.get("roleArn"));
        assertEquals(
                "arn:aws:rds:us-east-2:123456789012:cluster:storefront-aurora-prod", restore.get("sourceClusterArn"));
        assertEquals("16.6", restore.get("engineVersion"));
        assertEquals("db.serverless", restore.get("instanceClass"));
        assertEquals(0.5, ((Number) restore.get("minAcu")).doubleValue());
        assertEquals(8.0, ((Number) restore.get("maxAcu")).doubleValue());
    }

    /** DR-5: failed backup and copy jobs, a backup that never ran and failed replication all reach the alarm topic. */
    @Test
    void drFailuresReachTheAlarmTopic() {
        StackRun run = Stacks.prod();
        String topic = String.valueOf(run.output("snsTopicArn"));
        String vault = run.one(Types.of(Vault.class), "dr-primary-backup-vault").string("name");
        Registered backupRule = run.one(Types.of(EventRule.class), "dr-backup-job-failed");
        assertEquals("aws-primary", backupRule.providerName(), "AWS Backup reports its jobs where they run");
        assertEquals(
                Map.of(
                        "source",
                        List.of("aws.backup"),
                        "detail-type",
                        List.of("Backup Job State Change"),
                        "detail",
                        Map.of("state", List.of("FAILED", "ABORTED", "EXPIRED"), "backupVaultName", List.of(vault))),
                Json.parse(backupRule.string("eventPattern")));
        Map<String, Object> copy = Json.parse(
                run.one(Types.of(EventRule.class), "dr-copy-job-failed").string("eventPattern"));
        assertEquals(List.of("Copy Job State Change"), copy.get("detail-type"));
        assertEquals(
                Map.of(
                        "state",
                        List.of("FAILED"),
                        "sourceBackupVaultArn",
                        List.of("arn:aws:backup:us-east-2:123456789012:backup-vault:" + vault)),
                copy.get("detail"));
        for (String target : List.of("dr-backup-job-failed-to-alarms", "dr-copy-job-failed-to-alarms")) {
            Registered t = run.one(Types.of(EventTarget.class), target);
            assertEquals(topic, t.string("arn"));
            assertTrue(t.string("inputTransformer.inputTemplate").startsWith("\"AWS Backup (prod): "));
        }

        Registered stale = run.one(Types.of(MetricAlarm.class), "dr-alarm-no-aurora-backup");
        assertEquals("NumberOfBackupJobsCompleted", stale.string("metricName"));
        assertEquals(Map.of("BackupVaultName", vault, "ResourceType", "Aurora"), stale.map("dimensions"));
        assertEquals(3600.0 * 26, stale.number("period") * stale.number("evaluationPeriods"), "26 hours");
        assertEquals("breaching", stale.string("treatMissingData"), "no data is the failure: nothing was backed up");
        assertTrue(stale.number("period") * stale.number("evaluationPeriods") <= 7 * 86400, "CloudWatch's limit");
        Registered replication = run.one(Types.of(MetricAlarm.class), "dr-alarm-assets-replication-failed");
        assertEquals("OperationsFailedReplication", replication.string("metricName"));
        assertEquals(
                Map.of(
                        "SourceBucket",
                        run.output("assetsBucketName"),
                        "DestinationBucket",
                        run.output("drAssetsBucketName"),
                        "RuleId",
                        "assets-to-us-west-2"),
                replication.map("dimensions"));
        assertEquals("aws-primary", replication.providerName(), "failures are reported in the source bucket's region");
        for (Registered alarm : List.of(stale, replication)) {
            assertEquals(List.of(topic), alarm.list("alarmActions"));
            assertTrue(((List<?>) run.output("alarmNames")).contains(alarm.string("name")));
        }

        // EventBridge may publish to the encrypted topic: the topic policy admits this account's rules, the key
        // EventBridge.
        Map<String, Object> policy = Json.parse(run.one(Types.of(TopicPolicy.class), "alerts-alarm-topic-policy")
                .string("policy"));
        Map<String, Object> events = Json.statements(policy).stream()
                .filter(st -> "EventBridgeRules".equals(st.get("Sid")))
                .findFirst()
                .orElseThrow();
        assertEquals(Map.of("Service", "events.amazonaws.com"), events.get("Principal"));
        assertEquals(Map.of("StringEquals", Map.of("aws:SourceAccount", "123456789012")), events.get("Condition"));
        assertTrue(Json.statements(Json.parse(
                        run.one(Types.of(Key.class), "encryption-key").string("policy")))
                .stream()
                .anyMatch(st -> "EventBridgePublishesToEncryptedTopics".equals(st.get("Sid"))));
    }

    @Test
    void theReplicaBucketAndTheDrVpcMeetThePrimaryRules() {
        StackRun run = Stacks.prod();
        Map<String, Object> policy = Json.parse(
                run.one(Types.of(BucketPolicy.class), "dr-assets-policy").string("policy"));
        assertTrue(String.valueOf(policy).contains("aws:SecureTransport"), "TLS only");
        Registered lifecycle = run.one(Types.of(BucketLifecycleConfigurationV2.class), "dr-assets-lifecycle");
        assertEquals(30.0, lifecycle.number("rules.0.noncurrentVersionExpiration.noncurrentDays"));
        Registered logging = run.one(Types.of(BucketLoggingV2.class), "dr-assets-access-logging");
        assertEquals(DR_PROVIDER, logging.providerName());
        assertEquals(run.one(Types.of(BucketV2.class), "dr-logs").id(), logging.string("targetBucket"));
        assertEquals(
                DR_PROVIDER, run.one(Types.of(BucketV2.class), "dr-logs").providerName(), "S3 logs within a region");

        Registered flowLog = run.one(Types.of(FlowLog.class), "dr-network-flow-log");
        assertEquals(DR_PROVIDER, flowLog.providerName());
        assertEquals(run.output("drVpcId"), flowLog.string("vpcId"));
        Registered group = run.one(Types.of(LogGroup.class), "dr-network-flow-logs");
        assertEquals(drKeyArn(run), group.string("kmsKeyId"));
        assertEquals(30.0, group.number("retentionInDays"));
    }

    @Test
    void drVpcIsPeeredWithRoutesBothWays() {
        StackRun run = Stacks.prod();
        Registered vpc = run.one(Types.of(Vpc.class), "dr-network-vpc");
        assertEquals("10.1.0.0/16", vpc.string("cidrBlock"));
        assertEquals(DR_PROVIDER, vpc.providerName());
        assertEquals(
                List.of("us-west-2a", "us-west-2b"),
                List.of(
                        run.one(Types.of(Subnet.class), "dr-network-subnet-private-1")
                                .string("availabilityZone"),
                        run.one(Types.of(Subnet.class), "dr-network-subnet-private-2")
                                .string("availabilityZone")));

        Registered peering = run.one(Types.of(VpcPeeringConnection.class), "dr-peering");
        assertEquals("aws-primary", peering.providerName(), "requested from the primary region");
        assertEquals(run.output("vpcId"), peering.string("vpcId"));
        assertEquals(vpc.id(), peering.string("peerVpcId"));
        assertEquals("us-west-2", peering.string("peerRegion"));
        assertFalse(peering.bool("autoAccept"), "auto_accept is invalid across regions");
        Registered accepter = run.one(Types.of(VpcPeeringConnectionAccepter.class), "dr-peering-accepter");
        assertEquals(DR_PROVIDER, accepter.providerName());
        assertTrue(accepter.bool("autoAccept"));
        assertEquals(peering.id(), accepter.string("vpcPeeringConnectionId"));
        assertEquals(run.output("vpcPeeringConnectionId"), peering.id());

        List<Registered> toDr = run.where(
                r -> r.type().equals(Types.of(Route.class)) && r.name().endsWith("-to-dr"));
        assertEquals(4, toDr.size(), "three app route tables and the data route table");
        for (Registered route : toDr) {
            assertEquals("10.1.0.0/16", route.string("destinationCidrBlock"));
            assertEquals(peering.id(), route.string("vpcPeeringConnectionId"));
            assertTrue(route.dependencies().contains(accepter.urn()));
        }
        Registered back = run.one(Types.of(Route.class), "dr-route-dr-to-primary");
        assertEquals(DR_PROVIDER, back.providerName());
        assertEquals("10.0.0.0/16", back.string("destinationCidrBlock"));
        assertTrue(back.dependencies().contains(accepter.urn()));

        assertEquals(
                Map.of("allowRemoteVpcDnsResolution", true),
                run.one(Types.of(PeeringConnectionOptions.class), "dr-peering-options-requester")
                        .map("requester"));
        assertEquals(
                Map.of("allowRemoteVpcDnsResolution", true),
                run.one(Types.of(PeeringConnectionOptions.class), "dr-peering-options-accepter")
                        .map("accepter"));
    }
}
