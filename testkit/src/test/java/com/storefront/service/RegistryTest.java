package com.storefront.service;

import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.Repository;
import com.storefront.plan.Json;
import com.storefront.plan.Registered;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SVC-10: the ECR repository. */
class RegistryTest {

    @Test
    void immutableScannedAndEncryptedWithTheCmk() {
        StackRun run = Stacks.prod();
        Registered repository = run.one(Types.of(Repository.class), "registry-api-repository");
        assertEquals("storefront-api-prod", repository.string("name"));
        assertEquals("IMMUTABLE", repository.string("imageTagMutability"));
        assertEquals(Map.of("scanOnPush", true), repository.map("imageScanningConfiguration"));
        assertEquals(
                List.of(Map.of("encryptionType", "KMS", "kmsKey", run.output("kmsKeyArn"))),
                repository.list("encryptionConfigurations"));
        assertFalse(repository.bool("forceDelete"));
        assertTrue(repository.protect());
        assertEquals(
                "123456789012.dkr.ecr.us-east-2.amazonaws.com/storefront-api-prod", run.output("ecrRepositoryUrl"));
    }

    @Test
    void devRepositoryIsDeletedWithItsImages() {
        Registered repository = Stacks.dev().one(Types.of(Repository.class), "registry-api-repository");
        assertTrue(repository.bool("forceDelete"));
        assertFalse(repository.protect());
    }

    @Test
    @SuppressWarnings("unchecked")
    void lifecycleExpiresUntaggedFirstAndKeepsTheNewestImages() {
        Registered lifecycle = Stacks.dev().one(Types.of(LifecyclePolicy.class), "registry-api-repository-lifecycle");
        assertEquals("storefront-api-dev", lifecycle.string("repository"));
        List<Map<String, Object>> rules = (List<Map<String, Object>>)
                Json.parse(lifecycle.string("policy")).get("rules");
        assertEquals(2, rules.size());
        assertEquals(
                Map.of(
                        "tagStatus",
                        "untagged",
                        "countType",
                        "sinceImagePushed",
                        "countUnit",
                        "days",
                        "countNumber",
                        7.0),
                rules.get(0).get("selection"));
        assertEquals(
                Map.of("tagStatus", "any", "countType", "imageCountMoreThan", "countNumber", 30.0),
                rules.get(1).get("selection"));
        assertTrue(
                (double) rules.get(1).get("rulePriority")
                        > (double) rules.get(0).get("rulePriority"),
                "tagStatus any must have the lowest precedence");
    }
}
