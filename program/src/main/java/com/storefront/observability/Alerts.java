package com.storefront.observability;

import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicPolicy;
import com.pulumi.aws.sns.TopicPolicyArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.core.StackComponent;
import com.storefront.core.StackContext;
import com.storefront.iam.KeyUse;
import com.storefront.iam.PolicyDocument;
import com.storefront.iam.PolicyStatement;
import com.storefront.naming.Naming;

import java.util.List;
import java.util.Map;

/**
 * The alarm topic (OBS-2), encrypted with the stack CMK (whose policy lets CloudWatch alarms use it;
 * the AWS-managed SNS key cannot), with an email subscription per configured address. It exists
 * before the tiers so any of them can send alarms to it.
 */
public final class Alerts extends StackComponent {

    public static final String TYPE = "storefront:observability:Alerts";

    /**
     * The alarm topic encrypts with the stack key: SNS uses it for publishers, and CloudWatch alarms and
     * EventBridge (AWS Backup failures) publish to the encrypted topic.
     */
    public static final List<KeyUse> KEY_USES = List.of(
            // The AWS-managed SNS key cannot grant CloudWatch alarms this.
            new KeyUse.ServiceGrant(
                    "CloudWatchAlarmsPublishToSns",
                    scope -> PolicyStatement.allow("CloudWatchAlarmsPublishToSns")
                            .service("cloudwatch.amazonaws.com")
                            .actions("kms:Decrypt", "kms:GenerateDataKey*")
                            .resources("*")
                            .condition("StringEquals", "aws:SourceAccount", scope.accountId())),
            // AWS documents no condition key for this (SourceAccount/SourceArn are unsupported here); the topic
            // policy admits only this account's rules.
            new KeyUse.ServiceGrant(
                    "EventBridgePublishesToEncryptedTopics",
                    scope -> PolicyStatement.allow("EventBridgePublishesToEncryptedTopics")
                            .service("events.amazonaws.com")
                            .actions("kms:Decrypt", "kms:GenerateDataKey*")
                            .resources("*")),
            KeyUse.via("sns"));

    private final Output<String> topicArn;

    public Alerts(String name, StackContext context, List<String> emails, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Naming naming = context.naming();
        Output<String> kmsKeyArn = context.kmsKeyArn();
        Output<String> accountId = context.aws().accountId();
        CustomResourceOptions child = child();
        Topic topic = new Topic(
                name("alarm-topic"),
                TopicArgs.builder()
                        .name(naming.name("alarms"))
                        .displayName("Storefront " + naming.suffix() + " alarms")
                        .kmsMasterKeyId(kmsKeyArn)
                        .build(),
                child);
        // SNS's default policy (this account's principals), plus EventBridge rules of this account (AWS Backup
        // failures).
        new TopicPolicy(
                name("alarm-topic-policy"),
                TopicPolicyArgs.builder()
                        .arn(topic.arn())
                        .policy(Output.tuple(topic.arn(), accountId).applyValue(t -> topicPolicy(t.t1, t.t2)))
                        .build(),
                child);
        for (int i = 0; i < emails.size(); i++) {
            // Email subscriptions stay "pending confirmation" until the recipient clicks the link AWS sends.
            new TopicSubscription(
                    name("alarm-email-" + (i + 1)),
                    TopicSubscriptionArgs.builder()
                            .topic(topic.arn())
                            .protocol("email")
                            .endpoint(emails.get(i))
                            .build(),
                    child);
        }
        this.topicArn = topic.arn();
        registerOutputs(Map.of("topicArn", topicArn));
    }

    static String topicPolicy(String topicArn, String accountId) {
        return PolicyDocument.of(
                PolicyStatement.allow("AccountPrincipals")
                        .anyPrincipal()
                        .actions(
                                "SNS:GetTopicAttributes",
                                "SNS:SetTopicAttributes",
                                "SNS:AddPermission",
                                "SNS:RemovePermission",
                                "SNS:DeleteTopic",
                                "SNS:Subscribe",
                                "SNS:ListSubscriptionsByTopic",
                                "SNS:Publish")
                        .resources(topicArn)
                        .condition("StringEquals", "AWS:SourceOwner", accountId),
                PolicyStatement.allow("CloudWatchAlarms")
                        .service("cloudwatch.amazonaws.com")
                        .actions("sns:Publish")
                        .resources(topicArn)
                        .condition("StringEquals", "aws:SourceAccount", accountId),
                PolicyStatement.allow("EventBridgeRules")
                        .service("events.amazonaws.com")
                        .actions("sns:Publish")
                        .resources(topicArn)
                        .condition("StringEquals", "aws:SourceAccount", accountId));
    }

    public Output<String> topicArn() {
        return topicArn;
    }
}
