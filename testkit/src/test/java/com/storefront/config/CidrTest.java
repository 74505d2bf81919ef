package com.storefront.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CidrTest {

    @Test
    void parsesAndRejects() {
        assertEquals("10.0.0.0/16", Cidr.of("10.0.0.0/16").toString());
        assertTrue(Cidr.parse("10.0.0.1/16").isEmpty(), "host bits set");
        assertTrue(Cidr.parse("10.0.0.256/24").isEmpty());
        assertTrue(Cidr.parse("10.0.0.0/33").isEmpty());
        assertTrue(Cidr.parse("ten/8").isEmpty());
    }

    @Test
    void containmentAndOverlap() {
        Cidr vpc = Cidr.of("10.0.0.0/16");
        assertTrue(vpc.contains(Cidr.of("10.0.255.0/24")));
        assertFalse(vpc.contains(Cidr.of("10.1.0.0/24")));
        assertTrue(Cidr.of("10.0.1.0/25").overlaps(Cidr.of("10.0.1.0/24")));
        assertFalse(Cidr.of("10.0.1.0/25").overlaps(Cidr.of("10.0.1.128/25")));
    }

    @Test
    void subdivides() {
        assertEquals("10.0.176.0/20", Cidr.of("10.0.0.0/16").subnet(4, 11).toString());
        assertEquals("192.168.0.240/28", Cidr.of("192.168.0.0/24").subnet(4, 15).toString());
    }
}
