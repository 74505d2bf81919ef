package com.storefront.config;

/** How CloudFront reads the assets bucket (EDGE-1). */
public enum OriginAccess implements ConfigEnum {
    /** Origin access control: SigV4-signed requests, works with SSE-KMS (the bucket uses the CMK). */
    OAC("oac"),
    /** Legacy origin access identity: cannot read SSE-KMS objects, so the bucket uses SSE-S3. */
    OAI("oai");

    private final String configValue;

    OriginAccess(String configValue) {
        this.configValue = configValue;
    }

    @Override
    public String configValue() {
        return configValue;
    }
}
