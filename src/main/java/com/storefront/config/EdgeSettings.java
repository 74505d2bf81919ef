package com.storefront.config;

/**
 * Edge settings (EDGE-1..EDGE-4).
 *
 * @param logExpirationDays days the log bucket keeps ALB, CloudFront and S3 access logs
 */
public record EdgeSettings(int logExpirationDays) {
}
