package com.storefront.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway secret: derived, stable, distinct, and not a way back to the origin secret. */
class EdgeSecretsTest {

    private static final String ORIGIN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @Test
    void theGatewaySecretIsAStableHmacOfTheOriginSecret() {
        String gateway = EdgeSecrets.gatewaySecret(ORIGIN);
        assertEquals(gateway, EdgeSecrets.gatewaySecret(ORIGIN), "the same config registers the same inputs");
        assertTrue(gateway.matches("[0-9a-f]{64}"), gateway);
        assertNotEquals(ORIGIN, gateway);
        assertTrue(!gateway.contains(ORIGIN.substring(0, 16)));
        assertNotEquals(
                gateway, EdgeSecrets.gatewaySecret(ORIGIN.replace('0', '1')), "rotating the origin secret rotates it");
    }

    @Test
    void anEmptyOriginSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> EdgeSecrets.gatewaySecret(""));
    }
}
