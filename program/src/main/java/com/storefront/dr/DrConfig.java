package com.storefront.dr;

import com.storefront.config.BackupCron;
import com.storefront.config.Cidr;
import com.storefront.config.ConfigProblems;
import com.storefront.config.ConfigSection;
import com.storefront.config.DatabaseSettings;
import com.storefront.config.DrSettings;
import com.storefront.config.Environment;
import com.storefront.config.Regions;
import com.storefront.config.Setting;
import com.storefront.config.SettingGroup;
import com.storefront.config.SettingValues;
import com.storefront.config.TimeWindows;

import java.util.List;
import java.util.Optional;

/** {@code storefront:dr}: declared settings of the DR region (DR-1..DR-5), and their reader. */
public final class DrConfig {

    /** The backup rule's start window (BackupCopies): a job may start up to this long after its time. */
    public static final int BACKUP_START_WINDOW_MINUTES = 60;

    static final Setting<Boolean> ENABLED = Setting.bool("enabled")
            .doc("the DR region: asset replication, Aurora backup copies, a peered VPC and what a restore needs")
            .byEnvironment(false, true);
    static final Setting<Optional<String>> REGION = Setting.text(
                    "region", "an AWS region other than `aws:region` " + "(table `regions.tsv`)")
            .check(Regions::problem)
            .doc("the DR region; required when DR is enabled")
            .optional();
    static final Setting<String> VPC_CIDR = Setting.text(
                    "vpcCidr",
                    "an IPv4 CIDR block from /16 to /24 with no host " + "bits set, not overlapping `network.vpcCidr`")
            .rule(v -> Cidr.parse(v)
                    .filter(c -> c.prefix() >= 16 && c.prefix() <= 24)
                    .isPresent())
            .doc("the DR VPC's block (peered VPCs need distinct ranges)")
            .defaultValue("10.1.0.0/16");
    static final Setting<Integer> BACKUP_RETENTION_DAYS = Setting.wholeNumber("backupRetentionDays", 1, 3650)
            .doc("days of Aurora recovery points in the primary vault")
            .byEnvironment(7, 14);
    static final Setting<Integer> COPY_RETENTION_DAYS = Setting.wholeNumber("copyRetentionDays", 1, 3650)
            .doc("days of copies in the DR vault")
            .byEnvironment(7, 30);
    static final Setting<String> BACKUP_SCHEDULE = Setting.text("backupSchedule", BackupCron.rule())
            .check(v -> BackupCron.parse(v).problem())
            .doc("when AWS Backup takes the Aurora recovery point it copies; its " + BACKUP_START_WINDOW_MINUTES
                    + "-minute start window stays clear of `database.backupWindow` and `database.maintenanceWindow`")
            .defaultValue("cron(0 7 * * ? *)");

    public static final SettingGroup GROUP = new SettingGroup(
            "storefront:dr",
            "the disaster-recovery region",
            List.of(ENABLED, REGION, VPC_CIDR, BACKUP_RETENTION_DAYS, COPY_RETENTION_DAYS, BACKUP_SCHEDULE));

    private DrConfig() {}

    public static DrSettings read(
            ConfigSection section,
            Environment environment,
            String primaryRegion,
            String primaryVpcCidr,
            DatabaseSettings database) {
        SettingValues values = new SettingValues(section, environment);
        ConfigProblems problems = section.problems();
        boolean enabled = values.read(ENABLED);
        Optional<String> region = values.read(REGION);
        if (enabled && !section.has(REGION.name())) {
            problems.add(
                    values.key(REGION),
                    null,
                    "is required when " + values.key(ENABLED) + " is true; an AWS region other than " + primaryRegion);
        }
        region.filter(primaryRegion::equals)
                .ifPresent(r -> problems.add(
                        values.key(REGION),
                        r,
                        "must differ from the primary region aws:region (" + primaryRegion + ")"));
        values.put(REGION.name(), region.orElse(""));
        String cidrText = values.read(VPC_CIDR);
        if (enabled) {
            Cidr.parse(cidrText)
                    .ifPresent(cidr -> Cidr.parse(primaryVpcCidr)
                            .filter(p -> p.overlaps(cidr))
                            .ifPresent(p -> problems.add(
                                    values.key(VPC_CIDR),
                                    cidrText,
                                    "must not overlap the primary VPC " + p
                                            + " (peered VPCs need distinct address ranges)")));
        }
        values.read(BACKUP_RETENTION_DAYS);
        values.read(COPY_RETENTION_DAYS);
        String schedule = values.read(BACKUP_SCHEDULE);
        if (enabled) {
            BackupCron.parse(schedule)
                    .cron()
                    .ifPresent(cron -> clashes(cron, database)
                            .ifPresent(clash -> problems.add(values.key(BACKUP_SCHEDULE), schedule, clash)));
        }
        section.rejectUnknownKeys();
        return values.build(DrSettings.class);
    }

    /**
     * Why the backup jobs' start windows meet the Aurora backup or maintenance window: a job that starts
     * while RDS takes its own snapshot or patches the cluster waits or fails, and the day's copy is late.
     */
    private static Optional<String> clashes(BackupCron cron, DatabaseSettings database) {
        Optional<TimeWindows.Range> backup = TimeWindows.daily(database.backupWindow());
        Optional<TimeWindows.Range> maintenance = TimeWindows.weekly(database.maintenanceWindow());
        for (int start : cron.starts()) {
            TimeWindows.Range job = new TimeWindows.Range(start, start + BACKUP_START_WINDOW_MINUTES);
            if (maintenance.isPresent() && TimeWindows.overlapsWeekly(job, maintenance.get())) {
                return Optional.of("starts jobs (with their " + BACKUP_START_WINDOW_MINUTES + "-minute start window) "
                        + "inside storefront:database.maintenanceWindow (" + database.maintenanceWindow() + "); move "
                        + "one of them");
            }
            if (backup.isPresent() && TimeWindows.overlaps(backup.get(), job)) {
                return Optional.of("starts jobs (with their " + BACKUP_START_WINDOW_MINUTES + "-minute start window) "
                        + "inside storefront:database.backupWindow (" + database.backupWindow()
                        + "); move one of them");
            }
        }
        return Optional.empty();
    }
}
