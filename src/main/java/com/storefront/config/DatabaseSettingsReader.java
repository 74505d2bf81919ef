package com.storefront.config;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and validates {@code storefront:database}. */
final class DatabaseSettingsReader {

    static final String DEFAULT_ENGINE_VERSION = "16.6";
    /** Classes Aurora PostgreSQL offers: the medium/large burstables and the memory/general families. */
    private static final Pattern INSTANCE_CLASS = Pattern.compile(
            "^db\\.((t3|t4g)\\.(medium|large)|(r5|r6g|r6i|r7g|r7i|r8g|x2g)\\.(large|\\d*xlarge))$");
    private static final Pattern IDENTIFIER = Pattern.compile("^[a-zA-Z][a-zA-Z0-9_]{0,62}$");

    private DatabaseSettingsReader() {
    }

    /**
     * The version to declare: the configured one, or the newer minor AWS already runs. AWS upgrades a minor
     * version at its end of life even with automatic upgrades off; declaring the older one would make every
     * later update try a downgrade, which AWS refuses. The rollout tool reads the running version into
     * {@code runningEngineVersion} (never in the stack file); a configured upgrade still applies.
     */
    private static AuroraVersions.Version running(ConfigSection section, AuroraVersions.Version configured) {
        Optional<String> text = section.optionalString("runningEngineVersion");
        if (text.isEmpty()) {
            return configured;
        }
        Optional<AuroraVersions.Version> running = AuroraVersions.parse(text.get())
                .or(() -> AuroraVersions.parseAny(text.get()));
        if (running.isEmpty()) {
            section.problems().add(section.key("runningEngineVersion"), text.get(), "must be major.minor as RDS reports it");
            return configured;
        }
        if (running.get().major() != configured.major()) {
            if (running.get().major() > configured.major()) {
                section.problems().add(section.key("engineVersion"), configured.toString(), "must be at least the major "
                        + "version the cluster runs (" + running.get() + "): AWS upgraded it; set engineVersion to "
                        + running.get() + " (its parameter group family follows)");
            }
            return configured;
        }
        return running.get().minor() > configured.minor() ? running.get() : configured;
    }

    static DatabaseSettings read(ConfigSection section, Environment environment) {
        ConfigProblems problems = section.problems();
        String versionText = section.string("engineVersion", DEFAULT_ENGINE_VERSION);
        Optional<AuroraVersions.Version> version = AuroraVersions.parse(versionText);
        if (version.isEmpty()) {
            problems.add(section.key("engineVersion"), versionText, "must be an Aurora PostgreSQL version major.minor"
                    + " with major " + AuroraVersions.supportedMajors() + ", e.g. " + DEFAULT_ENGINE_VERSION);
        }
        String instanceClass = section.string("instanceClass", DatabaseSettings.SERVERLESS_CLASS);
        boolean serverless = DatabaseSettings.SERVERLESS_CLASS.equals(instanceClass);
        if (!serverless && !INSTANCE_CLASS.matcher(instanceClass).matches()) {
            problems.add(section.key("instanceClass"), instanceClass,
                    "must be db.serverless (Serverless v2) or a class Aurora PostgreSQL offers: db.t3/t4g.medium|large, "
                            + "db.r5/r6g/r6i/r7g/r7i/r8g/x2g.large|xlarge|<n>xlarge");
        }
        if (serverless && version.isPresent() && !version.get().supportsServerlessV2()) {
            problems.add(section.key("engineVersion"), versionText, "does not support Serverless v2 (db.serverless); use "
                    + AuroraVersions.serverlessMinimums() + " or later within the major version");
        }

        double minAcu = acu(section, "minAcu", 0.5, 0);
        double maxAcu = acu(section, "maxAcu", 1, 1);
        if (minAcu > maxAcu) {
            problems.add(section.key("minAcu"), minAcu, "must not exceed " + section.key("maxAcu") + " (" + maxAcu + ")");
        }
        if (minAcu == 0 && serverless && version.isPresent() && !version.get().supportsAutoPause()) {
            problems.add(section.key("minAcu"), "0", "0 (auto-pause) needs engine version "
                    + AuroraVersions.autoPauseMinimums() + " or later; engineVersion is " + versionText);
        }
        int secondsUntilAutoPause = section.integer("secondsUntilAutoPause", 300, 300, 86_400);

        int readers = section.integer("readers", environment.pick(0, 1), 0, 15);
        String databaseName = identifier(section, "databaseName", "storefront");
        String masterUsername = identifier(section, "masterUsername", "storefront_admin");
        if (masterUsername.equals("rdsadmin")) {
            problems.add(section.key("masterUsername"), masterUsername, "is reserved by RDS");
        }
        int backupRetention = section.integer("backupRetentionDays", environment.pick(7, 14), 1, 35);
        String backupWindow = section.string("backupWindow", "03:00-04:00");
        String maintenanceWindow = section.string("maintenanceWindow", "sun:05:00-sun:06:00");
        TimeWindows.validate(section, "backupWindow", backupWindow, "maintenanceWindow", maintenanceWindow, true, 30);
        boolean performanceInsights = section.bool("performanceInsights", environment.pick(false, true));
        int rotationDays = section.integer("rotationDays", 30, 1, 365);
        boolean applyImmediately = section.bool("applyImmediately", environment.pick(true, false));
        int generation = section.integer("finalSnapshotGeneration", 1, 1, 999);
        boolean extendedSupport = section.bool("extendedSupport", false);
        version = version.map(configured -> running(section, configured));
        section.rejectUnknownKeys();

        return new DatabaseSettings(version.orElse(null), instanceClass, minAcu, maxAcu, secondsUntilAutoPause,
                readers, databaseName, masterUsername, backupRetention, backupWindow, maintenanceWindow,
                performanceInsights, rotationDays, applyImmediately, generation, extendedSupport);
    }

    /** ACUs go from 0 to 256 in steps of 0.5; the provider requires a maximum of at least 1. */
    private static double acu(ConfigSection section, String name, double defaultValue, double min) {
        double value = section.decimal(name, defaultValue, min, 256);
        if (value * 2 != Math.floor(value * 2)) {
            section.problems().add(section.key(name), value, "must be a multiple of 0.5 ACU");
            return defaultValue;
        }
        return value;
    }

    private static String identifier(ConfigSection section, String name, String defaultValue) {
        String value = section.string(name, defaultValue);
        if (!IDENTIFIER.matcher(value).matches()) {
            section.problems().add(section.key(name), value,
                    "must start with a letter and contain only letters, digits and _ (at most 63 characters)");
        }
        return value;
    }
}
