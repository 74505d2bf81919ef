package com.storefront.config;

/**
 * Aurora PostgreSQL settings (DB-1..DB-5), validated.
 *
 * @param instanceClass {@code db.serverless} for Serverless v2, or a provisioned class such as {@code db.t4g.medium}
 * @param minAcu        Serverless v2 minimum; 0 turns on auto-pause
 * @param readers       reader instances besides the writer, placed in the other AZs
 * @param finalSnapshotGeneration part of the final snapshot's name; bump it before destroying a
 *                      protected stack a second time (snapshot names must be unique)
 */
public record DatabaseSettings(
        AuroraVersions.Version engineVersion,
        String instanceClass,
        double minAcu,
        double maxAcu,
        int secondsUntilAutoPause,
        int readers,
        String databaseName,
        String masterUsername,
        int backupRetentionDays,
        String backupWindow,
        String maintenanceWindow,
        boolean performanceInsights,
        int rotationDays,
        boolean applyImmediately,
        int finalSnapshotGeneration,
        boolean extendedSupport) {

    public static final String SERVERLESS_CLASS = "db.serverless";
    public static final int PORT = 5432;

    public boolean serverless() {
        return SERVERLESS_CLASS.equals(instanceClass);
    }

    public boolean autoPause() {
        return serverless() && minAcu == 0;
    }
}
