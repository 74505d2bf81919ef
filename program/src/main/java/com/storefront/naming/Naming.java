package com.storefront.naming;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one place physical names are derived: {@code storefront-<what>-<suffix>}. Each call states
 * the AWS length limit of the name it makes, so a name that would be rejected at deploy time fails
 * here instead (the suffix length is validated so that every name the program makes fits).
 */
public final class Naming {

    public static final String PREFIX = "storefront";
    /**
     * The longest suffix for which every derived name fits its limit; the tightest are ALB and
     * target-group names (32) and S3 bucket names that also carry the account id (63).
     */
    public static final int MAX_SUFFIX_LENGTH = 12;

    private static final Pattern WHAT = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    private final String suffix;
    private final String area;

    public Naming(String suffix) {
        this(suffix, "");
    }

    private Naming(String suffix, String area) {
        this.suffix = suffix;
        this.area = area;
    }

    /**
     * The naming of one area of the stack (e.g. {@code dr}): every {@code what} is prefixed with it, so the DR
     * region's VPC is {@code storefront-dr-vpc-<suffix>} while the code that builds it asks for {@code vpc}.
     */
    public Naming within(String area) {
        name(area);
        return new Naming(suffix, this.area + area + "-");
    }

    public String suffix() {
        return suffix;
    }

    /** {@code storefront-<suffix>}: for the few names that identify the whole stack (the KMS alias). */
    public String stackName() {
        return PREFIX + "-" + suffix;
    }

    /** {@code storefront-<what>-<suffix>}, checked against the limit of the resource that carries it. */
    public String name(String what, NameLimit limit) {
        if (!WHAT.matcher(what).matches()) {
            throw new IllegalArgumentException("name part must be lowercase words joined by hyphens: " + what);
        }
        String name = PREFIX + "-" + area + what + "-" + suffix;
        if (name.length() > limit.maxLength()) {
            throw new IllegalStateException(name + " is " + name.length() + " characters; " + limit
                    + " names allow at most " + limit.maxLength());
        }
        return name;
    }

    /** A name for resources without a tighter limit (log groups, secrets, SGs, ...). */
    public String name(String what) {
        return name(what, NameLimit.GENERIC);
    }

    /** The {@code Name} tag EC2 shows in the console for resources that have no name field. */
    public Map<String, String> nameTag(String what) {
        return Map.of("Name", name(what, NameLimit.GENERIC));
    }
}
