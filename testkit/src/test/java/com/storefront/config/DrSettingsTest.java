package com.storefront.config;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.storefront.config.ConfigFixtures.load;
import static com.storefront.config.ConfigFixtures.minimal;
import static com.storefront.config.ConfigFixtures.onlyProblem;
import static com.storefront.config.ConfigFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rules for {@code storefront:dr}. */
class DrSettingsTest {

    private static Map<String, String> dr(String json) {
        return with(minimal(), "storefront:dr", json);
    }

    @Test
    void defaults() {
        DrSettings settings =
                load(dr("{\"enabled\":true,\"region\":\"us-east-2\"}")).dr();
        assertEquals("10.1.0.0/16", settings.vpcCidr());
        assertEquals(7, settings.backupRetentionDays());
        assertEquals("cron(0 7 * * ? *)", settings.backupSchedule());
    }

    @Test
    void drVpcMustNotOverlapThePrimary() {
        onlyProblem(
                dr("{\"enabled\":true,\"region\":\"us-east-2\",\"vpcCidr\":\"10.0.128.0/20\"}"),
                "storefront:dr.vpcCidr",
                "must not overlap the primary VPC 10.0.0.0/16");
        onlyProblem(
                dr("{\"enabled\":true,\"region\":\"us-east-2\",\"vpcCidr\":\"10.1.0.0\"}"),
                "storefront:dr.vpcCidr",
                "/16 to /24");
    }

    @Test
    void regionRules() {
        onlyProblem(dr("{\"enabled\":true}"), "storefront:dr.region", "is required");
        onlyProblem(dr("{\"enabled\":true,\"region\":\"us-west-2\"}"), "storefront:dr.region", "must differ");
        onlyProblem(dr("{\"enabled\":true,\"region\":\"us-moon-1\"}"), "storefront:dr.region", "commercial partition");
    }

    @Test
    void backupSettings() {
        onlyProblem(dr("{\"backupSchedule\":\"daily\"}"), "storefront:dr.backupSchedule", "cron(0 7 * * ? *)");
        onlyProblem(dr("{\"copyRetentionDays\":0}"), "storefront:dr.copyRetentionDays", "from 1 to 3650");
    }
}
