package com.storefront.security;

import com.storefront.core.AwsContext;
import com.storefront.iam.KeyUse;
import com.storefront.iam.PolicyDocument;
import com.storefront.iam.PolicyStatement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The key policy of a stack CMK (SEC-1), assembled from the {@link KeyUse}s of the components that encrypt
 * with it. In a key policy {@code "Resource": "*"} means "this key".
 *
 * <p>Layout: account administration, the service grants (in the components' order), one statement for every
 * service that uses the key on the account's behalf, then the grants scoped to one resource. A grant two
 * components need (CloudWatch Logs) appears once.
 */
final class KeyPolicy {

    /**
     * The order the via-service list was first written in, kept so existing keys see no change; a service
     * added later follows these in name order.
     */
    static final List<String> FIRST_VIA_SERVICES = List.of("rds", "elasticache", "secretsmanager", "s3", "sns", "ecr");

    private KeyPolicy() {}

    static String document(AwsContext aws, String partition, String accountId, List<KeyUse> uses) {
        KeyUse.KeyScope scope = new KeyUse.KeyScope(aws, partition, accountId);
        Map<String, PolicyStatement> serviceGrants = new LinkedHashMap<>();
        Map<String, PolicyStatement> resourceGrants = new LinkedHashMap<>();
        Set<String> viaServices = new LinkedHashSet<>();
        for (KeyUse use : uses) {
            if (use instanceof KeyUse.ServiceGrant grant) {
                serviceGrants.putIfAbsent(grant.sid(), grant.statement().apply(scope));
            } else if (use instanceof KeyUse.ResourceGrant grant) {
                resourceGrants.putIfAbsent(grant.sid(), grant.statement().apply(scope));
            } else if (use instanceof KeyUse.ViaService via) {
                viaServices.add(via.service());
            }
        }
        List<PolicyStatement> statements = new ArrayList<>();
        // Keeps the key manageable: without account-root access nobody could ever change this policy.
        statements.add(PolicyStatement.allow("AccountAdministration")
                .aws("arn:" + partition + ":iam::" + accountId + ":root")
                .actions("kms:*")
                .resources("*"));
        statements.addAll(serviceGrants.values());
        if (!viaServices.isEmpty()) {
            statements.add(PolicyStatement.allow("AccountServicesViaService")
                    .anyPrincipal()
                    .actions(
                            "kms:Encrypt",
                            "kms:Decrypt",
                            "kms:ReEncrypt*",
                            "kms:GenerateDataKey*",
                            "kms:CreateGrant",
                            "kms:ListGrants",
                            "kms:DescribeKey")
                    .resources("*")
                    .condition("StringEquals", "kms:CallerAccount", accountId)
                    .condition(
                            "StringEquals",
                            "kms:ViaService",
                            ordered(viaServices).stream()
                                    .map(aws::regionalPrincipal)
                                    .toArray(String[]::new)));
        }
        statements.addAll(resourceGrants.values());
        return PolicyDocument.of(statements.toArray(PolicyStatement[]::new));
    }

    private static List<String> ordered(Set<String> services) {
        return services.stream()
                .sorted(Comparator.comparingInt((String s) -> FIRST_VIA_SERVICES.contains(s)
                                ? FIRST_VIA_SERVICES.indexOf(s)
                                : FIRST_VIA_SERVICES.size())
                        .thenComparing(Comparator.naturalOrder()))
                .toList();
    }
}
