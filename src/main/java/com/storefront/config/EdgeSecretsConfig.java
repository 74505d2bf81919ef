package com.storefront.config;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The origin secret: the header value that proves a request came through this stack's edge. */
final class EdgeSecretsConfig {

    private static final Pattern HEADER_SECRET = Pattern.compile("^[A-Za-z0-9_-]{32,128}$");

    private EdgeSecretsConfig() {
    }

    /**
     * CloudFront sends it to the ALB (which refuses requests lacking it) and API Gateway's header is an
     * HMAC of it, so one secret proves both paths.
     */
    static SecretValue originSecret(ConfigSection root, Function<String, Optional<String>> raw) {
        return SecretValue.read(root, raw, GeneralConfig.ORIGIN_VERIFY_SECRET.name(), HEADER_SECRET,
                "32-128 letters, digits, _ or -", "must be 32-128 letters, digits, _ or -");
    }
}
