package com.storefront.network;

import java.util.List;

/** The interface endpoints (NET-5) that let Fargate tasks pull from ECR, log and read secrets without NAT. */
public final class InterfaceEndpoints {

    /** Service-name suffixes after {@code com.amazonaws.<region>.}. */
    public static final List<String> SERVICES = List.of("ecr.api", "ecr.dkr", "logs", "secretsmanager");

    private InterfaceEndpoints() {}

    public static String serviceName(String region, String service) {
        return "com.amazonaws." + region + "." + service;
    }

    /** A name part for logical and physical names: {@code ecr.api} becomes {@code ecr-api}. */
    static String slug(String service) {
        return service.replace('.', '-');
    }
}
