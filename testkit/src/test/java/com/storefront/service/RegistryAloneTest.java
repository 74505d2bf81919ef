package com.storefront.service;

import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.Repository;
import com.storefront.config.StackSettings;
import com.storefront.plan.Registered;
import com.storefront.testing.ComponentRun;
import com.storefront.testing.StackRun;
import com.storefront.testing.Types;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry on its own, for a protected stack: what the context gives it decides protection and the key. */
class RegistryAloneTest {

    private static final StackSettings PROTECTED =
            ComponentRun.settings(Map.of("storefront:protect", "true", "storefront:teardown", "decommission"));
    private static StackRun run;

    @BeforeAll
    static void buildTheRegistryAlone() {
        run = ComponentRun.of(PROTECTED, (context, options) -> new Registry("registry", context, 12, options));
    }

    @Test
    void theRepositoryUsesTheStackKeyAndProtectionFromTheContext() {
        Registered repository = run.ofType(Types.of(Repository.class)).get(0);
        assertEquals("storefront-api-t1", repository.string("name"));
        Map<?, ?> encryption =
                (Map<?, ?>) repository.list("encryptionConfigurations").get(0);
        assertEquals("KMS", encryption.get("encryptionType"));
        assertTrue(
                String.valueOf(encryption.get("kmsKey")).startsWith("arn:aws:kms:us-west-2:"), encryption.toString());
        assertTrue(repository.protect(), "a protected stack protects its images");
        String policy = run.ofType(Types.of(LifecyclePolicy.class)).get(0).string("policy");
        assertTrue(policy.contains("\"countNumber\":12"), policy);
    }
}
