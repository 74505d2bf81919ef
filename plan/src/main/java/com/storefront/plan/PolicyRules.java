package com.storefront.plan;

import com.storefront.config.TaskSettings;
import com.storefront.naming.NameLimit;
import com.storefront.naming.Tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The security, tagging and naming rules every registered resource must meet (TEST-1, PLAN-1).
 * The policy test asserts they find nothing; the offline plan reports what they find.
 */
public final class PolicyRules {

    /** One rule, with the check that lists its violations. */
    public enum Rule {
        PROVIDERS_AND_TAGS(
                "every AWS resource uses an explicit provider with the required default tags",
                PolicyRules::providersCarryTags),
        COMPONENT_PARENTS("every resource belongs to a storefront component", PolicyRules::parentedToComponents),
        NAMES("physical names carry the suffix and fit AWS limits", PolicyRules::namesCarrySuffixAndFit),
        SECURITY_GROUPS(
                "security group rules are described, scoped and separate; only the ALB admits the internet",
                PolicyRules::securityGroupRules),
        IAM("IAM policies grant no wildcard actions or resources", PolicyRules::noWildcardIam),
        LOG_GROUPS("log groups are encrypted with a CMK and expire", PolicyRules::logGroupsEncrypted),
        PROTECTION("stateful resources are protected exactly when the stack is", PolicyRules::protectionFollowsConfig),
        CREDENTIALS("credentials only travel as Pulumi secrets", PolicyRules::credentialsAreSecret),
        RELEASES(
                "the team's image runs as built and ECS services change in place or fail loudly",
                PolicyRules::releasesAreSafe),
        WAF_LOGS(
                "WAF logs redact the origin secret, API keys, cookies and credentials",
                PolicyRules::wafLogsRedactSecrets),
        PLAINTEXT_ORIGINS(
                "no CloudFront origin is reached in plaintext over the internet", EdgeRules::noPlaintextOrigins),
        PUBLIC_ALB_TLS(
                "an internet-facing ALB serves HTTPS and only redirects plain HTTP",
                EdgeRules::internetFacingAlbsUseTls),
        API_KEY_ROUTES(
                "no route the API key guards is reachable without API Gateway", EdgeRules::apiKeyRoutesNeedTheGateway);

        private final String description;
        private final Function<PlanRun, List<String>> check;

        Rule(String description, Function<PlanRun, List<String>> check) {
            this.description = description;
            this.check = check;
        }

        public String description() {
            return description;
        }

        public List<String> violations(PlanRun run) {
            return check.apply(run);
        }
    }

    /** A violation of a rule by a resource. */
    public record Finding(Rule rule, String message) {}

    private static final Set<String> IAM_POLICY_TYPES =
            Set.of("aws:iam/rolePolicy:RolePolicy", "aws:iam/policy:Policy");
    /** Actions AWS only authorises on {@code "Resource": "*"}. */
    private static final Set<String> ACTIONS_REQUIRING_STAR = Set.of(
            "ecr:GetAuthorizationToken",
            "ssmmessages:CreateControlChannel",
            "ssmmessages:CreateDataChannel",
            "ssmmessages:OpenControlChannel",
            "ssmmessages:OpenDataChannel");

    /**
     * Resources kept on delete on purpose (by type, or type::name): rotation of the RDS-owned master
     * secret ends with the cluster, which deletes the secret; cancelling it first may be refused.
     */
    private static final Set<String> RETAINED_BY_DESIGN = Set.of(
            "aws:secretsmanager/secretRotation:SecretRotation",
            // The region's API Gateway logging setting and the role it names serve every REST API there.
            "aws:apigateway/account:Account::api-gateway-apigateway-account",
            "aws:iam/role:Role::api-gateway-apigateway-cloudwatch-role",
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment::api-gateway-apigateway-cloudwatch-policy");

    /** What a decommission keeps after {@code pulumi destroy}, besides the final snapshots. */
    static final Set<String> KEPT_BY_DECOMMISSION = Set.of("aws:backup/vault:Vault", "aws:kms/key:Key");

    /** Names AWS fixes (the service writes to them by that name); the stack creates them only to own their settings. */
    private static final List<String> AWS_DICTATED_NAMES = List.of("API-Gateway-Execution-Logs_");

    private PolicyRules() {}

    /** Every rule's violations, in rule order. */
    public static List<Finding> check(PlanRun run) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : Rule.values()) {
            rule.violations(run).stream().sorted().forEach(v -> findings.add(new Finding(rule, v)));
        }
        return findings;
    }

    private static List<String> providersCarryTags(PlanRun run) {
        List<String> violations = new ArrayList<>();
        for (Registered provider : run.ofType("pulumi:providers:aws")) {
            Map<String, Object> tags = defaultTags(provider);
            for (String tag : Tags.REQUIRED) {
                if (!(tags.get(tag) instanceof String value) || value.isBlank()) {
                    violations.add(provider + " lacks default tag " + tag);
                }
            }
            // The team's own tags: Environment may be overridden (e.g. production), extra tags reach every provider.
            Map<String, Object> own = run.config().containsKey("storefront:tags")
                    ? Json.parse(run.config().get("storefront:tags"))
                    : Map.of();
            Object environment = tagText(own.getOrDefault("Environment", environment(run)));
            if (!environment.equals(tags.get("Environment"))) {
                violations.add(provider + " Environment tag " + tags.get("Environment") + ", not " + environment);
            }
            own.forEach((key, value) -> {
                if (!tagText(value).equals(tags.get(key))) {
                    violations.add(provider + " lacks the configured tag " + key + "=" + value);
                }
            });
            if (!"pulumi".equals(tags.get("ManagedBy"))) {
                violations.add(provider + " ManagedBy tag " + tags.get("ManagedBy"));
            }
        }
        for (Registered r : run.where(r -> r.custom() && r.isAws())) {
            if (!r.providerName().startsWith("aws-")) {
                violations.add(r + " uses provider '" + r.providerRef() + "'");
            }
        }
        return violations;
    }

    /** A configured tag value as the config reader reads it: YAML numbers as written, trimmed. */
    private static String tagText(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return String.valueOf(d.longValue());
        }
        return String.valueOf(value).trim();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> defaultTags(Registered provider) {
        Object raw = provider.require("defaultTags");
        Map<String, Object> defaultTags = raw instanceof String json ? Json.parse(json) : (Map<String, Object>) raw;
        return (Map<String, Object>) defaultTags.get("tags");
    }

    private static List<String> parentedToComponents(PlanRun run) {
        List<String> violations = new ArrayList<>();
        for (Registered r : run.where(r -> r.isAws())) {
            Registered component = run.componentOf(r);
            if (component == null) {
                violations.add(r + " has no storefront component parent");
            }
        }
        for (Registered component : run.where(r -> r.type().startsWith("storefront:"))) {
            if (!component.type().matches("storefront:[a-z]+:[A-Z][A-Za-z]+")) {
                violations.add(component + " type token is not storefront:<module>:<Type>");
            }
        }
        return violations;
    }

    /**
     * Names not ours to derive: a Cloud Map service is a DNS label inside the stack's namespace
     * ({@code api.<suffix>.storefront.internal}); Route 53 records carry the configured domain.
     */
    private static final Set<String> PARENT_SCOPED_NAMES =
            Set.of("aws:servicediscovery/service:Service", "aws:route53/record:Record");

    private static List<String> namesCarrySuffixAndFit(PlanRun run) {
        String suffix = run.config().get("storefront:environmentSuffix");
        List<String> violations = new ArrayList<>();
        for (Registered r : run.where(r -> r.custom() && r.isAws() && !PARENT_SCOPED_NAMES.contains(r.type()))) {
            NameLimit limit = NameLimit.forType(r.type()).orElse(NameLimit.GENERIC);
            r.input(limit.property())
                    .map(String::valueOf)
                    .filter(name -> AWS_DICTATED_NAMES.stream().noneMatch(name::startsWith))
                    .ifPresent(name -> {
                        if (!name.contains(suffix)) {
                            violations.add(r + " name '" + name + "' lacks the suffix " + suffix);
                        }
                        if (name.length() > limit.maxLength()) {
                            violations.add(r + " name '" + name + "' is longer than " + limit.maxLength());
                        }
                        if (!name.toLowerCase().equals(name) && !name.startsWith("/")) {
                            violations.add(r + " name '" + name + "' has uppercase letters");
                        }
                    });
            r.input("namePrefix")
                    .map(String::valueOf)
                    .filter(p -> !p.contains(suffix))
                    .ifPresent(p -> violations.add(r + " name prefix '" + p + "' lacks the suffix"));
            r.input("tags.Name")
                    .map(String::valueOf)
                    .filter(n -> !n.contains(suffix))
                    .ifPresent(n -> violations.add(r + " Name tag '" + n + "' lacks the suffix"));
        }
        return violations;
    }

    private static List<String> securityGroupRules(PlanRun run) {
        List<String> violations = new ArrayList<>();
        String albSecurityGroupId = run
                .where(r -> r.type().equals("aws:ec2/securityGroup:SecurityGroup")
                        && r.name().equals("load-balancer-sg-alb"))
                .stream()
                .findFirst()
                .map(Registered::id)
                .orElse("");
        for (Registered sg : run.ofType("aws:ec2/securityGroup:SecurityGroup")) {
            if (sg.input("ingress").isPresent() || sg.input("egress").isPresent()) {
                violations.add(sg + " has inline rules; use separate rule resources");
            }
            if (sg.input("description").map(String::valueOf).orElse("").isBlank()) {
                violations.add(sg + " has no description");
            }
        }
        for (Registered rule : run.where(
                r -> r.type().startsWith("aws:vpc/securityGroup") && r.type().endsWith("Rule"))) {
            if (rule.input("description").map(String::valueOf).orElse("").isBlank()) {
                violations.add(rule + " has no description");
            }
            boolean ingress = rule.type().contains("Ingress");
            String cidr = rule.input("cidrIpv4").map(String::valueOf).orElse("");
            boolean albListener = rule.string("securityGroupId").equals(albSecurityGroupId)
                    && Set.of(80.0, 443.0).contains(rule.number("fromPort"))
                    && rule.number("fromPort") == rule.number("toPort");
            if (ingress && (cidr.equals("0.0.0.0/0") || rule.input("cidrIpv6").isPresent()) && !albListener) {
                violations.add(rule + " admits the internet; only the ALB's 80/443 may");
            }
            if (ingress && rule.input("prefixListId").isPresent() && !albListener) {
                violations.add(rule + " admits a prefix list on a port other than the ALB's listeners");
            }
            if (!ingress && "-1".equals(rule.input("ipProtocol").orElse(null)) && cidr.equals("0.0.0.0/0")) {
                violations.add(rule + " allows all egress");
            }
        }
        return violations;
    }

    private static List<String> noWildcardIam(PlanRun run) {
        List<String> violations = new ArrayList<>();
        for (Registered r : run.where(r -> IAM_POLICY_TYPES.contains(r.type()))) {
            for (Map<String, Object> statement : Json.statements(Json.parse(r.string("policy")))) {
                List<String> actions = Json.strings(statement.get("Action"));
                for (String action : actions) {
                    if (action.equals("*") || action.endsWith(":*")) {
                        violations.add(r + " grants " + action);
                    }
                }
                if (Json.strings(statement.get("Resource")).contains("*")
                        && !ACTIONS_REQUIRING_STAR.containsAll(actions)) {
                    violations.add(r + " grants " + actions + " on Resource *");
                }
            }
        }
        return violations;
    }

    private static List<String> logGroupsEncrypted(PlanRun run) {
        Object keyArn = run.output("kmsKeyArn");
        List<String> violations = new ArrayList<>();
        for (Registered group : run.ofType("aws:cloudwatch/logGroup:LogGroup")) {
            if (!group.input("kmsKeyId").map(String::valueOf).orElse("").startsWith("arn:aws:kms:")) {
                violations.add(group + " is not encrypted with a CMK");
            } else if (run.regionOf(group).equals(run.config().get("aws:region"))
                    && !keyArn.equals(group.string("kmsKeyId"))) {
                violations.add(group + " uses " + group.string("kmsKeyId") + " instead of the stack CMK");
            }
            if (group.input("retentionInDays").isEmpty()) {
                violations.add(group + " never expires");
            }
            if (Boolean.TRUE.equals(group.input("skipDestroy").orElse(false))) {
                violations.add(group + " survives destroy and blocks re-creation");
            }
        }
        return violations;
    }

    /** Data-holding resources: protected in prod, freely destroyable in dev (CFG-5). */
    private static final Set<String> STATEFUL_TYPES = Set.of(
            "aws:kms/key:Key",
            "aws:rds/cluster:Cluster",
            "aws:rds/clusterInstance:ClusterInstance",
            "aws:elasticache/replicationGroup:ReplicationGroup",
            "aws:s3/bucketV2:BucketV2",
            "aws:ecr/repository:Repository");

    private static List<String> protectionFollowsConfig(PlanRun run) {
        boolean protect = Boolean.parseBoolean(
                run.config().getOrDefault("storefront:protect", String.valueOf("prod".equals(environment(run)))));
        List<String> violations = new ArrayList<>();
        for (Registered r : run.where(r -> STATEFUL_TYPES.contains(r.type()))) {
            if (r.protect() != protect) {
                violations.add(r + " protect=" + r.protect() + " but storefront:protect=" + protect);
            }
        }
        boolean keepData = "decommission"
                .equals(run.config()
                        .getOrDefault(
                                "storefront:teardown",
                                "prod".equals(environment(run)) ? "decommission" : "forceDelete"));
        for (Registered cluster : run.ofType("aws:rds/cluster:Cluster")) {
            if (cluster.bool("deletionProtection") != protect) {
                violations.add(cluster + " deletion protection does not follow storefront:protect");
            }
            if (cluster.bool("skipFinalSnapshot") == keepData
                    || cluster.input("finalSnapshotIdentifier").isPresent() != keepData) {
                violations.add(cluster + " final snapshot does not follow storefront:teardown");
            }
        }
        for (Registered cache : run.ofType("aws:elasticache/replicationGroup:ReplicationGroup")) {
            if (cache.input("finalSnapshotIdentifier").isPresent() != keepData) {
                violations.add(cache + " final snapshot does not follow storefront:teardown");
            }
        }
        for (Registered vault : run.ofType("aws:backup/vault:Vault")) {
            if (vault.bool("forceDestroy") == keepData || vault.retainOnDelete() != keepData) {
                violations.add(vault + " forceDestroy/retainOnDelete do not follow storefront:teardown");
            }
        }
        for (Registered secret : run.ofType("aws:secretsmanager/secret:Secret")) {
            if ((secret.number("recoveryWindowInDays") == 0) == protect) {
                violations.add(secret + " recovery window " + secret.number("recoveryWindowInDays"));
            }
        }
        for (Registered bucket : run.ofType("aws:s3/bucketV2:BucketV2")) {
            if (bucket.bool("forceDestroy") == protect) {
                violations.add(bucket + " forceDestroy=" + bucket.bool("forceDestroy"));
            }
        }
        // A force delete leaves nothing behind; a decommission keeps only the vaults and the keys of kept copies.
        for (Registered r : run.where(r -> r.retainOnDelete()
                && !RETAINED_BY_DESIGN.contains(r.type())
                && !RETAINED_BY_DESIGN.contains(r.type() + "::" + r.name())
                && !(keepData && KEPT_BY_DECOMMISSION.contains(r.type())))) {
            violations.add(r + " is retained on delete (storefront:teardown "
                    + (keepData ? "decommission" : "forceDelete") + ")");
        }
        return violations;
    }

    private static final Set<String> CREDENTIAL_INPUTS = Set.of("authToken", "masterPassword", "password");

    private static List<String> credentialsAreSecret(PlanRun run) {
        List<String> violations = new ArrayList<>();
        for (Registered r : run.where(Registered::custom)) {
            for (String input : CREDENTIAL_INPUTS) {
                if (r.input(input).isPresent() && !r.secretInputs().contains(input)) {
                    violations.add(r + " passes " + input + " in plaintext");
                }
            }
        }
        for (Registered cluster : run.ofType("aws:rds/cluster:Cluster")) {
            if (cluster.input("masterPassword").isPresent() || !cluster.bool("manageMasterUserPassword")) {
                violations.add(cluster + " must let RDS manage the master password");
            }
        }
        return violations;
    }

    /** What CodeDeploy owns on a CODE_DEPLOY service; UpdateService rejects changes to them. */
    private static final List<String> OWNED_BY_CODEDEPLOY = List.of(
            "taskDefinition",
            "loadBalancers",
            "networkConfiguration",
            "platformVersion",
            "capacityProviderStrategies",
            "serviceRegistries",
            "desiredCount");

    /**
     * REL-1, REL-2: no placeholder setting in a revision of a real image; a rolling service updates
     * capacity in place (hashicorp/terraform-provider-aws#22408: the strategy forces replacement
     * unless forceNewDeployment) and waits for the outcome; a blue/green service leaves CodeDeploy's
     * fields alone; a fixed-name service deletes before it is replaced.
     */
    private static List<String> releasesAreSafe(PlanRun run) {
        List<String> violations = new ArrayList<>();
        for (Registered task : run.ofType("aws:ecs/taskDefinition:TaskDefinition")) {
            for (Object item : Json.parseList(task.string("containerDefinitions"))) {
                Map<?, ?> container = (Map<?, ?>) item;
                if (!TaskSettings.PLACEHOLDER_IMAGE.equals(container.get("image"))
                        && container.containsKey("command")) {
                    violations.add(task + " gives the image " + container.get("image") + " the placeholder's command");
                }
            }
        }
        for (Registered service : run.ofType("aws:ecs/service:Service")) {
            if (!service.deleteBeforeReplace()) {
                violations.add(service + " has a fixed name but would be created beside its replacement");
            }
            if ("CODE_DEPLOY".equals(service.string("deploymentController.type"))) {
                OWNED_BY_CODEDEPLOY.stream()
                        .filter(f -> !service.ignoreChanges().contains(f))
                        .forEach(f -> violations.add(service + " would fight CodeDeploy over " + f));
            } else if (!service.bool("forceNewDeployment")
                    || !service.bool("waitForSteadyState")
                    || !service.bool("deploymentCircuitBreaker.rollback")) {
                violations.add(
                        service + " needs forceNewDeployment, waitForSteadyState and a rolling-back circuit breaker");
            }
        }
        return violations;
    }

    /** EDGE-3: the headers whose values must never reach WAF logs (the rule's own list, not the code's). */
    static final List<String> SECRET_HEADERS =
            List.of("x-origin-verify", "x-gateway-verify", "x-api-key", "cookie", "authorization");

    /** EDGE-3: WAF logs every header unless it is redacted; every web ACL logs. */
    @SuppressWarnings("unchecked")
    static List<String> wafLogsRedactSecrets(PlanRun run) {
        List<String> violations = new ArrayList<>();
        List<Registered> loggings = run.ofType("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration");
        if (loggings.size() != run.ofType("aws:wafv2/webAcl:WebAcl").size()) {
            violations.add(run.ofType("aws:wafv2/webAcl:WebAcl").size() + " web ACLs but " + loggings.size()
                    + " logging configurations");
        }
        for (Registered logging : loggings) {
            List<Object> redacted =
                    logging.input("redactedFields").map(v -> (List<Object>) v).orElse(List.of());
            for (String header : SECRET_HEADERS) {
                if (!redacted.contains(Map.of("singleHeader", Map.of("name", header)))) {
                    violations.add(logging + " logs the " + header + " header");
                }
            }
        }
        return violations;
    }

    /** The stack's environment as the program reads it: unset means dev (the setting's default). */
    private static String environment(PlanRun run) {
        return run.config().getOrDefault("storefront:environment", "dev");
    }
}
