package com.storefront.naming;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NamingTest {

    private final Naming naming = new Naming("dev");

    @Test
    void derivesStorefrontWhatSuffix() {
        assertEquals("storefront-vpc-flow-logs-dev", naming.name("vpc-flow-logs"));
        assertEquals("storefront-dev", naming.stackName());
        assertEquals("storefront-vpc-dev", naming.nameTag("vpc").get("Name"));
    }

    @Test
    void rejectsNamesOverTheResourceLimit() {
        Naming longest = new Naming("abcdefghijkl");
        assertEquals(32, longest.name("green-tg", NameLimit.TARGET_GROUP).length());
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> longest.name("green-tg1", NameLimit.TARGET_GROUP));
        assertEquals(
                "storefront-green-tg1-abcdefghijkl is 33 characters; TARGET_GROUP names allow at most 32",
                e.getMessage());
    }

    @Test
    void rejectsMalformedParts() {
        assertThrows(IllegalArgumentException.class, () -> naming.name("Vpc"));
        assertThrows(IllegalArgumentException.class, () -> naming.name("vpc--x"));
    }
}
