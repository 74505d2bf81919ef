package com.storefront.data;

import com.storefront.config.AuroraVersions;
import com.storefront.config.AwsTables;
import com.storefront.config.ConfigProblems;
import com.storefront.config.ConfigSection;
import com.storefront.config.DatabaseSettings;
import com.storefront.config.Environment;
import com.storefront.config.InstanceClasses;
import com.storefront.config.Setting;
import com.storefront.config.SettingGroup;
import com.storefront.config.SettingValues;
import com.storefront.config.TimeWindows;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code storefront:database}: declared settings of Aurora PostgreSQL (DB-1..DB-5), and their reader. */
public final class DatabaseConfig {

    static final String DEFAULT_ENGINE_VERSION = "16.6";
    private static final Pattern IDENTIFIER = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_]{0,62}$");
    /** CreateDBCluster: the Aurora PostgreSQL master user name is 1-16 letters, digits or _, a letter first. */
    private static final Pattern MASTER_USERNAME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_]{0,15}$");
    /** Names RDS or PostgreSQL keep for themselves; CreateDBCluster refuses them as the master user. */
    static final Set<String> RESERVED_USERNAMES = Set.of(
            "admin",
            "rdsadmin",
            "rdsrepladmin",
            "rds_superuser",
            "user",
            "all",
            "public",
            "current_user",
            "session_user",
            "select",
            "table",
            "grant",
            "role",
            "default");

    static final Setting<String> ENGINE_VERSION = Setting.text(
                    "engineVersion",
                    "a released Aurora PostgreSQL version `major.minor` in quotes, e.g. \"16.6\" (table "
                            + "`aurora-postgresql-versions.tsv`)")
            .doc("the engine version; `db.serverless` needs a version with Serverless v2, `minAcu: 0` one with "
                    + "auto-pause (both in the table)")
            .defaultValue(DEFAULT_ENGINE_VERSION);
    static final Setting<String> INSTANCE_CLASS = Setting.text(
                    "instanceClass",
                    "`db.serverless` (Serverless v2) or a "
                            + "provisioned class Aurora PostgreSQL offers for the engine version (table "
                            + "`aurora-instance-classes.tsv`, Optimized Reads `*d` classes included)")
            .doc("the writer's and readers' class")
            .defaultValue(DatabaseSettings.SERVERLESS_CLASS);
    static final Setting<Double> MIN_ACU = acu("minAcu", 0)
            .doc("Serverless v2 minimum capacity, ≤ `maxAcu`; `0` pauses the database when idle (needs a version "
                    + "with auto-pause)")
            .defaultValue(0.5);
    static final Setting<Double> MAX_ACU =
            acu("maxAcu", 1).doc("Serverless v2 maximum capacity").defaultValue(1.0);
    static final Setting<Integer> SECONDS_UNTIL_AUTO_PAUSE = Setting.wholeNumber("secondsUntilAutoPause", 300, 86_400)
            .doc("idle seconds before a pause; used only when `minAcu` is 0")
            .defaultValue(300);
    static final Setting<Integer> READERS = Setting.wholeNumber("readers", 0, 15)
            .doc("reader instances besides the writer, placed in the AZs after the writer's")
            .byEnvironment(0, 1);
    static final Setting<String> DATABASE_NAME = Setting.text(
                    "databaseName", IDENTIFIER, "a letter, then letters, digits or _ (at most 63 characters)")
            .doc("the database created in the cluster")
            .defaultValue("storefront");
    static final Setting<String> MASTER_USERNAME_SETTING = Setting.text(
                    "masterUsername",
                    MASTER_USERNAME,
                    "1-16 letters, digits or _, a letter first, not a reserved name (admin, rdsadmin, user, ...)")
            .check(v -> RESERVED_USERNAMES.contains(v.toLowerCase(java.util.Locale.ROOT))
                    ? Optional.of("is reserved by RDS or PostgreSQL; choose another name (1-16 letters, digits or _)")
                    : Optional.empty())
            .doc("the master user; its password lives only in Secrets Manager")
            .defaultValue("storefront_admin");
    static final Setting<Integer> BACKUP_RETENTION_DAYS = Setting.wholeNumber("backupRetentionDays", 1, 35)
            .doc("days of automated backups (point-in-time recovery)")
            .byEnvironment(7, 14);
    static final Setting<String> BACKUP_WINDOW = Setting.text("backupWindow", TimeWindows.dailyFormat(30))
            .doc("the daily backup window; not overlapping the maintenance window")
            .defaultValue("03:00-04:00");
    static final Setting<String> MAINTENANCE_WINDOW = Setting.text("maintenanceWindow", TimeWindows.weeklyFormat(30))
            .doc("the weekly maintenance window")
            .defaultValue("sun:05:00-sun:06:00");
    static final Setting<Boolean> PERFORMANCE_INSIGHTS = Setting.bool("performanceInsights")
            .doc("Performance Insights with the CMK (7-day free tier)")
            .byEnvironment(false, true);
    static final Setting<Integer> ROTATION_DAYS = Setting.wholeNumber("rotationDays", 1, 365)
            .doc("rotation schedule of the master secret")
            .defaultValue(30);
    static final Setting<Boolean> APPLY_IMMEDIATELY = Setting.bool("applyImmediately")
            .doc("apply modifications now (`true`) or in the maintenance window")
            .byEnvironment(true, false);
    static final Setting<Integer> FINAL_SNAPSHOT_GENERATION = Setting.wholeNumber("finalSnapshotGeneration", 1, 999)
            .doc("part of the final snapshot's name (`storefront-aurora-final-g<n>-<suffix>`); bump it before a "
                    + "second decommission with the same suffix (snapshot names are unique)")
            .defaultValue(1);
    static final Setting<Boolean> EXTENDED_SUPPORT = Setting.bool("extendedSupport")
            .doc("`true`: RDS Extended Support (paid) past a major version's standard support; `false`: AWS upgrades "
                    + "the major version itself then. Takes effect at creation only (AWS cannot change it but by a "
                    + "restore): a cluster created before this setting existed stays enrolled as AWS's default left it")
            .defaultValue(false);
    static final Setting<Optional<String>> RUNNING_ENGINE_VERSION = Setting.text(
                    "runningEngineVersion", "`major.minor` as RDS reports it")
            .doc("set only by `scripts/deploy-image.sh` on its temporary copy of the stack file: the version AWS "
                    + "runs, so a forced minor upgrade is declared, not reverted (never put it in a stack file)")
            .optional();

    public static final SettingGroup GROUP = new SettingGroup(
            "storefront:database",
            "Aurora PostgreSQL",
            List.of(
                    ENGINE_VERSION,
                    INSTANCE_CLASS,
                    MIN_ACU,
                    MAX_ACU,
                    SECONDS_UNTIL_AUTO_PAUSE,
                    READERS,
                    DATABASE_NAME,
                    MASTER_USERNAME_SETTING,
                    BACKUP_RETENTION_DAYS,
                    BACKUP_WINDOW,
                    MAINTENANCE_WINDOW,
                    PERFORMANCE_INSIGHTS,
                    ROTATION_DAYS,
                    APPLY_IMMEDIATELY,
                    FINAL_SNAPSHOT_GENERATION,
                    EXTENDED_SUPPORT,
                    RUNNING_ENGINE_VERSION));

    private DatabaseConfig() {}

    /** ACUs go from 0 to 256 in steps of 0.5; the provider requires a maximum of at least 1. */
    private static Setting.Builder<Double> acu(String name, double min) {
        return Setting.decimal(name, min, 256)
                .allowed(Setting.number(min) + "–256 in steps of 0.5")
                .check(v ->
                        v * 2 != Math.floor(v * 2) ? Optional.of("must be a multiple of 0.5 ACU") : Optional.empty());
    }

    public static DatabaseSettings read(ConfigSection section, Environment environment) {
        SettingValues values = new SettingValues(section, environment);
        ConfigProblems problems = section.problems();
        String versionText = values.read(ENGINE_VERSION);
        Optional<AuroraVersions.Version> version = AuroraVersions.parse(versionText);
        String versionKey = values.key(ENGINE_VERSION);
        if (version.isEmpty()) {
            problems.add(
                    versionKey,
                    versionText,
                    "must be an Aurora PostgreSQL version major.minor with major " + AuroraVersions.supportedMajors()
                            + ", e.g. " + DEFAULT_ENGINE_VERSION);
        } else if (!version.get().released()) {
            problems.add(
                    versionKey,
                    versionText,
                    "was never released; " + version.get().major() + ".x versions are "
                            + AuroraVersions.majors().get(version.get().major()) + " "
                            + AwsTables.auroraVersions().citation());
            version = Optional.empty();
        }
        String instanceClass = values.read(INSTANCE_CLASS);
        boolean serverless = DatabaseSettings.SERVERLESS_CLASS.equals(instanceClass);
        if (!serverless) {
            version.ifPresentOrElse(
                    v -> InstanceClasses.problem(instanceClass, v)
                            .ifPresent(p -> problems.add(values.key(INSTANCE_CLASS), instanceClass, p)),
                    () -> {});
        } else if (version.isPresent() && !version.get().supportsServerlessV2()) {
            problems.add(
                    versionKey,
                    versionText,
                    "does not support Serverless v2 (db.serverless); use " + AuroraVersions.serverlessMinimums()
                            + " or later within the major version");
        }

        double minAcu = values.read(MIN_ACU);
        double maxAcu = values.read(MAX_ACU);
        if (minAcu > maxAcu) {
            String max = section.has(MAX_ACU.name()) ? values.shown(MAX_ACU) : Setting.number(maxAcu) + ", the default";
            problems.addShown(
                    values.key(MIN_ACU),
                    values.shown(MIN_ACU),
                    "must not exceed " + values.key(MAX_ACU) + " (" + max + ")");
        }
        if (minAcu == 0 && serverless && version.isPresent() && !version.get().supportsAutoPause()) {
            problems.addShown(
                    values.key(MIN_ACU),
                    values.shown(MIN_ACU),
                    "0 (auto-pause) needs engine version " + AuroraVersions.autoPauseMinimums()
                            + " or later; engineVersion is " + versionText);
        }
        values.read(SECONDS_UNTIL_AUTO_PAUSE);
        values.read(READERS);
        values.read(DATABASE_NAME);
        values.read(MASTER_USERNAME_SETTING);
        values.read(BACKUP_RETENTION_DAYS);
        String backupWindow = values.read(BACKUP_WINDOW);
        String maintenanceWindow = values.read(MAINTENANCE_WINDOW);
        TimeWindows.validate(
                section, BACKUP_WINDOW.name(), backupWindow, MAINTENANCE_WINDOW.name(), maintenanceWindow, true, 30);
        values.read(PERFORMANCE_INSIGHTS);
        values.read(ROTATION_DAYS);
        values.read(APPLY_IMMEDIATELY);
        values.read(FINAL_SNAPSHOT_GENERATION);
        values.read(EXTENDED_SUPPORT);
        Optional<String> running = values.read(RUNNING_ENGINE_VERSION);
        values.drop(RUNNING_ENGINE_VERSION).drop(ENGINE_VERSION);
        values.put(
                "engineVersion",
                version.map(configured -> running(section, running, configured)).orElse(null));
        section.rejectUnknownKeys();
        return values.build(DatabaseSettings.class);
    }

    /**
     * The version to declare: the configured one, or the newer minor AWS already runs. AWS upgrades a minor
     * version at its end of life even with automatic upgrades off; declaring the older one would make every
     * later update try a downgrade, which AWS refuses. The rollout tool reads the running version into
     * {@code runningEngineVersion} (never in the stack file); a configured upgrade still applies.
     */
    private static AuroraVersions.Version running(
            ConfigSection section, Optional<String> text, AuroraVersions.Version configured) {
        if (text.isEmpty()) {
            return configured;
        }
        Optional<AuroraVersions.Version> running = AuroraVersions.parseAny(text.get());
        if (running.isEmpty()) {
            section.problems()
                    .add(
                            section.key(RUNNING_ENGINE_VERSION.name()),
                            text.get(),
                            "must be major.minor as RDS reports it");
            return configured;
        }
        if (running.get().major() != configured.major()) {
            if (running.get().major() > configured.major()) {
                section.problems()
                        .add(
                                section.key(ENGINE_VERSION.name()),
                                configured.toString(),
                                "must be at least the "
                                        + "major version the cluster runs (" + running.get()
                                        + "): AWS upgraded it; set engineVersion to "
                                        + running.get() + " (its parameter group family follows)");
            }
            return configured;
        }
        return running.get().minor() > configured.minor() ? running.get() : configured;
    }
}
