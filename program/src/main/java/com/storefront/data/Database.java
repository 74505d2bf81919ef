package com.storefront.data;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.rds.Cluster;
import com.pulumi.aws.rds.ClusterArgs;
import com.pulumi.aws.rds.ClusterInstance;
import com.pulumi.aws.rds.ClusterInstanceArgs;
import com.pulumi.aws.rds.ClusterParameterGroup;
import com.pulumi.aws.rds.ClusterParameterGroupArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.aws.rds.inputs.ClusterParameterGroupParameterArgs;
import com.pulumi.aws.rds.inputs.ClusterServerlessv2ScalingConfigurationArgs;
import com.pulumi.aws.rds.outputs.ClusterMasterUserSecret;
import com.pulumi.aws.secretsmanager.SecretRotation;
import com.pulumi.aws.secretsmanager.SecretRotationArgs;
import com.pulumi.aws.secretsmanager.inputs.SecretRotationRotationRulesArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.app.AppBinding;
import com.storefront.config.AlertSettings;
import com.storefront.config.DatabaseSettings;
import com.storefront.core.ChildNames;
import com.storefront.core.StackComponent;
import com.storefront.iam.KeyUse;
import com.storefront.naming.NameLimit;
import com.storefront.naming.Naming;
import com.storefront.observability.MetricRef;
import com.storefront.observability.Metrics;
import com.storefront.observability.Watch;
import com.storefront.observability.Watches;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Aurora PostgreSQL (DB-1..DB-5): Serverless v2 by default, a writer plus readers in the other AZs,
 * TLS enforced, CMK-encrypted, backups and log export, and an RDS-managed master password
 * rotated by Secrets Manager on the configured schedule.
 */
public final class Database extends StackComponent {

    public static final String TYPE = "storefront:data:Database";

    /** Aurora storage and the RDS-managed master secret encrypt with the stack key. */
    public static final List<KeyUse> KEY_USES = List.of(KeyUse.via("rds"), KeyUse.via("secretsmanager"));

    static final String ENGINE = "aurora-postgresql";
    static final String EXTENDED_SUPPORT = "open-source-rds-extended-support";
    static final String NO_EXTENDED_SUPPORT = "open-source-rds-extended-support-disabled";
    static final String CA_CERTIFICATE = "rds-ca-rsa2048-g1";
    /** The free Performance Insights tier. */
    static final int PERFORMANCE_INSIGHTS_RETENTION_DAYS = 7;

    private final String region;
    private final boolean serverless;
    private final Output<String> clusterIdentifier;
    private final String plannedClusterIdentifier;
    private final Output<String> clusterArn;
    private final Output<String> writerEndpoint;
    private final Output<String> readerEndpoint;
    private final Output<String> masterSecretArn;
    private final Output<String> securityGroupId;
    private final String databaseName;

    public Database(String name, DatabaseArgs args, ComponentResourceOptions options) {
        super(TYPE, name, options);
        this.region = args.aws().region();
        this.serverless = args.settings().serverless();
        DatabaseSettings settings = args.settings();
        Naming naming = args.naming();
        CustomResourceOptions child = child();
        // Stateful resources are protected in prod so `pulumi destroy` cannot drop data by accident.
        CustomResourceOptions stateful = CustomResourceOptions.builder()
                .parent(this)
                .protect(args.protect())
                .build();
        String clusterId = naming.name("aurora", NameLimit.RDS_CLUSTER);

        SecurityGroup sg = DataStoreAccess.securityGroup(
                "db",
                "Storefront Aurora PostgreSQL",
                DatabaseSettings.PORT,
                naming,
                args.vpcId(),
                args.appSecurityGroupId(),
                child);

        SubnetGroup subnets = new SubnetGroup(
                name("db-subnets"),
                SubnetGroupArgs.builder()
                        .name(naming.name("db"))
                        .description("Storefront Aurora: private data subnets in every AZ")
                        .subnetIds(args.dataSubnetIds())
                        .build(),
                child);

        String family = settings.engineVersion().parameterGroupFamily();
        // A name prefix lets a major-version upgrade create the new family's group before deleting the old one.
        ClusterParameterGroup parameters = new ClusterParameterGroup(
                name("db-cluster-parameters"),
                ClusterParameterGroupArgs.builder()
                        .namePrefix(naming.name(
                                        "aurora-pg" + settings.engineVersion().major()) + "-")
                        .family(family)
                        .description("Storefront Aurora PostgreSQL: TLS required")
                        .parameters(ClusterParameterGroupParameterArgs.builder()
                                // Dynamic on Aurora PostgreSQL: a later change applies without a reboot.
                                .name("rds.force_ssl")
                                .value("1")
                                .applyMethod("immediate")
                                .build())
                        .build(),
                child);

        // RDS creates this group on its own (unencrypted, never expiring) unless it exists first.
        LogGroup logGroup = new LogGroup(
                name("db-postgresql-logs"),
                LogGroupArgs.builder()
                        .name("/aws/rds/cluster/" + clusterId + "/postgresql")
                        .retentionInDays(args.logRetentionDays())
                        .kmsKeyId(args.kmsKeyArn())
                        .build(),
                child);

        ClusterArgs.Builder cluster = ClusterArgs.builder()
                .clusterIdentifier(clusterId)
                .engine(ENGINE)
                .engineMode("provisioned")
                .engineVersion(settings.engineVersion().toString())
                .databaseName(settings.databaseName())
                .masterUsername(settings.masterUsername())
                .manageMasterUserPassword(true)
                .masterUserSecretKmsKeyId(args.kmsKeyArn())
                .port(DatabaseSettings.PORT)
                .dbSubnetGroupName(subnets.name())
                .vpcSecurityGroupIds(sg.id().applyValue(List::of))
                .dbClusterParameterGroupName(parameters.name())
                // A major engineVersion change is an upgrade in place (the parameter group of the new family is
                // created first, by its name prefix); AWS refuses one without this flag.
                .allowMajorVersionUpgrade(true)
                // Set once, at creation (AWS cannot change it later but by a restore): no paid RDS Extended Support
                // by default; at the end of standard support AWS then upgrades the major version itself.
                .engineLifecycleSupport(settings.extendedSupport() ? EXTENDED_SUPPORT : NO_EXTENDED_SUPPORT)
                .storageEncrypted(true)
                .kmsKeyId(args.kmsKeyArn())
                .iamDatabaseAuthenticationEnabled(true)
                .backupRetentionPeriod(settings.backupRetentionDays())
                .preferredBackupWindow(settings.backupWindow())
                .preferredMaintenanceWindow(settings.maintenanceWindow())
                .copyTagsToSnapshot(true)
                .enabledCloudwatchLogsExports("postgresql")
                .applyImmediately(settings.applyImmediately())
                .deletionProtection(args.protect())
                // CFG-5: a decommission keeps a final snapshot, whether or not the stack was protected.
                .skipFinalSnapshot(!args.teardown().keepsData());
        if (args.teardown().keepsData()) {
            // Snapshot names are unique per account and region: a second teardown needs the next generation.
            cluster.finalSnapshotIdentifier(
                    naming.name("aurora-final-g" + settings.finalSnapshotGeneration(), NameLimit.RDS_CLUSTER));
        }
        if (settings.serverless()) {
            ClusterServerlessv2ScalingConfigurationArgs.Builder scaling =
                    ClusterServerlessv2ScalingConfigurationArgs.builder()
                            .minCapacity(settings.minAcu())
                            .maxCapacity(settings.maxAcu());
            if (settings.autoPause()) {
                scaling.secondsUntilAutoPause(settings.secondsUntilAutoPause());
            }
            cluster.serverlessv2ScalingConfiguration(scaling.build());
        }
        Cluster db = new Cluster(
                name("aurora"),
                cluster.build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        .protect(args.protect())
                        // The provider never sends it on an update (AWS cannot change it): a change would diff forever.
                        .ignoreChanges("engineLifecycleSupport")
                        .dependsOn(logGroup)
                        .build());

        List<ClusterInstance> instances = new ArrayList<>();
        for (int i = 0; i <= settings.readers(); i++) {
            instances.add(instance(i, db, args, stateful));
        }

        Output<String> secretArn = db.masterUserSecrets().applyValue(Database::secretArn);
        new SecretRotation(
                name("db-master-rotation"),
                SecretRotationArgs.builder()
                        .secretId(secretArn)
                        .rotationRules(SecretRotationRotationRulesArgs.builder()
                                .automaticallyAfterDays(settings.rotationDays())
                                .build())
                        // The first rotation follows the schedule; rotating during the first deploy only adds risk.
                        .rotateImmediately(false)
                        .build(),
                CustomResourceOptions.builder()
                        .parent(this)
                        // Rotation runs against a reachable instance; the cluster alone has no compute yet.
                        .dependsOn(instances.get(0))
                        // RDS owns the secret and deletes it with the cluster; cancelling rotation on an RDS-owned
                        // secret first may be refused, which would break `pulumi destroy`.
                        .retainOnDelete(true)
                        .build());

        this.clusterIdentifier = db.clusterIdentifier();
        this.plannedClusterIdentifier = clusterId;
        this.clusterArn = db.arn();
        this.writerEndpoint = db.endpoint();
        this.readerEndpoint = db.readerEndpoint();
        this.masterSecretArn = secretArn;
        this.securityGroupId = sg.id();
        this.databaseName = settings.databaseName();

        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("clusterIdentifier", clusterIdentifier);
        outputs.put("clusterArn", clusterArn);
        outputs.put("writerEndpoint", writerEndpoint);
        outputs.put("readerEndpoint", readerEndpoint);
        outputs.put("port", Output.of(DatabaseSettings.PORT));
        outputs.put("databaseName", Output.of(databaseName));
        outputs.put("masterSecretArn", masterSecretArn);
        outputs.put("securityGroupId", securityGroupId);
        registerOutputs(outputs);
    }

    /** Instance 0 is the writer in the first AZ; readers go to the following AZs for Multi-AZ failover. */
    private static ClusterInstance instance(int index, Cluster db, DatabaseArgs args, CustomResourceOptions options) {
        DatabaseSettings settings = args.settings();
        String what = index == 0 ? "aurora-writer" : "aurora-reader-" + index;
        ClusterInstanceArgs.Builder instance = ClusterInstanceArgs.builder()
                .identifier(args.naming().name(what, NameLimit.RDS_INSTANCE))
                .clusterIdentifier(db.id())
                .instanceClass(settings.instanceClass())
                // Must equal the cluster's engine and version, or AWS rejects the instance.
                .engine(db.engine())
                .engineVersion(db.engineVersion())
                .availabilityZone(args.availabilityZones().applyValue(zones -> zones.get(index % zones.size())))
                .promotionTier(index == 0 ? 0 : 1)
                .publiclyAccessible(false)
                .caCertIdentifier(CA_CERTIFICATE)
                // Minor upgrades come from config: an AWS-applied upgrade would leave engineVersion drifting
                // from the stack and the next `pulumi up` trying to downgrade.
                .autoMinorVersionUpgrade(false)
                .applyImmediately(settings.applyImmediately())
                .performanceInsightsEnabled(settings.performanceInsights());
        if (settings.performanceInsights()) {
            instance.performanceInsightsKmsKeyId(args.kmsKeyArn())
                    .performanceInsightsRetentionPeriod(PERFORMANCE_INSIGHTS_RETENTION_DAYS);
        }
        return new ClusterInstance(ChildNames.of(options, what), instance.build(), options);
    }

    private static String secretArn(List<ClusterMasterUserSecret> secrets) {
        return secrets.stream()
                .findFirst()
                .flatMap(ClusterMasterUserSecret::secretArn)
                .orElseThrow(() -> new IllegalStateException(
                        "RDS did not report the managed master secret; is manageMasterUserPassword on?"));
    }

    public Output<String> clusterIdentifier() {
        return clusterIdentifier;
    }

    /**
     * The identifier as configured, known before the cluster exists: alarms, dashboards and scaling
     * policies use it so they do not wait the ~10 minutes Aurora takes to create.
     */
    public String plannedClusterIdentifier() {
        return plannedClusterIdentifier;
    }

    public Output<String> clusterArn() {
        return clusterArn;
    }

    public Output<String> writerEndpoint() {
        return writerEndpoint;
    }

    public Output<String> readerEndpoint() {
        return readerEndpoint;
    }

    public int port() {
        return DatabaseSettings.PORT;
    }

    public String databaseName() {
        return databaseName;
    }

    /** The RDS-managed secret with the master {@code username} and {@code password}. */
    public Output<String> masterSecretArn() {
        return masterSecretArn;
    }

    public Output<String> securityGroupId() {
        return securityGroupId;
    }

    /** Its dashboard panel and alarms: connections, and (Serverless v2) capacity against its maximum. */
    public Watches watches() {
        // The planned identifier: alarms and the dashboard need not wait for Aurora.
        Output<String> cluster = Output.of(plannedClusterIdentifier);
        MetricRef connections = Metrics.db(cluster, "DatabaseConnections", "Maximum", region);
        List<MetricRef> panel =
                new ArrayList<>(List.of(connections, Metrics.db(cluster, "CPUUtilization", "Average", region)));
        List<Watch> alarms = new ArrayList<>(List.of(Watch.on(
                "db-connections",
                s -> "Aurora connections above " + s.dbConnections() + ": pools leaking or max capacity too low",
                connections,
                Watch.ABOVE,
                AlertSettings::dbConnections,
                Watch.QUIET_IS_OK)));
        if (serverless) {
            MetricRef acu = Metrics.db(cluster, "ACUUtilization", "Average", region);
            panel.add(acu);
            panel.add(Metrics.db(cluster, "ServerlessDatabaseCapacity", "Average", region));
            alarms.add(Watch.on(
                    "db-acu",
                    s -> "Aurora Serverless v2 above " + s.dbAcuPercent() + "% of its max ACU: raise maxAcu",
                    acu,
                    Watch.ABOVE,
                    AlertSettings::dbAcuPercent,
                    Watch.QUIET_IS_OK));
        }
        return new Watches(List.of(new Watches.Panel("Aurora: connections, CPU, ACU", region, panel)), alarms);
    }

    /**
     * How the API reaches the database: writer and reader endpoints with TLS required, and the RDS-managed
     * master secret's user name and password injected by ECS.
     */
    public AppBinding appBinding() {
        return AppBinding.named("database")
                .env("DB_HOST", writerEndpoint)
                .env("DB_READER_HOST", readerEndpoint)
                .env("DB_PORT", String.valueOf(port()))
                .env("DB_NAME", databaseName)
                .env("DB_SSLMODE", "require")
                .secret("DB_USERNAME", AppBinding.SecretRef.key(masterSecretArn, "username"))
                .secret("DB_PASSWORD", AppBinding.SecretRef.key(masterSecretArn, "password"))
                .build();
    }
}
