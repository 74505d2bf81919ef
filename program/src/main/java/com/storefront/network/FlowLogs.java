package com.storefront.network;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import com.storefront.core.AwsContext;
import com.storefront.core.ChildNames;
import com.storefront.iam.PolicyDocument;
import com.storefront.iam.PolicyStatement;
import com.storefront.naming.NameLimit;
import com.storefront.naming.Naming;

/** VPC flow logs (NET-6) into a CMK-encrypted log group with retention, written by a least-privilege role. */
public final class FlowLogs {

    static final String SERVICE_PRINCIPAL = "vpc-flow-logs.amazonaws.com";

    private FlowLogs() {}

    /** Creates the flow log of {@code vpc} for the network {@code parent} and returns its log group's name. */
    static Output<String> create(Resource parent, Vpc vpc, NetworkArgs args) {
        Naming naming = args.naming();
        AwsContext aws = args.aws();
        CustomResourceOptions options =
                CustomResourceOptions.builder().parent(parent).build();
        LogGroup logGroup = new LogGroup(
                ChildNames.of(options, "flow-logs"),
                LogGroupArgs.builder()
                        .name(naming.name("vpc-flow-logs", NameLimit.LOG_GROUP))
                        .retentionInDays(args.logRetentionDays())
                        .kmsKeyId(args.kmsKeyArn())
                        .build(),
                options);

        Role role = new Role(
                ChildNames.of(options, "flow-logs-role"),
                RoleArgs.builder()
                        .name(naming.name("flow-logs", NameLimit.IAM_ROLE))
                        .description("Lets VPC Flow Logs write to its CloudWatch log group")
                        .assumeRolePolicy(aws.accountId()
                                .applyValue(
                                        account -> PolicyDocument.serviceTrustForAccount(SERVICE_PRINCIPAL, account)))
                        .build(),
                options);
        RolePolicy write = new RolePolicy(
                ChildNames.of(options, "flow-logs-write"),
                RolePolicyArgs.builder()
                        .role(role.id())
                        .policy(logGroup.arn()
                                .applyValue(arn -> PolicyDocument.of(PolicyStatement.allow("WriteFlowLogs")
                                        .actions(
                                                "logs:CreateLogStream",
                                                "logs:PutLogEvents",
                                                "logs:DescribeLogGroups",
                                                "logs:DescribeLogStreams")
                                        .resources(arn, arn + ":*"))))
                        .build(),
                options);

        new FlowLog(
                ChildNames.of(options, "flow-log"),
                FlowLogArgs.builder()
                        .vpcId(vpc.id())
                        .trafficType("ALL")
                        .logDestinationType("cloud-watch-logs")
                        .logDestination(logGroup.arn())
                        .iamRoleArn(role.arn())
                        .maxAggregationInterval(600)
                        .tags(naming.nameTag("flow-log"))
                        // A flow log whose role cannot write yet fails with "Access error" and may not recover.
                        .build(),
                CustomResourceOptions.merge(
                        options,
                        CustomResourceOptions.builder().dependsOn(write).build()));
        return logGroup.name();
    }
}
