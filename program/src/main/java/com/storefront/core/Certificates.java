package com.storefront.core;

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

import java.util.List;
import java.util.Optional;

/** ACM certificates: a configured ARN, or one requested here and validated through Route 53. */
public final class Certificates {

    private Certificates() {}

    /**
     * The ARN a listener or distribution may use. A requested certificate's ARN is taken from its
     * validation, so nothing uses it while it is still pending (AWS rejects pending certificates).
     * The certificate lands in the region of {@code options}' provider.
     */
    public static Output<String> arn(
            String logicalPrefix,
            String domain,
            Optional<String> existingArn,
            Optional<String> hostedZoneId,
            CustomResourceOptions options) {
        if (existingArn.isPresent()) {
            return Output.of(existingArn.get());
        }
        Certificate certificate = new Certificate(
                ChildNames.of(options, logicalPrefix),
                CertificateArgs.builder()
                        .domainName(domain)
                        .validationMethod("DNS")
                        .build(),
                options);
        Output<CertificateDomainValidationOption> validation =
                certificate.domainValidationOptions().applyValue(Certificates::first);
        Record record = new Record(
                ChildNames.of(options, logicalPrefix + "-validation"),
                RecordArgs.builder()
                        .zoneId(hostedZoneId.orElseThrow(
                                () -> new IllegalArgumentException("a hosted zone validates " + domain)))
                        .name(validation.applyValue(v -> v.resourceRecordName().orElseThrow()))
                        .type(validation.applyValue(v -> Either.<String, RecordType>ofLeft(
                                v.resourceRecordType().orElseThrow())))
                        .records(validation.applyValue(
                                v -> List.of(v.resourceRecordValue().orElseThrow())))
                        .ttl(60)
                        // A re-created certificate for the same name gets the same validation record.
                        .allowOverwrite(true)
                        .build(),
                options);
        return new CertificateValidation(
                        ChildNames.of(options, logicalPrefix + "-validated"),
                        CertificateValidationArgs.builder()
                                .certificateArn(certificate.arn())
                                .validationRecordFqdns(record.fqdn().applyValue(List::of))
                                .build(),
                        options)
                .certificateArn();
    }

    private static CertificateDomainValidationOption first(List<CertificateDomainValidationOption> options) {
        if (options.isEmpty()) {
            throw new IllegalStateException("ACM returned no DNS validation record");
        }
        return options.get(0);
    }
}
