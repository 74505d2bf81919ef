package com.storefront.config;

/**
 * Disaster-recovery settings (DR-1..DR-4).
 *
 * @param vpcCidr              the DR VPC's block; must not overlap the primary VPC (peering needs that)
 * @param backupRetentionDays  days AWS Backup keeps recovery points in the primary region
 * @param copyRetentionDays    days the copies in the DR region are kept
 * @param backupSchedule       AWS Backup schedule expression (UTC)
 */
public record DrSettings(
        boolean enabled,
        String region,
        String vpcCidr,
        int backupRetentionDays,
        int copyRetentionDays,
        String backupSchedule) {}
