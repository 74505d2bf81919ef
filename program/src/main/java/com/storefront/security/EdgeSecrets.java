package com.storefront.security;

import com.pulumi.core.Output;
import com.storefront.config.SecretValue;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The two shared secrets of the edge, both as request headers the ALB checks.
 * <ul>
 *   <li>{@link #ORIGIN_HEADER}: CloudFront adds it to every request to the ALB origin. The ALB routes
 *       nothing without it (so no other CloudFront distribution, and nothing else that reaches the ALB,
 *       is served), and the regional WAF does not rate-limit CloudFront's shared addresses because of it.</li>
 *   <li>{@link #GATEWAY_HEADER}: API Gateway adds it to every request it proxies, after checking the API
 *       key. The ALB serves the partner API only with it, so no partner route is reachable around the key,
 *       and the CloudFront WAF does not rate-limit API Gateway's shared addresses because of it.</li>
 * </ul>
 * The gateway secret is derived from the origin secret (HMAC-SHA256), so there is one secret to set and
 * rotate, the same config always gives the same value, and knowing one does not reveal the other.
 */
public final class EdgeSecrets {

    public static final String ORIGIN_HEADER = "X-Origin-Verify";
    public static final String GATEWAY_HEADER = "X-Gateway-Verify";
    private static final String GATEWAY_PURPOSE = "storefront/api-gateway";

    private EdgeSecrets() {}

    public static Output<String> gatewaySecret(SecretValue originSecret) {
        return originSecret.output().applyValue(EdgeSecrets::gatewaySecret).asSecret();
    }

    public static String gatewaySecret(String originSecret) {
        if (originSecret.isEmpty()) {
            throw new IllegalArgumentException("the origin secret is required (config validation reports it)");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(originSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(GATEWAY_PURPOSE.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
