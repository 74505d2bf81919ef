package com.storefront.edge;

/** AWS-managed CloudFront policies, by their fixed IDs (identical in every account). */
final class CloudFrontPolicies {

    static final String CACHING_OPTIMIZED = "658327ea-f89d-4fab-a63d-7e88639e58f6";
    static final String CACHING_DISABLED = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad";
    /** Forwards everything but Host, so the ALB's certificate and host rules still match. */
    static final String ALL_VIEWER_EXCEPT_HOST_HEADER = "b689b0a8-53d0-40ab-baf2-68738e2966ac";

    static final String SECURITY_HEADERS = "67f7725c-6f97-4210-82d7-5512b31e9d03";

    private CloudFrontPolicies() {}
}
