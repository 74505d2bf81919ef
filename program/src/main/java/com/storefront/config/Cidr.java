package com.storefront.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An IPv4 CIDR block with the arithmetic the network layout needs (containment, overlap, subdivision). */
public record Cidr(long network, int prefix) {

    private static final Pattern SYNTAX =
            Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})$");

    public Cidr {
        if (prefix < 0 || prefix > 32) {
            throw new IllegalArgumentException("prefix out of range: " + prefix);
        }
        if ((network & ~mask(prefix)) != 0) {
            throw new IllegalArgumentException("host bits set in " + format(network, prefix));
        }
    }

    /** Parses {@code a.b.c.d/n}; empty when the syntax is wrong or host bits are set (AWS rejects those). */
    public static Optional<Cidr> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            int octet = Integer.parseInt(m.group(i));
            if (octet > 255) {
                return Optional.empty();
            }
            address = (address << 8) | octet;
        }
        int prefix = Integer.parseInt(m.group(5));
        if (prefix > 32 || (address & ~mask(prefix)) != 0) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(address, prefix));
    }

    public static Cidr of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not a CIDR block: " + text));
    }

    public boolean contains(Cidr other) {
        return other.prefix >= prefix && (other.network & mask(prefix)) == network;
    }

    public boolean overlaps(Cidr other) {
        return contains(other) || other.contains(this);
    }

    /** The {@code index}-th block of size {@code prefix + newBits} inside this one. */
    public Cidr subnet(int newBits, int index) {
        int childPrefix = prefix + newBits;
        if (childPrefix > 32 || index < 0 || index >= (1L << newBits)) {
            throw new IllegalArgumentException("cannot take block " + index + " of /" + childPrefix + " from " + this);
        }
        return new Cidr(network + ((long) index << (32 - childPrefix)), childPrefix);
    }

    @Override
    public String toString() {
        return format(network, prefix);
    }

    private static long mask(int prefix) {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    private static String format(long address, int prefix) {
        return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF) + "."
                + (address & 0xFF) + "/" + prefix;
    }
}
