package com.storefront.iam;

import com.storefront.core.AwsContext;

import java.util.function.Function;

/**
 * How a component's resources use a customer-managed key. A component declares its uses next to the
 * resources that need them; the key policy ({@code security.KeyPolicy}) is assembled from every component's
 * uses. They are known before the component is built: the key exists first, because everything encrypts
 * with it.
 */
public sealed interface KeyUse {

    /** The facts a grant is written with: the key's account, partition and region (its service principals). */
    record KeyScope(AwsContext aws, String partition, String accountId) {}

    /**
     * A service that uses the key on behalf of this account's principals ({@code kms:ViaService}), e.g.
     * {@code rds} for an encrypted cluster or {@code secretsmanager} for an encrypted secret.
     */
    record ViaService(String service) implements KeyUse {}

    /** A service principal that encrypts or decrypts with the key itself, account-wide (e.g. CloudWatch Logs). */
    record ServiceGrant(String sid, Function<KeyScope, PolicyStatement> statement) implements KeyUse {}

    /** A grant scoped to one resource of the stack (e.g. CloudFront reading one bucket's objects). */
    record ResourceGrant(String sid, Function<KeyScope, PolicyStatement> statement) implements KeyUse {}

    /** Log groups: CloudWatch Logs encrypts them itself; AWS requires the encryption-context condition. */
    static KeyUse cloudWatchLogs() {
        return new ServiceGrant(
                "CloudWatchLogs",
                scope -> PolicyStatement.allow("CloudWatchLogs")
                        .service(scope.aws().regionalPrincipal("logs"))
                        .actions(
                                "kms:Encrypt*",
                                "kms:Decrypt*",
                                "kms:ReEncrypt*",
                                "kms:GenerateDataKey*",
                                "kms:Describe*")
                        .resources("*")
                        .condition(
                                "ArnLike",
                                "kms:EncryptionContext:aws:logs:arn",
                                "arn:" + scope.partition() + ":logs:"
                                        + scope.aws().region() + ":" + scope.accountId() + ":log-group:*"));
    }

    static KeyUse via(String service) {
        return new ViaService(service);
    }
}
