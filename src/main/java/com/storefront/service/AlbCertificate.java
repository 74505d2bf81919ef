package com.storefront.service;

import com.pulumi.aws.acm.Certificate;
import com.pulumi.aws.acm.CertificateArgs;
import com.pulumi.aws.acm.CertificateValidation;
import com.pulumi.aws.acm.CertificateValidationArgs;
import com.pulumi.aws.acm.outputs.CertificateDomainValidationOption;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.enums.RecordType;
import com.pulumi.core.Either;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.storefront.config.ServiceSettings;

import java.util.List;

/** The ALB's certificate: the configured ARN, or one requested here and validated through Route 53. */
final class AlbCertificate {

    private AlbCertificate() {
    }

    /** The ARN listeners use; for an issued certificate, only once it is validated (AWS rejects pending ones). */
    static Output<String> arn(ServiceSettings.TlsSettings tls, CustomResourceOptions options) {
        if (!tls.issuesCertificate()) {
            return Output.of(tls.certificateArn().orElseThrow());
        }
        String domain = tls.domainName().orElseThrow();
        Certificate certificate = new Certificate("alb-certificate", CertificateArgs.builder()
                .domainName(domain)
                .validationMethod("DNS")
                .build(), options);
        Output<CertificateDomainValidationOption> validation = certificate.domainValidationOptions()
                .applyValue(AlbCertificate::first);
        Record record = new Record("alb-certificate-validation", RecordArgs.builder()
                .zoneId(tls.hostedZoneId().orElseThrow())
                .name(validation.applyValue(v -> v.resourceRecordName().orElseThrow()))
                .type(validation.applyValue(v -> Either.<String, RecordType>ofLeft(v.resourceRecordType().orElseThrow())))
                .records(validation.applyValue(v -> List.of(v.resourceRecordValue().orElseThrow())))
                .ttl(60)
                // A re-created certificate for the same name gets the same validation record.
                .allowOverwrite(true)
                .build(), options);
        return new CertificateValidation("alb-certificate-validated", CertificateValidationArgs.builder()
                .certificateArn(certificate.arn())
                .validationRecordFqdns(record.fqdn().applyValue(List::of))
                .build(), options).certificateArn();
    }

    private static CertificateDomainValidationOption first(List<CertificateDomainValidationOption> options) {
        if (options.isEmpty()) {
            throw new IllegalStateException("ACM returned no DNS validation record for the ALB certificate");
        }
        return options.get(0);
    }
}
