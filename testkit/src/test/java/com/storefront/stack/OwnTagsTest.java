package com.storefront.stack;

import com.storefront.plan.Json;
import com.storefront.plan.PolicyRules;
import com.storefront.plan.Registered;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** CFG-4 and issue 16's request: the team's own tag values and extra tags, on every provider the program creates. */
class OwnTagsTest {

    private static final String TAGS =
            "{\"Environment\":\"production\",\"CostCenter\":\"cc-1234\",\"Team\":\"Storefront Core\","
                    + "\"Budget\":1234}";

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tagsOf(Registered provider) {
        Object raw = provider.require("defaultTags");
        Map<String, Object> defaultTags = raw instanceof String json ? Json.parse(json) : (Map<String, Object>) raw;
        return (Map<String, Object>) defaultTags.get("tags");
    }

    @Test
    void everyProviderCarriesTheTeamsTagValuesAndExtraTags() {
        StackRun run = StackRun.ofStackFile(Stacks.PROD_FILE, Map.of("storefront:tags", TAGS));
        List<Registered> providers = run.ofType("pulumi:providers:aws");
        assertEquals(3, providers.size(), "primary, us-east-1 and DR");
        for (Registered provider : providers) {
            assertEquals(
                    Map.of(
                            "Environment",
                            "production",
                            "Project",
                            "storefront",
                            "Owner",
                            "platform-team",
                            "ManagedBy",
                            "pulumi",
                            "CostCenter",
                            "cc-1234",
                            "Team",
                            "Storefront Core",
                            "Budget",
                            "1234"),
                    tagsOf(provider),
                    provider.name());
        }
        // A YAML number is a tag value as written: the rule agrees with the reader.
        assertEquals(List.of(), PolicyRules.Rule.PROVIDERS_AND_TAGS.violations(run.plan()));
        // Without the override the tag keeps the environment's name.
        assertEquals(
                "prod",
                tagsOf(Stacks.prod().one("pulumi:providers:aws", "aws-primary")).get("Environment"));
    }
}
