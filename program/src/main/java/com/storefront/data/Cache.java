package com.storefront.data;

import com.google.gson.JsonObject;
import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.elasticache.ReplicationGroupArgs;
import com.pulumi.aws.elasticache.SubnetGroup;
import com.pulumi.aws.elasticache.SubnetGroupArgs;
import com.pulumi.aws.elasticache.inputs.ReplicationGroupLogDeliveryConfigurationArgs;
import com.pulumi.aws.secretsmanager.Secret;
import com.pulumi.aws.secretsmanager.SecretVersion;
import com.pulumi.aws.secretsmanager.SecretVersionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.app.AppBinding;
import com.storefront.config.AlertSettings;
import com.storefront.config.CacheSettings;
import com.storefront.core.StackComponent;
import com.storefront.iam.KeyUse;
import com.storefront.naming.NameLimit;
import com.storefront.naming.Naming;
import com.storefront.observability.Metrics;
import com.storefront.observability.Watch;
import com.storefront.observability.Watches;
import com.storefront.security.Secrets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * ElastiCache for Redis OSS / Valkey in cluster mode (CACHE-1, CACHE-2): shards with replicas,
 * automatic failover and Multi-AZ, TLS and AUTH, CMK at rest, slow log to CloudWatch, and a
 * Secrets Manager secret with what the app needs to connect.
 */
public final class Cache extends StackComponent {

    public static final String TYPE = "storefront:data:Cache";

    /** The cache's storage and its connection secret encrypt with the stack key; so does its slow log. */
    public static final List<KeyUse> KEY_USES =
            List.of(KeyUse.via("elasticache"), KeyUse.via("secretsmanager"), KeyUse.cloudWatchLogs());

    private final String region;
    private final Output<String> replicationGroupId;
    private final Output<String> configurationEndpoint;
    private final Output<String> connectionSecretArn;
    private final Output<String> securityGroupId;
    private final List<String> nodeIds;

    public Cache(String name, CacheArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.region = args.aws().region();
        CacheSettings settings = args.settings();
        Naming naming = args.naming();
        CustomResourceOptions child = child();
        String groupId = naming.name("redis", NameLimit.ELASTICACHE_REPLICATION_GROUP);

        SecurityGroup sg = DataStoreAccess.securityGroup(
                "cache",
                "Storefront ElastiCache " + settings.engine().configValue(),
                CacheSettings.PORT,
                naming,
                args.vpcId(),
                args.appSecurityGroupId(),
                child);

        SubnetGroup subnets = new SubnetGroup(
                name("cache-subnets"),
                SubnetGroupArgs.builder()
                        .name(naming.name("cache"))
                        .description("Storefront cache: private data subnets in every AZ")
                        .subnetIds(args.dataSubnetIds())
                        .build(),
                child);

        LogGroup slowLog = new LogGroup(
                name("cache-slow-log"),
                LogGroupArgs.builder()
                        .name("/aws/elasticache/" + groupId + "/slow-log")
                        .retentionInDays(args.logRetentionDays())
                        .kmsKeyId(args.kmsKeyArn())
                        .build(),
                child);

        ReplicationGroupArgs.Builder group = ReplicationGroupArgs.builder()
                .replicationGroupId(groupId)
                .description("Storefront " + naming.suffix() + " cache (cluster mode)")
                .engine(settings.engine().configValue())
                .engineVersion(settings.engineVersion())
                .nodeType(settings.nodeType())
                .port(CacheSettings.PORT)
                .parameterGroupName(settings.parameterGroupName())
                .clusterMode("enabled")
                .numNodeGroups(settings.shards())
                .replicasPerNodeGroup(settings.replicasPerShard())
                .automaticFailoverEnabled(true)
                .multiAzEnabled(true)
                .subnetGroupName(subnets.name())
                .securityGroupIds(sg.id().applyValue(List::of))
                .atRestEncryptionEnabled(true)
                .kmsKeyId(args.kmsKeyArn())
                .transitEncryptionEnabled(true)
                .authToken(settings.authToken().output())
                // ROTATE keeps the old token valid while apps pick up the new one; SET then retires it (README).
                .authTokenUpdateStrategy(settings.authTokenUpdate().configValue())
                .maintenanceWindow(settings.maintenanceWindow())
                .snapshotRetentionLimit(settings.snapshotRetentionDays())
                .autoMinorVersionUpgrade(true)
                .applyImmediately(settings.applyImmediately())
                .logDeliveryConfigurations(ReplicationGroupLogDeliveryConfigurationArgs.builder()
                        .destinationType("cloudwatch-logs")
                        .destination(slowLog.name())
                        .logFormat("json")
                        .logType("slow-log")
                        .build());
        if (settings.snapshotRetentionDays() > 0) {
            group.snapshotWindow(settings.snapshotWindow());
        }
        if (args.teardown().keepsData()) {
            group.finalSnapshotIdentifier(naming.name("redis-final-g" + settings.finalSnapshotGeneration()));
        }
        ReplicationGroup redis = new ReplicationGroup(
                name("redis"),
                group.build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        .protect(args.protect())
                        .build());

        Secret secret = Secrets.create(
                "cache-connection-secret",
                naming.name("redis-connection"),
                "Storefront cache connection for the app: host, port, tls, authToken",
                args.kmsKeyArn(),
                args.protect(),
                child);
        new SecretVersion(
                name("cache-connection-secret-value"),
                SecretVersionArgs.builder()
                        .secretId(secret.id())
                        .secretString(Output.tuple(
                                        redis.configurationEndpointAddress(),
                                        settings.authToken().output())
                                .applyValue(t -> connectionJson(t.t1, t.t2)))
                        .build(),
                child);

        this.replicationGroupId = redis.replicationGroupId();
        this.configurationEndpoint = redis.configurationEndpointAddress();
        this.connectionSecretArn = secret.arn();
        this.securityGroupId = sg.id();
        // From the planned id: per-node alarms need not wait the ~15 minutes the group takes to create.
        this.nodeIds = nodeIds(groupId, settings.shards(), settings.replicasPerShard());

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("replicationGroupId", replicationGroupId);
        outputs.put("configurationEndpoint", configurationEndpoint);
        outputs.put("port", Output.of(CacheSettings.PORT));
        outputs.put("connectionSecretArn", connectionSecretArn);
        outputs.put("securityGroupId", securityGroupId);
        registerOutputs(outputs);
    }

    /** Cluster mode names nodes {@code <group>-<shard 0001..>-<node 001..>}; CloudWatch reports per node. */
    static List<String> nodeIds(String groupId, int shards, int replicasPerShard) {
        List<String> ids = new java.util.ArrayList<>();
        for (int shard = 1; shard <= shards; shard++) {
            for (int node = 1; node <= replicasPerShard + 1; node++) {
                ids.add(String.format("%s-%04d-%03d", groupId, shard, node));
            }
        }
        return List.copyOf(ids);
    }

    static String connectionJson(String host, String authToken) {
        JsonObject json = new JsonObject();
        json.addProperty("host", host);
        json.addProperty("port", CacheSettings.PORT);
        json.addProperty("tls", true);
        json.addProperty("clusterMode", true);
        json.addProperty("authToken", authToken);
        return json.toString();
    }

    public Output<String> replicationGroupId() {
        return replicationGroupId;
    }

    /** The cluster-mode configuration endpoint (use a cluster-aware client with TLS). */
    public Output<String> configurationEndpoint() {
        return configurationEndpoint;
    }

    public int port() {
        return CacheSettings.PORT;
    }

    /** Secret JSON with host, port, tls, clusterMode and authToken. */
    public Output<String> connectionSecretArn() {
        return connectionSecretArn;
    }

    public Output<String> securityGroupId() {
        return securityGroupId;
    }

    /**
     * Its dashboard panels and alarms. In cluster mode ElastiCache reports memory and CPU per node, so each
     * alarm watches the highest node (up to ten per alarm, more alarms for larger clusters) and the panels show
     * the first ten nodes.
     */
    public Watches watches() {
        List<Output<String>> nodes = nodeIds.stream().map(Output::of).toList();
        List<Watch> alarms = new ArrayList<>();
        List<List<Output<String>>> groups = Watch.inGroups(nodes);
        for (int i = 0; i < groups.size(); i++) {
            String part = groups.size() == 1 ? "" : "-" + (i + 1);
            List<Output<String>> group = groups.get(i);
            alarms.add(new Watch(
                    "redis-memory" + part,
                    s -> "A cache node uses over " + s.redisMemoryPercent() + "% of its memory: evictions follow",
                    group.stream()
                            .map(n -> Metrics.cacheNode(n, "DatabaseMemoryUsagePercentage", "Maximum", region))
                            .toList(),
                    Watch.ABOVE,
                    AlertSettings::redisMemoryPercent,
                    Watch.KEEP_STATE));
            alarms.add(new Watch(
                    "redis-cpu" + part,
                    s -> "A cache node's engine thread is over " + s.redisCpuPercent() + "% busy",
                    group.stream()
                            .map(n -> Metrics.cacheNode(n, "EngineCPUUtilization", "Maximum", region))
                            .toList(),
                    Watch.ABOVE,
                    AlertSettings::redisCpuPercent,
                    Watch.KEEP_STATE));
        }
        List<Output<String>> shown = nodes.subList(0, Math.min(Watch.MAX_METRICS, nodes.size()));
        return new Watches(
                List.of(
                        new Watches.Panel(
                                "Redis: memory and engine CPU per node (%)",
                                region,
                                shown.stream()
                                        .flatMap(n -> Stream.of(
                                                Metrics.cacheNode(
                                                        n, "DatabaseMemoryUsagePercentage", "Maximum", region),
                                                Metrics.cacheNode(n, "EngineCPUUtilization", "Maximum", region)))
                                        .toList()),
                        new Watches.Panel(
                                "Redis: connections per node",
                                region,
                                shown.stream()
                                        .map(n -> Metrics.cacheNode(n, "CurrConnections", "Maximum", region))
                                        .toList())),
                alarms);
    }

    /** How the API reaches the cache: the cluster-mode configuration endpoint over TLS, and the AUTH token. */
    public AppBinding appBinding() {
        return AppBinding.named("cache")
                .env("REDIS_HOST", configurationEndpoint)
                .env("REDIS_PORT", String.valueOf(port()))
                .env("REDIS_TLS", "true")
                .env("REDIS_CLUSTER_MODE", "true")
                .secret("REDIS_AUTH_TOKEN", AppBinding.SecretRef.key(connectionSecretArn, "authToken"))
                .build();
    }
}
