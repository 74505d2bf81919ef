package com.storefront.security;

import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.storefront.plan.Json;
import com.storefront.plan.Registered;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SEC-2: the third-party API-keys secret. */
class AppSecretsTest {

    @Test
    void apiKeysSecretIsEncryptedAndHoldsPlaceholdersThePipelineNeverOverwrites() {
        StackRun run = Stacks.prod();
        Registered secret = run.one(Types.of(Secret.class), "app-secrets-api-keys");
        assertEquals("storefront-api-keys-prod", secret.string("name"));
        assertEquals(run.output("kmsKeyArn"), secret.string("kmsKeyId"));
        assertEquals(run.output("apiKeysSecretArn"), secret.id());
        assertEquals(AppSecrets.TYPE, run.componentOf(secret).type());

        Registered version = run.one(Types.of(SecretVersion.class), "app-secrets-api-keys-placeholder");
        assertEquals(secret.id(), version.string("secretId"));
        // Neither a new placeholder value nor, after a refresh, moving AWSCURRENT back to this version.
        assertEquals(List.of("secretString", "versionStages"), version.ignoreChanges());
        assertTrue(version.input("versionStages").isEmpty(), "declared stages would move AWSCURRENT back on every up");
        assertEquals(
                AppSecrets.PLACEHOLDER_KEYS,
                List.copyOf(Json.parse(version.string("secretString")).keySet()));
        assertTrue(Json.parse(version.string("secretString")).values().stream().allMatch("replace-me"::equals));
    }
}
