package com.storefront.network;

/** What a VPC is for. */
public enum NetworkRole {
    /**
     * The stack's own network: public, app and (three-tier) data subnets per AZ, the internet gateway, NAT per
     * strategy, the S3 gateway endpoint, interface endpoints when asked, and the app security groups.
     */
    PRIMARY,
    /**
     * The DR region's standby network, where a restored database waits until it is needed: private subnets
     * only, one route table for them (with no NAT every zone routes alike), no way to the internet; it is
     * reached over peering.
     */
    STANDBY
}
