package com.storefront.config;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The keys a stack sets, read as the Java SDK reads PULUMI_CONFIG (what the language host passes). */
class ConfigKeysTest {

    @Test
    void keysComeFromTheEnginesConfigVariableWithTheSdksKeyCleaning() {
        // The engine may spell keys namespace:config:key (older CLIs); the SDK cleans them to namespace:key.
        String json = "{\"aws:region\":\"us-west-2\",\"storefront:config:protet\":\"true\","
                + "\"storefront:network\":\"{\\\"azCount\\\":2}\"}";
        assertEquals(
                Optional.of(Set.of("aws:region", "storefront:protet", "storefront:network")), ConfigKeys.parse(json));
    }

    @Test
    void outsideTheEngineTheKeysAreUnknown() {
        assertEquals(Optional.empty(), ConfigKeys.parse(null));
        assertEquals(Optional.empty(), ConfigKeys.parse(" "));
    }
}
