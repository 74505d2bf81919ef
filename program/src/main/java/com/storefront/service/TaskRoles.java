package com.storefront.service;

import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.core.AwsContext;
import com.storefront.core.ChildNames;
import com.storefront.iam.PolicyDocument;
import com.storefront.iam.PolicyStatement;
import com.storefront.naming.NameLimit;
import com.storefront.naming.Naming;

import java.util.ArrayList;
import java.util.List;

/**
 * The task execution role (what ECS needs to start the task) and the task role (what the app
 * itself may do), each with an inline least-privilege policy (SVC-4).
 */
record TaskRoles(Role execution, Role task) {

    static final String ECS_TASKS = "ecs-tasks.amazonaws.com";
    static final List<String> ECS_EXEC_ACTIONS = List.of(
            "ssmmessages:CreateControlChannel",
            "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel",
            "ssmmessages:OpenDataChannel");

    /**
     * @param secretArns    the secrets injected into the container; the execution role reads them to start
     *                      the task, the task role to re-read them (after a rotation) at run time
     * @param appStatements what the app's bindings let it do with their resources
     */
    static TaskRoles create(
            Naming naming,
            AwsContext aws,
            boolean executeCommand,
            Output<String> repositoryArn,
            Output<String> logGroupArn,
            Output<String> kmsKeyArn,
            List<Output<String>> secretArns,
            List<Output<PolicyStatement>> appStatements,
            CustomResourceOptions options) {
        // The task role's trust follows the ECS task-role documentation (source account and ARN); the
        // execution role keeps the plain trust ECS documents for it.
        Output<String> trust = Output.tuple(aws.accountId(), aws.partition())
                .applyValue(t -> PolicyDocument.of(PolicyStatement.allow("EcsTasks")
                        .service(ECS_TASKS)
                        .actions("sts:AssumeRole")
                        .condition("StringEquals", "aws:SourceAccount", t.t1)
                        .condition(
                                "ArnLike",
                                "aws:SourceArn",
                                "arn:" + t.t2 + ":ecs:" + aws.region() + ":" + t.t1 + ":*")));

        Role execution = new Role(
                ChildNames.of(options, "task-execution-role"),
                RoleArgs.builder()
                        .name(naming.name("api-execution", NameLimit.IAM_ROLE))
                        .description("ECS pulls the Storefront API image, writes its logs and injects its secrets")
                        .assumeRolePolicy(PolicyDocument.serviceTrust(ECS_TASKS))
                        .build(),
                options);
        Output<List<String>> secrets = Output.all(secretArns);
        new RolePolicy(
                ChildNames.of(options, "task-execution-policy"),
                RolePolicyArgs.builder()
                        .role(execution.id())
                        .policy(Output.tuple(repositoryArn, logGroupArn, kmsKeyArn, secrets)
                                .applyValue(t -> PolicyDocument.of(
                                        // GetAuthorizationToken has no resource-level permissions.
                                        PolicyStatement.allow("EcrLogin")
                                                .actions("ecr:GetAuthorizationToken")
                                                .resources("*"),
                                        PolicyStatement.allow("PullApiImage")
                                                .actions(
                                                        "ecr:BatchCheckLayerAvailability",
                                                        "ecr:GetDownloadUrlForLayer",
                                                        "ecr:BatchGetImage")
                                                .resources(t.t1),
                                        PolicyStatement.allow("WriteLogs")
                                                .actions("logs:CreateLogStream", "logs:PutLogEvents")
                                                .resources(t.t2 + ":*"),
                                        PolicyStatement.allow("InjectSecrets")
                                                .actions("secretsmanager:GetSecretValue")
                                                .resources(t.t4),
                                        PolicyStatement.allow("DecryptSecrets")
                                                .actions("kms:Decrypt")
                                                .resources(t.t3))))
                        .build(),
                options);

        Role task = new Role(
                ChildNames.of(options, "task-role"),
                RoleArgs.builder()
                        .name(naming.name("api-task", NameLimit.IAM_ROLE))
                        .description("The Storefront API's own permissions")
                        .assumeRolePolicy(trust)
                        .build(),
                options);
        new RolePolicy(
                ChildNames.of(options, "task-policy"),
                RolePolicyArgs.builder()
                        .role(task.id())
                        .policy(Output.tuple(kmsKeyArn, secrets, Output.all(appStatements))
                                .applyValue(t -> {
                                    List<PolicyStatement> statements = new ArrayList<>();
                                    // Re-reading lets the app pick up a rotated DB password or Redis token without a
                                    // redeploy.
                                    statements.add(PolicyStatement.allow("ReadOwnSecrets")
                                            .actions("secretsmanager:GetSecretValue")
                                            .resources(t.t2));
                                    statements.add(PolicyStatement.allow("DecryptOwnSecrets")
                                            .actions("kms:Decrypt")
                                            .resources(t.t1));
                                    // What the bindings let the app do with their resources (e.g. send to a queue).
                                    statements.addAll(t.t3);
                                    if (executeCommand) {
                                        // ECS Exec's Session Manager channels have no resource-level permissions.
                                        statements.add(PolicyStatement.allow("EcsExec")
                                                .actions(ECS_EXEC_ACTIONS)
                                                .resources("*"));
                                    }
                                    return PolicyDocument.of(statements);
                                }))
                        .build(),
                options);
        return new TaskRoles(execution, task);
    }
}
