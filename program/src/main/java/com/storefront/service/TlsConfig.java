package com.storefront.service;

import com.storefront.config.ConfigProblems;
import com.storefront.config.ConfigSection;
import com.storefront.config.DnsNames;
import com.storefront.config.Environment;
import com.storefront.config.Setting;
import com.storefront.config.SettingGroup;
import com.storefront.config.SettingValues;
import com.storefront.config.TlsSettings;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code storefront:tls}: the ALB origin's TLS (SVC-5; viewer TLS is under {@code edge}), and its reader. */
public final class TlsConfig {

    private static final Pattern CERTIFICATE_ARN =
            Pattern.compile("^arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/[0-9a-f-]{36}$");

    static final Setting<Optional<String>> DOMAIN_NAME = Setting.text(
                    "domainName", DnsNames.DOMAIN, "a lowercase DNS name such as origin.shop.example.com")
            .doc("DNS name of the ALB origin: the ALB becomes internet-facing with HTTPS only, for CloudFront only; "
                    + "unset, it is internal behind a CloudFront VPC origin. Switching replaces the ALB (see [Moving a "
                    + "running stack to the private edge](#moving-a-running-stack-to-the-private-edge))")
            .optional();
    static final Setting<Optional<String>> CERTIFICATE_ARN_SETTING = Setting.text(
                    "certificateArn",
                    CERTIFICATE_ARN,
                    "an ACM certificate ARN in the stack region covering `domainName`")
            .doc("the ALB's certificate (ALBs use regional certificates)")
            .optional();
    static final Setting<Optional<String>> HOSTED_ZONE_ID = Setting.text(
                    "hostedZoneId", DnsNames.HOSTED_ZONE, "a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ")
            .doc("with `domainName` and no `certificateArn`, a certificate is requested and DNS-validated here; the "
                    + "alias record to the ALB is created")
            .optional();

    public static final SettingGroup GROUP = new SettingGroup(
            "storefront:tls", "the ALB origin's TLS", List.of(DOMAIN_NAME, CERTIFICATE_ARN_SETTING, HOSTED_ZONE_ID));

    private TlsConfig() {}

    public static TlsSettings read(ConfigSection section, Environment environment, String region) {
        SettingValues values = new SettingValues(section, environment);
        ConfigProblems problems = section.problems();
        Optional<String> certificateArn = values.read(CERTIFICATE_ARN_SETTING);
        Optional<String> domainName = values.read(DOMAIN_NAME);
        Optional<String> hostedZoneId = values.read(HOSTED_ZONE_ID);
        certificateArn
                .filter(arn -> !arn.contains(":acm:" + region + ":"))
                .ifPresent(arn -> problems.add(
                        values.key(CERTIFICATE_ARN_SETTING),
                        arn,
                        "must be a certificate in the stack region " + region + " (ALBs use regional certificates)"));
        // CloudFront connects to the ALB by this name, so the certificate must cover it and it must resolve.
        boolean named = section.has(DOMAIN_NAME.name());
        if (certificateArn.isPresent() && !named) {
            problems.add(
                    values.key(DOMAIN_NAME),
                    null,
                    "is required with certificateArn: the name the "
                            + "certificate covers, pointing at the ALB, that CloudFront connects to");
        }
        if (!section.has(CERTIFICATE_ARN_SETTING.name())
                && domainName.isPresent()
                && !section.has(HOSTED_ZONE_ID.name())) {
            problems.add(
                    values.key(HOSTED_ZONE_ID),
                    null,
                    "is required with domainName and no certificateArn: "
                            + "the certificate is DNS-validated in that Route 53 hosted zone");
        }
        if (hostedZoneId.isPresent() && !named) {
            problems.add(values.key(DOMAIN_NAME), null, "is required with hostedZoneId");
        }
        section.rejectUnknownKeys();
        return values.build(TlsSettings.class);
    }
}
