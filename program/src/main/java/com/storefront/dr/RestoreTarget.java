package com.storefront.dr;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.config.DatabaseSettings;
import com.storefront.core.ChildNames;
import com.storefront.iam.PolicyDocument;
import com.storefront.naming.NameLimit;
import com.storefront.naming.Naming;

import java.util.List;

/**
 * What an Aurora restore in the DR region needs (DR-5), in place before a disaster: a DB subnet group on
 * the DR subnets, a security group for the restored cluster (5432 from the DR app group, and from the
 * primary VPC over the peering for a fail-back copy; peered regions cannot reference groups), the app
 * group tasks in the DR VPC would use, and the role AWS Backup restores with (restore rights only).
 */
final class RestoreTarget {

    static final String RESTORES_POLICY = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores";

    /** The names and ids the restore tool reads from the stack's outputs. */
    record Ids(
            Output<String> subnetGroupName,
            Output<String> dbSecurityGroupId,
            Output<String> appSecurityGroupId,
            Output<String> restoreRoleArn) {}

    private RestoreTarget() {}

    static Ids create(
            DisasterRecoveryArgs args,
            Output<String> vpcId,
            Output<List<String>> subnetIds,
            CustomResourceOptions primary,
            CustomResourceOptions dr) {
        Naming naming = args.naming();
        int port = DatabaseSettings.PORT;
        SubnetGroup subnets = new SubnetGroup(
                ChildNames.of(primary, "dr-db-subnets"),
                SubnetGroupArgs.builder()
                        .name(naming.name("dr-aurora"))
                        .description("Storefront DR restore target: the DR VPC's private subnets")
                        .subnetIds(subnetIds)
                        .build(),
                dr);
        SecurityGroup app = new SecurityGroup(
                ChildNames.of(primary, "dr-sg-app"),
                SecurityGroupArgs.builder()
                        .name(naming.name("dr-app", NameLimit.SECURITY_GROUP))
                        .description("Storefront app tasks in the DR VPC")
                        .vpcId(vpcId)
                        .tags(naming.nameTag("dr-app"))
                        .build(),
                dr);
        SecurityGroup db = new SecurityGroup(
                ChildNames.of(primary, "dr-sg-db"),
                SecurityGroupArgs.builder()
                        .name(naming.name("dr-aurora", NameLimit.SECURITY_GROUP))
                        .description("Storefront Aurora restored in the DR region")
                        .vpcId(vpcId)
                        .tags(naming.nameTag("dr-aurora"))
                        .build(),
                dr);
        new SecurityGroupIngressRule(
                ChildNames.of(primary, "dr-sg-db-ingress-app"),
                SecurityGroupIngressRuleArgs.builder()
                        .securityGroupId(db.id())
                        .description("PostgreSQL from the Storefront app tasks in the DR VPC")
                        .ipProtocol("tcp")
                        .fromPort(port)
                        .toPort(port)
                        .referencedSecurityGroupId(app.id())
                        .build(),
                dr);
        new SecurityGroupIngressRule(
                ChildNames.of(primary, "dr-sg-db-ingress-primary"),
                SecurityGroupIngressRuleArgs.builder()
                        .securityGroupId(db.id())
                        .description("PostgreSQL from the primary VPC over the peering (fail-back copy)")
                        .ipProtocol("tcp")
                        .fromPort(port)
                        .toPort(port)
                        .cidrIpv4(args.primaryVpcCidr())
                        .build(),
                dr);
        new SecurityGroupEgressRule(
                ChildNames.of(primary, "dr-sg-app-egress-db"),
                SecurityGroupEgressRuleArgs.builder()
                        .securityGroupId(app.id())
                        .description("PostgreSQL to the restored Aurora cluster")
                        .ipProtocol("tcp")
                        .fromPort(port)
                        .toPort(port)
                        .referencedSecurityGroupId(db.id())
                        .build(),
                dr);

        Role role = new Role(
                ChildNames.of(primary, "dr-restore-role"),
                RoleArgs.builder()
                        .name(naming.name("dr-restore", NameLimit.IAM_ROLE))
                        .description("AWS Backup restores the Storefront Aurora copies in "
                                + args.settings().region())
                        .assumeRolePolicy(PolicyDocument.serviceTrust(BackupCopies.BACKUP))
                        .build(),
                primary);
        new RolePolicyAttachment(
                ChildNames.of(primary, "dr-restore-role-policy"),
                RolePolicyAttachmentArgs.builder()
                        .role(role.name())
                        .policyArn(args.aws().managedPolicyArn(RESTORES_POLICY))
                        .build(),
                primary);
        return new Ids(subnets.name(), db.id(), app.id(), role.arn());
    }
}
