package com.storefront.config;

import java.util.Optional;

/**
 * The ALB's TLS mode (SVC-5). With {@code domainName}: HTTPS with {@code certificateArn}, or with a
 * DNS-validated certificate when only {@code hostedZoneId} is given; the name points at the ALB
 * (in the hosted zone when given) and is CloudFront's origin. Without: an internal ALB that only
 * CloudFront's VPC origin reaches, carrying the origin secret in a header.
 */
public record TlsSettings(Optional<String> certificateArn, Optional<String> domainName, Optional<String> hostedZoneId) {

    public boolean https() {
        return domainName.isPresent();
    }

    /** Whether the program requests and DNS-validates the certificate itself. */
    public boolean issuesCertificate() {
        return domainName.isPresent() && certificateArn.isEmpty();
    }
}
