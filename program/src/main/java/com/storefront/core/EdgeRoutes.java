package com.storefront.core;

/** Paths the edge and the ALB agree on: CloudFront forwards them, the ALB's rules guard them. */
public final class EdgeRoutes {

    /** The partner API: API Gateway proxies to CloudFront here, and the ALB requires the gateway's header. */
    public static final String PARTNER_PATH = "/partner/*";

    private EdgeRoutes() {}
}
