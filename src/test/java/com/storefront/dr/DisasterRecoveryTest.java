package com.storefront.dr;

import com.storefront.plan.Json;
import com.storefront.plan.Registered;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DR-1..DR-4 and AWS-RULES §2.15: which region each DR resource lands in, and how they connect. */
class DisasterRecoveryTest {

    private static final String DR_PROVIDER = "aws-dr-us-west-2";

    private static String drKeyArn(StackRun run) {
        return "arn:aws:kms:us-west-2:123456789012:key/" + run.one("aws:kms/key:Key", "encryption-dr-key").id();
    }

    @Test
    void devHasNoDrResourceAtAll() {
        StackRun dev = Stacks.dev();
        assertTrue(dev.where(r -> r.providerName().startsWith("aws-dr") || r.type().startsWith("storefront:dr:")
                || r.name().startsWith("aws-dr")).isEmpty());
        assertEquals(false, dev.output("drEnabled"));
    }

    @Test
    void prodRegistersDrResourcesThroughAUsWest2Provider() {
        StackRun prod = Stacks.prod();
        Registered provider = prod.one("pulumi:providers:aws", DR_PROVIDER);
        assertEquals("us-west-2", provider.string("region"));
        Set<String> drRegion = prod.where(r -> r.custom() && DR_PROVIDER.equals(r.providerName())).stream()
                .map(r -> r.type() + " " + r.name()).collect(Collectors.toSet());
        assertTrue(drRegion.containsAll(Set.of("aws:s3/bucketV2:BucketV2 dr-assets", "aws:backup/vault:Vault dr-backup-vault",
                "aws:ec2/vpc:Vpc dr-vpc", "aws:kms/key:Key encryption-dr-key",
                "aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter dr-peering-accepter")), drRegion.toString());
        assertEquals("us-west-2", prod.output("drRegion"));
        assertEquals("alias/storefront-dr-prod", prod.one("aws:kms/alias:Alias", "encryption-dr-alias").string("name"));
    }

    @Test
    void replicaBucketIsVersionedPrivateAndEncryptedInTheDrRegion() {
        StackRun run = Stacks.prod();
        Registered replica = run.one("aws:s3/bucketV2:BucketV2", "dr-assets");
        assertEquals("storefront-assets-dr-prod-123456789012", replica.string("bucket"));
        assertTrue(replica.protect());
        assertEquals("Enabled", run.one("aws:s3/bucketVersioningV2:BucketVersioningV2", "dr-assets-versioning")
                .string("versioningConfiguration.status"));
        assertEquals(DR_PROVIDER, run.one("aws:s3/bucketVersioningV2:BucketVersioningV2", "dr-assets-versioning").providerName());
        assertTrue(run.one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "dr-assets-public-access")
                .bool("restrictPublicBuckets"));
        Registered encryption = run.one(
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", "dr-assets-encryption");
        assertEquals(drKeyArn(run), encryption.string("rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyId"),
                "KMS keys are regional: the replica uses the DR key");
    }

    @Test
    void replicationRunsAfterBothSidesAreVersioned() {
        StackRun run = Stacks.prod();
        Registered replication = run.one("aws:s3/bucketReplicationConfig:BucketReplicationConfig", "dr-assets-replication");
        assertEquals("aws-primary", replication.providerName(), "configured on the source bucket");
        assertEquals(run.output("assetsBucketName"), replication.string("bucket"));
        assertTrue(replication.dependencies().contains(run.one("aws:s3/bucketVersioningV2:BucketVersioningV2",
                "assets-versioning").urn()));
        assertTrue(replication.dependencies().contains(run.one("aws:s3/bucketVersioningV2:BucketVersioningV2",
                "dr-assets-versioning").urn()));
        Map<String, Object> rule = replication.map("rules.0");
        assertEquals("Enabled", rule.get("status"));
        assertEquals(Map.of("status", "Enabled"), rule.get("deleteMarkerReplication"), "required with a filter");
        assertEquals(Map.of("prefix", ""), rule.get("filter"));
        assertEquals(Map.of("sseKmsEncryptedObjects", Map.of("status", "Enabled")), rule.get("sourceSelectionCriteria"));
        assertEquals(Map.of("bucket", "arn:aws:s3:::storefront-assets-dr-prod-123456789012", "storageClass", "STANDARD",
                "encryptionConfiguration", Map.of("replicaKmsKeyId", drKeyArn(run)),
                // Replication metrics feed the failure alarm; no event threshold without Replication Time Control.
                "metrics", Map.of("status", "Enabled")), rule.get("destination"));

        Registered role = run.one("aws:iam/role:Role", "dr-replication-role");
        assertEquals(replication.string("role"), "arn:aws:iam::123456789012:role/" + role.string("name"));
        assertEquals(Map.of("Service", "s3.amazonaws.com"),
                Json.statements(Json.parse(role.string("assumeRolePolicy"))).get(0).get("Principal"));
    }

    @Test
    void replicationRoleIsLeastPrivilege() {
        StackRun run = Stacks.prod();
        Map<String, Map<String, Object>> statements = Json.statements(Json.parse(
                        run.one("aws:iam/rolePolicy:RolePolicy", "dr-replication-policy").string("policy"))).stream()
                .collect(Collectors.toMap(s -> (String) s.get("Sid"), s -> s));
        assertEquals("arn:aws:s3:::storefront-assets-prod-123456789012", statements.get("ReadReplicationConfiguration").get("Resource"));
        assertEquals("arn:aws:s3:::storefront-assets-prod-123456789012/*", statements.get("ReadSourceVersions").get("Resource"));
        assertEquals("arn:aws:s3:::storefront-assets-dr-prod-123456789012/*", statements.get("WriteReplicas").get("Resource"));
        assertEquals(run.output("kmsKeyArn"), statements.get("DecryptSource").get("Resource"));
        assertEquals(Map.of("StringLike", Map.of("kms:ViaService", "s3.us-east-2.amazonaws.com")),
                statements.get("DecryptSource").get("Condition"));
        assertEquals(drKeyArn(run), statements.get("EncryptReplicas").get("Resource"));
        assertEquals(Map.of("StringLike", Map.of("kms:ViaService", "s3.us-west-2.amazonaws.com")),
                statements.get("EncryptReplicas").get("Condition"));
    }

    @Test
    void sseS3SourcesNeedNoSourceKeyAccess() {
        String policy = AssetReplication.replicationPolicy("arn:aws:s3:::src", "arn:aws:s3:::dst", "k1", "k2",
                "us-east-2", "us-west-2", false);
        assertFalse(policy.contains("DecryptSource"));
        assertTrue(policy.contains("EncryptReplicas"));
    }

    @Test
    void auroraBackupsAreCopiedToTheDrVault() {
        StackRun run = Stacks.prod();
        Registered vault = run.one("aws:backup/vault:Vault", "backup-vault");
        assertEquals("aws-primary", vault.providerName());
        assertEquals(run.output("kmsKeyArn"), vault.string("kmsKeyArn"));
        Registered drVault = run.one("aws:backup/vault:Vault", "dr-backup-vault");
        assertEquals(drKeyArn(run), drVault.string("kmsKeyArn"));
        assertFalse(drVault.bool("forceDestroy"));
        assertTrue(drVault.protect());

        Registered plan = run.one("aws:backup/plan:Plan", "backup-plan");
        Map<String, Object> rule = plan.map("rules.0");
        assertEquals("cron(0 5 * * ? *)", rule.get("schedule"));
        assertEquals(vault.string("name"), rule.get("targetVaultName"));
        assertEquals(Map.of("deleteAfter", 14.0), rule.get("lifecycle"));
        assertEquals(List.of(Map.of("destinationVaultArn", "arn:aws:backup:us-west-2:123456789012:backup-vault:"
                + drVault.string("name"), "lifecycle", Map.of("deleteAfter", 30.0))), rule.get("copyActions"));

        Registered selection = run.one("aws:backup/selection:Selection", "backup-selection");
        assertEquals(List.of("arn:aws:rds:us-east-2:123456789012:cluster:storefront-aurora-prod"), selection.list("resources"));
        Registered role = run.one("aws:iam/role:Role", "backup-role");
        assertEquals(selection.string("iamRoleArn"), "arn:aws:iam::123456789012:role/" + role.string("name"));
        Set<String> policies = run.ofType("aws:iam/rolePolicyAttachment:RolePolicyAttachment").stream()
                .filter(a -> a.name().startsWith("backup-role-policy")).map(a -> a.string("policyArn")).collect(Collectors.toSet());
        assertEquals(Set.copyOf(BackupCopies.SERVICE_ROLE_POLICIES), policies);
    }

    @Test
    void drVpcIsPeeredWithRoutesBothWays() {
        StackRun run = Stacks.prod();
        Registered vpc = run.one("aws:ec2/vpc:Vpc", "dr-vpc");
        assertEquals("10.1.0.0/16", vpc.string("cidrBlock"));
        assertEquals(DR_PROVIDER, vpc.providerName());
        assertEquals(List.of("us-west-2a", "us-west-2b"), List.of(
                run.one("aws:ec2/subnet:Subnet", "dr-subnet-private-1").string("availabilityZone"),
                run.one("aws:ec2/subnet:Subnet", "dr-subnet-private-2").string("availabilityZone")));

        Registered peering = run.one("aws:ec2/vpcPeeringConnection:VpcPeeringConnection", "dr-peering");
        assertEquals("aws-primary", peering.providerName(), "requested from the primary region");
        assertEquals(run.output("vpcId"), peering.string("vpcId"));
        assertEquals(vpc.id(), peering.string("peerVpcId"));
        assertEquals("us-west-2", peering.string("peerRegion"));
        assertFalse(peering.bool("autoAccept"), "auto_accept is invalid across regions");
        Registered accepter = run.one("aws:ec2/vpcPeeringConnectionAccepter:VpcPeeringConnectionAccepter", "dr-peering-accepter");
        assertEquals(DR_PROVIDER, accepter.providerName());
        assertTrue(accepter.bool("autoAccept"));
        assertEquals(peering.id(), accepter.string("vpcPeeringConnectionId"));
        assertEquals(run.output("vpcPeeringConnectionId"), peering.id());

        List<Registered> toDr = run.where(r -> r.type().equals("aws:ec2/route:Route") && r.name().endsWith("-to-dr"));
        assertEquals(4, toDr.size(), "three app route tables and the data route table");
        for (Registered route : toDr) {
            assertEquals("10.1.0.0/16", route.string("destinationCidrBlock"));
            assertEquals(peering.id(), route.string("vpcPeeringConnectionId"));
            assertTrue(route.dependencies().contains(accepter.urn()));
        }
        Registered back = run.one("aws:ec2/route:Route", "route-dr-to-primary");
        assertEquals(DR_PROVIDER, back.providerName());
        assertEquals("10.0.0.0/16", back.string("destinationCidrBlock"));
        assertTrue(back.dependencies().contains(accepter.urn()));

        assertEquals(Map.of("allowRemoteVpcDnsResolution", true),
                run.one("aws:ec2/peeringConnectionOptions:PeeringConnectionOptions", "dr-peering-options-requester").map("requester"));
        assertEquals(Map.of("allowRemoteVpcDnsResolution", true),
                run.one("aws:ec2/peeringConnectionOptions:PeeringConnectionOptions", "dr-peering-options-accepter").map("accepter"));
    }
}
