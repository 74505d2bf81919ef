package com.storefront.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The edge's policy rules (EDGE-2, SVC-5, API-1), read from what the program registers: no plaintext
 * hop over the internet, no internet-facing ALB without TLS, and no route the API key guards reachable
 * around API Gateway. The last one replays a request against the ALB's rules as ELB evaluates them.
 */
final class EdgeRules {

    static final String DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
    static final String ALB = "aws:lb/loadBalancer:LoadBalancer";
    static final String LISTENER = "aws:lb/listener:Listener";
    static final String RULE = "aws:lb/listenerRule:ListenerRule";
    static final String INTEGRATION = "aws:apigateway/integration:Integration";
    /** The headers of our own edge (the rule's own names, not the code's). */
    static final String ORIGIN_HEADER = "X-Origin-Verify";

    static final String GATEWAY_HEADER = "X-Gateway-Verify";

    private EdgeRules() {}

    /** Every custom origin is HTTPS-only with TLS 1.2 or later; a VPC origin stays inside AWS's network. */
    @SuppressWarnings("unchecked")
    static List<String> noPlaintextOrigins(PlanRun run) {
        List<String> violations = new ArrayList<>();
        for (Registered distribution : run.ofType(DISTRIBUTION)) {
            for (Object item : distribution.list("origins")) {
                Map<String, Object> origin = (Map<String, Object>) item;
                Object custom = origin.get("customOriginConfig");
                if (custom == null) {
                    continue;
                }
                Map<String, Object> config = (Map<String, Object>) custom;
                if (!"https-only".equals(config.get("originProtocolPolicy"))) {
                    violations.add(distribution + " origin " + origin.get("originId") + " is "
                            + config.get("originProtocolPolicy") + " over the internet");
                }
                Object protocols = config.get("originSslProtocols");
                if (protocols instanceof List<?> list && list.stream().anyMatch(p -> !"TLSv1.2".equals(p))) {
                    violations.add(distribution + " origin " + origin.get("originId") + " allows " + list);
                }
            }
        }
        return violations;
    }

    /** An internet-facing ALB serves HTTPS, and its plain-HTTP listeners only redirect to it. */
    static List<String> internetFacingAlbsUseTls(PlanRun run) {
        List<String> violations = new ArrayList<>();
        for (Registered alb : run.ofType(ALB)) {
            if (Boolean.TRUE.equals(alb.input("internal").orElse(false))) {
                continue;
            }
            List<Registered> listeners = listenersOf(run, alb);
            if (listeners.stream().noneMatch(l -> "HTTPS".equals(l.string("protocol")))) {
                violations.add(alb + " is internet-facing without an HTTPS listener");
            }
            for (Registered listener : listeners) {
                if ("HTTP".equals(listener.string("protocol")) && !redirectsToHttps(listener)) {
                    violations.add(alb + " is internet-facing and " + listener + " serves plain HTTP");
                }
            }
        }
        return violations;
    }

    /**
     * With the partner API, a request for each path API Gateway proxies to, arriving at the ALB the way
     * CloudFront sends it (the origin header, no gateway header), must be refused: it did not pass the key.
     */
    @SuppressWarnings("unchecked")
    static List<String> apiKeyRoutesNeedTheGateway(PlanRun run) {
        List<String> violations = new ArrayList<>();
        List<Registered> integrations = run.ofType(INTEGRATION);
        if (integrations.isEmpty()) {
            return violations;
        }
        Optional<String> originSecret = run.ofType(DISTRIBUTION).stream()
                .flatMap(d -> d.list("origins").stream())
                .map(o -> (Map<String, Object>) o)
                .flatMap(o -> ((List<Object>) o.getOrDefault("customHeaders", List.of())).stream())
                .map(h -> (Map<String, Object>) h)
                .filter(h -> ORIGIN_HEADER.equals(h.get("name")))
                .map(h -> (String) h.get("value"))
                .findFirst();
        for (Registered integration : integrations) {
            String path = samplePath(integration.string("uri"));
            Map<String, String> headers =
                    originSecret.map(s -> Map.of(ORIGIN_HEADER, s)).orElse(Map.of());
            for (Registered listener : run.ofType(LISTENER)) {
                if (!reachedByCloudFront(listener)) {
                    continue;
                }
                Map<String, Object> action = evaluate(run, listener, path, headers);
                if ("forward".equals(action.get("type"))) {
                    violations.add(integration + " proxies to " + path + ", which " + listener
                            + " forwards without API Gateway's header");
                }
            }
        }
        return violations;
    }

    private static List<Registered> listenersOf(PlanRun run, Registered alb) {
        Object arn = alb.outputs().get("arn");
        return run.ofType(LISTENER).stream()
                .filter(l -> Objects.equals(arn, l.input("loadBalancerArn").orElse(null)))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static boolean redirectsToHttps(Registered listener) {
        List<Object> actions = listener.list("defaultActions");
        return actions.size() == 1
                && "redirect".equals(((Map<String, Object>) actions.get(0)).get("type"))
                && "HTTPS"
                        .equals(((Map<String, Object>) ((Map<String, Object>) actions.get(0)).get("redirect"))
                                .get("protocol"));
    }

    /** CloudFront uses 443 to an internet-facing ALB and 80 through a VPC origin; the test listeners are internal. */
    private static boolean reachedByCloudFront(Registered listener) {
        double port = listener.number("port");
        return (port == 443 && "HTTPS".equals(listener.string("protocol")))
                || (port == 80 && !redirectsToHttps(listener));
    }

    /** The path a request for {@code uri} reaches the backend with, its {@code {proxy}} filled in. */
    static String samplePath(String uri) {
        String path = uri.replaceFirst("^https?://[^/]+", "");
        return path.replace("{proxy}", "orders/42");
    }

    /** The action ELB takes: the matching rule with the lowest priority, else the listener's default. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> evaluate(
            PlanRun run, Registered listener, String path, Map<String, String> headers) {
        Object arn = listener.outputs().get("arn");
        List<Registered> rules = run.ofType(RULE).stream()
                .filter(r -> Objects.equals(arn, r.input("listenerArn").orElse(null)))
                .sorted(Comparator.comparingDouble(r -> r.number("priority")))
                .toList();
        for (Registered rule : rules) {
            if (matches(rule.list("conditions"), path, headers)) {
                return (Map<String, Object>) rule.list("actions").get(0);
            }
        }
        return (Map<String, Object>) listener.list("defaultActions").get(0);
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(List<Object> conditions, String path, Map<String, String> headers) {
        for (Object item : conditions) {
            Map<String, Object> condition = (Map<String, Object>) item;
            if (condition.get("pathPattern") instanceof Map<?, ?> pattern
                    && ((List<String>) pattern.get("values")).stream().noneMatch(glob -> glob(glob, path))) {
                return false;
            }
            if (condition.get("httpHeader") instanceof Map<?, ?> header) {
                String value = headers.get((String) header.get("httpHeaderName"));
                if (value == null || !((List<String>) header.get("values")).contains(value)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** ELB path patterns: {@code *} matches any characters, {@code ?} one; case-sensitive. */
    static boolean glob(String pattern, String path) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return path.matches(regex.toString());
    }
}
