package com.storefront.security;

import com.google.gson.JsonObject;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.app.AppBinding;
import com.storefront.core.StackComponent;
import com.storefront.core.StackContext;
import com.storefront.iam.KeyUse;
import com.storefront.naming.Naming;

import java.util.List;
import java.util.Map;

/**
 * The application's third-party API keys (SEC-2). Pulumi creates the secret with placeholder JSON;
 * the team puts the real values in with {@code aws secretsmanager put-secret-value}, and Pulumi
 * never overwrites them afterwards.
 */
public final class AppSecrets extends StackComponent {

    public static final String TYPE = "storefront:security:AppSecrets";

    /** The application secret encrypts with the stack key. */
    public static final List<KeyUse> KEY_USES = List.of(KeyUse.via("secretsmanager"));

    static final List<String> PLACEHOLDER_KEYS = List.of("PAYMENT_API_KEY", "EMAIL_API_KEY", "SEARCH_API_KEY");

    private final Output<String> apiKeysSecretArn;

    public AppSecrets(String name, StackContext context, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Naming naming = context.naming();
        Output<String> kmsKeyArn = context.kmsKeyArn();
        boolean protect = context.protect();
        CustomResourceOptions child = child();
        Secret secret = Secrets.create(
                "api-keys",
                naming.name("api-keys"),
                "Storefront third-party API keys, injected into the app as environment variables",
                kmsKeyArn,
                protect,
                child);
        new SecretVersion(
                name("api-keys-placeholder"),
                SecretVersionArgs.builder()
                        .secretId(secret.id())
                        .secretString(placeholder())
                        .build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        // Real keys are set outside Pulumi; a later `pulumi up` must not reset them to placeholders:
                        // not by a
                        // new value, and not (after a refresh records this version as AWSPREVIOUS) by moving AWSCURRENT
                        // back.
                        .ignoreChanges("secretString", "versionStages")
                        .build());
        this.apiKeysSecretArn = secret.arn();
        registerOutputs(Map.of("apiKeysSecretArn", apiKeysSecretArn));
    }

    static String placeholder() {
        JsonObject json = new JsonObject();
        PLACEHOLDER_KEYS.forEach(key -> json.addProperty(key, "replace-me"));
        return json.toString();
    }

    public Output<String> apiKeysSecretArn() {
        return apiKeysSecretArn;
    }

    /** The third-party API keys, injected whole: a key the team has not added yet cannot stop tasks starting. */
    public AppBinding appBinding() {
        return AppBinding.named("app-secrets")
                .secret("API_KEYS", AppBinding.SecretRef.whole(apiKeysSecretArn))
                .build();
    }
}
