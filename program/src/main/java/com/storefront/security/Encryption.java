package com.storefront.security;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.core.StackComponent;

import java.util.Map;

/**
 * The stack's customer-managed KMS key (SEC-1): log groups, secrets, Aurora, ElastiCache, SNS and
 * S3 encrypt with it. It is its own component because the network (flow logs) needs it before
 * the data tier exists.
 */
public final class Encryption extends StackComponent {

    public static final String TYPE = "storefront:security:Encryption";
    static final int PROTECTED_DELETION_WINDOW_DAYS = 30;
    static final int DESTROYABLE_DELETION_WINDOW_DAYS = 7;

    @Export(name = "keyArn", refs = String.class)
    private final Output<String> keyArn;

    @Export(name = "keyId", refs = String.class)
    private final Output<String> keyId;

    @Export(name = "aliasName", refs = String.class)
    private final Output<String> aliasName;

    public Encryption(String name, EncryptionArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        CustomResourceOptions child = CustomResourceOptions.builder()
                .parent(this)
                .protect(args.protect())
                .build();

        Output<String> policy = Output.tuple(args.aws().partition(), args.aws().accountId())
                .applyValue(t -> KeyPolicy.document(args.aws(), t.t1, t.t2, args.uses()));
        // Children carry the component's name: two Encryption components would otherwise share URNs.
        Key key = new Key(
                name(name + "-key"),
                KeyArgs.builder()
                        .description("Storefront " + args.naming().suffix() + " ("
                                + args.aws().region() + "): logs, secrets, Aurora, ElastiCache, SNS, S3")
                        .enableKeyRotation(true)
                        .deletionWindowInDays(
                                args.protect() ? PROTECTED_DELETION_WINDOW_DAYS : DESTROYABLE_DELETION_WINDOW_DAYS)
                        .policy(policy)
                        .tags(args.naming().nameTag("key"))
                        .build(),
                CustomResourceOptions.merge(
                        child,
                        CustomResourceOptions.builder()
                                .retainOnDelete(args.keptAfterDestroy())
                                .build()));
        Alias alias = new Alias(
                name(name + "-alias"),
                AliasArgs.builder()
                        .name(args.aliasName())
                        .targetKeyId(key.keyId())
                        .build(),
                CustomResourceOptions.builder().parent(this).build());

        this.keyArn = key.arn();
        this.keyId = key.keyId();
        this.aliasName = alias.name();
        registerOutputs(Map.of("keyArn", keyArn, "keyId", keyId, "aliasName", aliasName));
    }

    public Output<String> keyArn() {
        return keyArn;
    }

    public Output<String> keyId() {
        return keyId;
    }

    public Output<String> aliasName() {
        return aliasName;
    }
}
