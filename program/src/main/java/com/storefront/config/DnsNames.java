package com.storefront.config;

import java.util.regex.Pattern;

/** DNS names and Route 53 zone ids as the ALB and CloudFront settings accept them. */
public final class DnsNames {

    /** A lowercase DNS name of at least two labels (CloudFront aliases and ACM names are lowercase). */
    public static final Pattern DOMAIN =
            Pattern.compile("^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    public static final Pattern HOSTED_ZONE = Pattern.compile("^Z[A-Z0-9]{1,31}$");

    private DnsNames() {}
}
