package com.storefront.config;

/** Disaster-recovery region settings (DR-1); the DR resources themselves build on this. */
public record DrSettings(boolean enabled, String region) {
}
