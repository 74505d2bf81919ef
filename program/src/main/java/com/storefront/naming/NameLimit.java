package com.storefront.naming;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * AWS limits on physical names, keyed by the Pulumi type token and the input that holds the name.
 * The naming helper checks against them and the policy rules read them to check every resource.
 */
public enum NameLimit {
    ALB("aws:lb/loadBalancer:LoadBalancer", "name", 32),
    TARGET_GROUP("aws:lb/targetGroup:TargetGroup", "name", 32),
    ELASTICACHE_REPLICATION_GROUP("aws:elasticache/replicationGroup:ReplicationGroup", "replicationGroupId", 40),
    RDS_CLUSTER("aws:rds/cluster:Cluster", "clusterIdentifier", 63),
    RDS_INSTANCE("aws:rds/clusterInstance:ClusterInstance", "identifier", 63),
    S3_BUCKET("aws:s3/bucketV2:BucketV2", "bucket", 63),
    IAM_ROLE("aws:iam/role:Role", "name", 64),
    IAM_POLICY("aws:iam/policy:Policy", "name", 128),
    LAMBDA_FUNCTION("aws:lambda/function:Function", "name", 64),
    ECS_CLUSTER("aws:ecs/cluster:Cluster", "name", 255),
    SECURITY_GROUP("aws:ec2/securityGroup:SecurityGroup", "name", 255),
    LOG_GROUP("aws:cloudwatch/logGroup:LogGroup", "name", 512),
    SECRET("aws:secretsmanager/secret:Secret", "name", 512),
    KMS_ALIAS("aws:kms/alias:Alias", "name", 256),
    /** Default for names without a tighter documented limit. */
    GENERIC("", "name", 255);

    private final String typeToken;
    private final String property;
    private final int maxLength;

    NameLimit(String typeToken, String property, int maxLength) {
        this.typeToken = typeToken;
        this.property = property;
        this.maxLength = maxLength;
    }

    public String typeToken() {
        return typeToken;
    }

    /** The input property that carries the physical name for this type. */
    public String property() {
        return property;
    }

    public int maxLength() {
        return maxLength;
    }

    private static final Map<String, NameLimit> BY_TYPE = Map.ofEntries(Arrays.stream(values())
            .filter(l -> !l.typeToken.isEmpty())
            .map(l -> Map.entry(l.typeToken, l))
            .toArray(Map.Entry[]::new));

    public static Optional<NameLimit> forType(String typeToken) {
        return Optional.ofNullable(BY_TYPE.get(typeToken));
    }
}
