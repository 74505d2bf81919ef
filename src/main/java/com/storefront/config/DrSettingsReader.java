package com.storefront.config;

import java.util.Optional;
import java.util.regex.Pattern;

/** Reads and validates {@code storefront:dr}. */
final class DrSettingsReader {

    private static final Pattern CRON = Pattern.compile("^cron\\(\\S+ \\S+ \\S+ \\S+ \\S+ \\S+\\)$");

    private DrSettingsReader() {
    }

    static DrSettings read(ConfigSection section, Environment environment, String primaryRegion, String primaryVpcCidr) {
        ConfigProblems problems = section.problems();
        boolean enabled = section.bool("enabled", environment.pick(false, true));
        Optional<String> region = section.optionalString("region");
        if (enabled && region.isEmpty()) {
            problems.add(section.key("region"), null,
                    "is required when " + section.key("enabled") + " is true; an AWS region other than " + primaryRegion);
        }
        region.ifPresent(r -> {
            if (!SettingsLoader.REGION.matcher(r).matches()) {
                problems.add(section.key("region"), r, "must be an AWS region code such as us-west-2");
            } else if (r.equals(primaryRegion)) {
                problems.add(section.key("region"), r, "must differ from the primary region aws:region (" + primaryRegion + ")");
            }
        });
        String cidrText = section.string("vpcCidr", "10.1.0.0/16");
        Optional<Cidr> cidr = Cidr.parse(cidrText).filter(c -> c.prefix() >= 16 && c.prefix() <= 24);
        if (cidr.isEmpty()) {
            problems.add(section.key("vpcCidr"), cidrText, "must be an IPv4 CIDR block from /16 to /24 with no host bits set");
        } else if (enabled) {
            Cidr.parse(primaryVpcCidr).filter(primary -> primary.overlaps(cidr.get())).ifPresent(primary ->
                    problems.add(section.key("vpcCidr"), cidrText, "must not overlap the primary VPC " + primary
                            + " (peered VPCs need distinct address ranges)"));
        }
        int retention = section.integer("backupRetentionDays", environment.pick(7, 14), 1, 3650);
        int copyRetention = section.integer("copyRetentionDays", environment.pick(7, 30), 1, 3650);
        String schedule = section.string("backupSchedule", "cron(0 5 * * ? *)");
        if (!CRON.matcher(schedule).matches()) {
            problems.add(section.key("backupSchedule"), schedule, "must be an AWS cron expression with six fields, "
                    + "e.g. cron(0 5 * * ? *) for 05:00 UTC daily");
        }
        section.rejectUnknownKeys();
        return new DrSettings(enabled, region.orElse(""), cidr.map(Cidr::toString).orElse(cidrText), retention,
                copyRetention, schedule);
    }
}
