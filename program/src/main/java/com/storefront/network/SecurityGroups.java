package com.storefront.network;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.storefront.core.ChildNames;
import com.storefront.naming.NameLimit;
import com.storefront.naming.Naming;

import java.util.Optional;

/**
 * The network-owned security groups (NET-8). The application SG lives here, not in the service
 * tier, so the data tier can admit it without a circular dependency between components.
 * Rules are separate resources with descriptions; the provider removes AWS's default allow-all
 * egress when it creates a group, so a group only has the egress stated here.
 */
final class SecurityGroups {

    static final int HTTPS = 443;

    private final SecurityGroup app;
    private final Optional<SecurityGroup> endpoints;

    SecurityGroups(Resource parent, Vpc vpc, Naming naming, boolean interfaceEndpoints) {
        CustomResourceOptions child =
                CustomResourceOptions.builder().parent(parent).build();
        this.app = new SecurityGroup(
                ChildNames.of(child, "sg-app"),
                SecurityGroupArgs.builder()
                        .name(naming.name("app", NameLimit.SECURITY_GROUP))
                        .description("Storefront API tasks (ECS Fargate)")
                        .vpcId(vpc.id())
                        .tags(naming.nameTag("app"))
                        .build(),
                child);
        new SecurityGroupEgressRule(
                ChildNames.of(child, "sg-app-egress-https"),
                SecurityGroupEgressRuleArgs.builder()
                        .securityGroupId(app.id())
                        .description("HTTPS to AWS APIs, container registries and third-party APIs")
                        .ipProtocol("tcp")
                        .fromPort(HTTPS)
                        .toPort(HTTPS)
                        .cidrIpv4(Network.ANYWHERE)
                        .build(),
                child);

        this.endpoints = interfaceEndpoints ? Optional.of(endpointGroup(vpc, naming, child)) : Optional.empty();
    }

    private SecurityGroup endpointGroup(Vpc vpc, Naming naming, CustomResourceOptions child) {
        SecurityGroup sg = new SecurityGroup(
                ChildNames.of(child, "sg-endpoints"),
                SecurityGroupArgs.builder()
                        .name(naming.name("endpoints", NameLimit.SECURITY_GROUP))
                        .description("Storefront VPC interface endpoints; HTTPS from the app tier only")
                        .vpcId(vpc.id())
                        .tags(naming.nameTag("endpoints"))
                        .build(),
                child);
        new SecurityGroupIngressRule(
                ChildNames.of(child, "sg-endpoints-ingress-app"),
                SecurityGroupIngressRuleArgs.builder()
                        .securityGroupId(sg.id())
                        .description("HTTPS from the Storefront app tasks")
                        .ipProtocol("tcp")
                        .fromPort(HTTPS)
                        .toPort(HTTPS)
                        .referencedSecurityGroupId(app.id())
                        .build(),
                child);
        // No egress rule: endpoints only answer connections, which security groups allow statefully.
        return sg;
    }

    SecurityGroup app() {
        return app;
    }

    Optional<SecurityGroup> endpoints() {
        return endpoints;
    }
}
