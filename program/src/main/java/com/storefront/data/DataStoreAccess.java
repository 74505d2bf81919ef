package com.storefront.data;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.core.ChildNames;
import com.storefront.naming.NameLimit;
import com.storefront.naming.Naming;

/**
 * The security group of a data store: its only ingress is the application SG on the store's port,
 * and the application SG gets the matching egress rule. No egress on the store's SG: databases
 * and caches only answer connections, which security groups allow statefully.
 */
final class DataStoreAccess {

    private DataStoreAccess() {}

    static SecurityGroup securityGroup(
            String what,
            String description,
            int port,
            Naming naming,
            Output<String> vpcId,
            Output<String> appSecurityGroupId,
            CustomResourceOptions options) {
        SecurityGroup sg = new SecurityGroup(
                ChildNames.of(options, "sg-" + what),
                SecurityGroupArgs.builder()
                        .name(naming.name(what, NameLimit.SECURITY_GROUP))
                        .description(description)
                        .vpcId(vpcId)
                        .tags(naming.nameTag(what))
                        .build(),
                options);
        new SecurityGroupIngressRule(
                ChildNames.of(options, "sg-" + what + "-ingress-app"),
                SecurityGroupIngressRuleArgs.builder()
                        .securityGroupId(sg.id())
                        .description("Port " + port + " from the Storefront app tasks")
                        .ipProtocol("tcp")
                        .fromPort(port)
                        .toPort(port)
                        .referencedSecurityGroupId(appSecurityGroupId)
                        .build(),
                options);
        new SecurityGroupEgressRule(
                ChildNames.of(options, "sg-app-egress-" + what),
                SecurityGroupEgressRuleArgs.builder()
                        .securityGroupId(appSecurityGroupId)
                        .description("Port " + port + " to " + description)
                        .ipProtocol("tcp")
                        .fromPort(port)
                        .toPort(port)
                        .referencedSecurityGroupId(sg.id())
                        .build(),
                options);
        return sg;
    }
}
