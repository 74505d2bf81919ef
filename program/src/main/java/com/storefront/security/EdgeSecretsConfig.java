package com.storefront.security;

import com.storefront.config.ConfigSection;
import com.storefront.config.SecretValue;
import com.storefront.config.Setting;

import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The origin secret: the header value that proves a request came through this stack's edge. */
public final class EdgeSecretsConfig {

    private static final Pattern HEADER_SECRET = Pattern.compile("^[A-Za-z0-9_-]{32,128}$");

    public static final Setting<String> ORIGIN_VERIFY_SECRET = Setting.declaredOnly(
                    "originVerifySecret", Setting.Kind.SECRET, "32–128 letters, digits, `_`, `-`; set with `--secret`")
            .doc("the header only our distribution sends the ALB, and the key API Gateway's header is derived from "
                    + "([Security](#security-every-hop))")
            .shown("(required)", "(required)")
            .defaultValue("");

    private EdgeSecretsConfig() {}

    /**
     * CloudFront sends it to the ALB (which refuses requests lacking it) and API Gateway's header is an
     * HMAC of it, so one secret proves both paths.
     */
    public static SecretValue originSecret(ConfigSection root, Function<String, Optional<String>> raw) {
        return SecretValue.read(
                root,
                raw,
                ORIGIN_VERIFY_SECRET.name(),
                HEADER_SECRET,
                "32-128 letters, digits, _ or -",
                "must be 32-128 letters, digits, _ or -");
    }
}
