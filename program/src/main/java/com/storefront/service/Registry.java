package com.storefront.service;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.LifecyclePolicyArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.ecr.inputs.RepositoryEncryptionConfigurationArgs;
import com.pulumi.aws.ecr.inputs.RepositoryImageScanningConfigurationArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.core.StackComponent;
import com.storefront.core.StackContext;
import com.storefront.iam.KeyUse;
import com.storefront.naming.Naming;

import java.util.List;
import java.util.Map;

/** The ECR repository for the team's API image (SVC-10). */
public final class Registry extends StackComponent {

    public static final String TYPE = "storefront:service:Registry";

    /** The image repository encrypts with the stack key. */
    public static final List<KeyUse> KEY_USES = List.of(KeyUse.via("ecr"));

    static final int UNTAGGED_EXPIRY_DAYS = 7;

    private final Output<String> repositoryUrl;
    private final Output<String> repositoryArn;
    private final Output<String> repositoryName;

    public Registry(String name, StackContext context, int keepImages, ComponentResourceOptions options) {
        super(TYPE, name, options);
        Naming naming = context.naming();
        Output<String> kmsKeyArn = context.kmsKeyArn();
        boolean protect = context.protect();
        Repository repository = new Repository(
                name("api-repository"),
                RepositoryArgs.builder()
                        .name(naming.name("api"))
                        // Immutable tags: a tag always means the same image, so rollbacks and audits are exact.
                        .imageTagMutability("IMMUTABLE")
                        .imageScanningConfiguration(RepositoryImageScanningConfigurationArgs.builder()
                                .scanOnPush(true)
                                .build())
                        .encryptionConfigurations(RepositoryEncryptionConfigurationArgs.builder()
                                .encryptionType("KMS")
                                .kmsKey(kmsKeyArn)
                                .build())
                        .forceDelete(!protect)
                        .build(),
                CustomResourceOptions.builder().parent(this).protect(protect).build());
        new LifecyclePolicy(
                name("api-repository-lifecycle"),
                LifecyclePolicyArgs.builder()
                        .repository(repository.name())
                        .policy(lifecyclePolicy(keepImages))
                        .build(),
                CustomResourceOptions.builder().parent(this).build());

        this.repositoryUrl = repository.repositoryUrl();
        this.repositoryArn = repository.arn();
        this.repositoryName = repository.name();
        registerOutputs(Map.of(
                "repositoryUrl", repositoryUrl, "repositoryArn", repositoryArn, "repositoryName", repositoryName));
    }

    /** Untagged layers go after a week; of the rest, the newest {@code keepImages} stay. */
    static String lifecyclePolicy(int keepImages) {
        JsonArray rules = new JsonArray();
        rules.add(rule(
                1,
                "Expire untagged images after " + UNTAGGED_EXPIRY_DAYS + " days",
                "untagged",
                "sinceImagePushed",
                UNTAGGED_EXPIRY_DAYS));
        // tagStatus "any" must carry the lowest precedence (highest number) in ECR lifecycle policies.
        rules.add(rule(2, "Keep the newest " + keepImages + " images", "any", "imageCountMoreThan", keepImages));
        JsonObject policy = new JsonObject();
        policy.add("rules", rules);
        return policy.toString();
    }

    private static JsonObject rule(int priority, String description, String tagStatus, String countType, int count) {
        JsonObject selection = new JsonObject();
        selection.addProperty("tagStatus", tagStatus);
        selection.addProperty("countType", countType);
        if (countType.equals("sinceImagePushed")) {
            selection.addProperty("countUnit", "days");
        }
        selection.addProperty("countNumber", count);
        JsonObject action = new JsonObject();
        action.addProperty("type", "expire");
        JsonObject rule = new JsonObject();
        rule.addProperty("rulePriority", priority);
        rule.addProperty("description", description);
        rule.add("selection", selection);
        rule.add("action", action);
        return rule;
    }

    public Output<String> repositoryUrl() {
        return repositoryUrl;
    }

    public Output<String> repositoryArn() {
        return repositoryArn;
    }

    public Output<String> repositoryName() {
        return repositoryName;
    }
}
