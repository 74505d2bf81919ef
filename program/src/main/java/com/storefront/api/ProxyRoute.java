package com.storefront.api;

import com.storefront.security.EdgeSecrets;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A route the partner API proxies: {@code ANY} on a resource, to the backend's {@code /partner/} paths.
 * The resources and the deployment trigger are built from the same list, so a route that changes
 * always redeploys the stage.
 *
 * @param name          the logical-name part of the method and integration
 * @param pathParameter whether the resource is {@code {proxy+}} (every path below the stage) rather than the root
 */
record ProxyRoute(String name, boolean pathParameter) {

    static final String METHOD = "ANY";
    static final String INTEGRATION_TYPE = "HTTP_PROXY";
    static final String BACKEND_PREFIX = "/partner/";
    static final String METHOD_PROXY_PARAMETER = "method.request.path.proxy";
    static final String INTEGRATION_PROXY_PARAMETER = "integration.request.path.proxy";
    /** {@code {proxy+}} matches every path below the stage but not the stage itself, hence two routes. */
    static final List<ProxyRoute> ALL = List.of(new ProxyRoute("root", false), new ProxyRoute("proxy", true));

    String resourcePath() {
        return pathParameter ? "/{proxy+}" : "/";
    }

    String uri(String backendBaseUrl) {
        return backendBaseUrl + BACKEND_PREFIX + (pathParameter ? "{proxy}" : "");
    }

    /** Integration parameters: the path, and API Gateway's header as a static (quoted) value. */
    Map<String, String> integrationParameters(String gatewaySecret) {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("integration.request.header." + EdgeSecrets.GATEWAY_HEADER, "'" + gatewaySecret + "'");
        if (pathParameter) {
            parameters.put(INTEGRATION_PROXY_PARAMETER, METHOD_PROXY_PARAMETER);
        }
        return parameters;
    }

    /** Everything about the route that API Gateway serves from a deployment. */
    String describe(String backendBaseUrl, String gatewaySecret) {
        return METHOD + " " + resourcePath() + " apiKeyRequired -> " + INTEGRATION_TYPE + " " + METHOD + " "
                + uri(backendBaseUrl) + " " + integrationParameters(gatewaySecret)
                + (pathParameter ? " " + METHOD_PROXY_PARAMETER : "");
    }
}
