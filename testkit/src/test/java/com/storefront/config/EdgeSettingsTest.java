package com.storefront.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static com.storefront.config.ConfigFixtures.load;
import static com.storefront.config.ConfigFixtures.minimal;
import static com.storefront.config.ConfigFixtures.onlyProblem;
import static com.storefront.config.ConfigFixtures.prodMinimal;
import static com.storefront.config.ConfigFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Defaults and one test per rule for {@code storefront:edge} and {@code storefront:api}. */
class EdgeSettingsTest {

    private static Map<String, String> edge(String json) {
        return with(minimal(), "storefront:edge", json);
    }

    @Test
    void defaults() {
        EdgeSettings dev = load(minimal()).edge();
        assertEquals(OriginAccess.OAC, dev.originAccess());
        assertEquals("PriceClass_100", dev.priceClass());
        assertEquals("index.html", dev.defaultRootObject());
        assertEquals(86400, dev.staticAssetTtlSeconds());
        assertEquals(7, dev.noncurrentVersionDays());
        assertEquals(2000, dev.wafRateLimit());
        assertEquals(300, dev.wafRateWindowSeconds());
        assertFalse(dev.customDomain());
        assertFalse(load(minimal()).api().enabled());

        StackSettings prod = load(prodMinimal());
        assertEquals("PriceClass_All", prod.edge().priceClass());
        assertEquals(30, prod.edge().noncurrentVersionDays());
        assertTrue(prod.api().enabled());
        assertEquals(
                new ApiSettings(
                        true,
                        "v1",
                        100,
                        1000,
                        java.util.Optional.of("arn:aws:iam::123456789012:role/api-gateway-logs"),
                        false,
                        ApiLogLevel.ERROR),
                prod.api());
        assertFalse(prod.api().createsLoggingRole());
    }

    @Test
    void originAccessAndPriceClass() {
        onlyProblem(edge("{\"originAccess\":\"public\"}"), "storefront:edge.originAccess", "oac, oai");
        onlyProblem(edge("{\"priceClass\":\"PriceClass_50\"}"), "storefront:edge.priceClass", "PriceClass_100");
    }

    @ParameterizedTest
    @ValueSource(ints = {30, 180, 900})
    void wafWindowIsOneWafAccepts(int window) {
        onlyProblem(edge("{\"wafRateWindowSeconds\":" + window + "}"), "storefront:edge.wafRateWindowSeconds", "");
    }

    @Test
    void wafRateLimitFloor() {
        onlyProblem(edge("{\"wafRateLimit\":5}"), "storefront:edge.wafRateLimit", "from 10");
    }

    @Test
    void customDomainNeedsAUsEast1CertificateOrAZone() {
        onlyProblem(edge("{\"domainName\":\"shop.example.com\"}"), "storefront:edge.certificateArn", "hostedZoneId");
        onlyProblem(
                edge(
                        "{\"domainName\":\"shop.example.com\","
                                + "\"certificateArn\":\"arn:aws:acm:us-west-2:123456789012:certificate/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f\"}"),
                "storefront:edge.certificateArn",
                "us-east-1");
        onlyProblem(edge("{\"hostedZoneId\":\"Z0123456789ABCDEFGHIJ\"}"), "storefront:edge.domainName", "is required");
        assertTrue(load(edge("{\"domainName\":\"shop.example.com\",\"hostedZoneId\":\"Z0123456789ABCDEFGHIJ\"}"))
                .edge()
                .issuesCertificate());
    }

    @Test
    void viewerAndOriginDomainsDiffer() {
        onlyProblem(
                with(
                        minimal(),
                        "storefront:edge",
                        "{\"domainName\":\"shop.example.com\",\"hostedZoneId\":\"Z0123456789ABCDEFGHIJ\"}",
                        "storefront:tls",
                        "{\"domainName\":\"shop.example.com\",\"hostedZoneId\":\"Z0123456789ABCDEFGHIJ\"}"),
                "storefront:edge.domainName",
                "must differ");
    }

    @Test
    void defaultRootObjectIsAKey() {
        onlyProblem(edge("{\"defaultRootObject\":\"/index.html\"}"), "storefront:edge.defaultRootObject", "object key");
    }

    @Test
    void apiRules() {
        onlyProblem(
                with(
                        minimal(),
                        "storefront:api",
                        "{\"enabled\":true,\"cloudWatchRoleArn\":"
                                + "\"arn:aws:iam::123456789012:role/api-logs\",\"rateLimit\":500,\"burstLimit\":100}"),
                "storefront:api.burstLimit",
                "at least rateLimit");
        onlyProblem(
                with(minimal(), "storefront:api", "{\"executionLogLevel\":\"debug\"}"),
                "storefront:api.executionLogLevel",
                "off, error, info");
        onlyProblem(
                with(minimal(), "storefront:api", "{\"stageName\":\"v-1\"}"), "storefront:api.stageName", "letters");
        onlyProblem(
                with(minimal(), "storefront:api", "{\"cloudWatchRoleArn\":\"api-logs\"}"),
                "storefront:api.cloudWatchRoleArn",
                "IAM role ARN");
    }

    /** The account-level logging role is shared by every REST API in the region: never assumed, never taken silently. */
    @Test
    void theApiNamesTheAccountLoggingRoleOrIsAskedToRegisterOne() {
        onlyProblem(
                with(minimal(), "storefront:api", "{\"enabled\":true}"),
                "storefront:api.cloudWatchRoleArn",
                "manageAccountLogging");
        // Managing the account-wide setting keeps it after destroy: a decommissioned stack's job, not a test stack's.
        ApiSettings managed = load(with(
                        minimal(),
                        "storefront:teardown",
                        "decommission",
                        "storefront:api",
                        "{\"enabled\":true,\"manageAccountLogging\":true}"))
                .api();
        assertTrue(managed.manageAccountLogging());
        assertTrue(managed.createsLoggingRole());
        ApiSettings given = load(with(
                        minimal(),
                        "storefront:teardown",
                        "decommission",
                        "storefront:api",
                        "{\"enabled\":true,\"manageAccountLogging\":true,"
                                + "\"cloudWatchRoleArn\":\"arn:aws:iam::123456789012:role/shared-api-logs\"}"))
                .api();
        assertFalse(given.createsLoggingRole());
        // Disabled: nothing to log, nothing required.
        assertFalse(load(minimal()).api().enabled());
    }

    @Test
    void wafLogFilterChoices() {
        assertEquals(WafLogFilter.ALL, load(minimal()).edge().wafLogFilter());
        assertEquals(
                WafLogFilter.BLOCKED_AND_COUNTED,
                load(with(minimal(), "storefront:edge", "{\"wafLogFilter\":\"blockedAndCounted\"}"))
                        .edge()
                        .wafLogFilter());
        onlyProblem(
                with(minimal(), "storefront:edge", "{\"wafLogFilter\":\"blocked\"}"),
                "storefront:edge.wafLogFilter",
                "all, blockedAndCounted");
    }

    @Test
    void infrequentAccessIsOffOrAtLeastThirtyDays() {
        assertEquals(30, load(minimal()).edge().infrequentAccessDays());
        assertEquals(
                0,
                load(with(minimal(), "storefront:edge", "{\"infrequentAccessDays\":0}"))
                        .edge()
                        .infrequentAccessDays());
        onlyProblem(
                with(minimal(), "storefront:edge", "{\"infrequentAccessDays\":7}"),
                "storefront:edge.infrequentAccessDays",
                "no sooner than 30 days");
    }
}
