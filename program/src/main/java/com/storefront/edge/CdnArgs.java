package com.storefront.edge;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.storefront.config.EdgeSettings;
import com.storefront.config.SecretValue;
import com.storefront.core.StackContext;
import com.storefront.core.WithContext;

import java.util.Objects;

/**
 * Inputs of the CloudFront component.
 *
 * @param albOriginDomain   the name CloudFront connects to: the ALB's domain (HTTPS) or its DNS name (VPC origin)
 * @param albArn            the ALB, for the VPC origin when it is internal
 * @param albInternal       whether the ALB is internal (reached through a VPC origin) rather than HTTPS on a domain
 * @param partnerApi        whether {@code /partner/*} goes to the ALB too (API Gateway's partner API)
 * @param originSecret      the header value CloudFront adds to every origin request to the ALB
 * @param usEast1           provider for the viewer certificate (CloudFront only takes us-east-1 certificates)
 */
public record CdnArgs(
        StackContext context,
        EdgeSettings settings,
        StaticAssets assets,
        Output<String> logBucketDomainName,
        Output<String> albOriginDomain,
        Output<String> albArn,
        boolean albInternal,
        boolean partnerApi,
        SecretValue originSecret,
        Output<String> webAclArn,
        Provider usEast1)
        implements WithContext {
    /** Named arguments: each value is set by its name, so two of one type cannot be swapped. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CdnArgs}; every value must be set. */
    public static final class Builder {
        private StackContext context;
        private EdgeSettings settings;
        private StaticAssets assets;
        private Output<String> logBucketDomainName;
        private Output<String> albOriginDomain;
        private Output<String> albArn;
        private boolean albInternal;
        private boolean albInternalSet;
        private boolean partnerApi;
        private boolean partnerApiSet;
        private SecretValue originSecret;
        private Output<String> webAclArn;
        private Provider usEast1;

        private Builder() {}

        public Builder context(StackContext context) {
            this.context = context;
            return this;
        }

        public Builder settings(EdgeSettings settings) {
            this.settings = settings;
            return this;
        }

        public Builder assets(StaticAssets assets) {
            this.assets = assets;
            return this;
        }

        public Builder logBucketDomainName(Output<String> logBucketDomainName) {
            this.logBucketDomainName = logBucketDomainName;
            return this;
        }

        public Builder albOriginDomain(Output<String> albOriginDomain) {
            this.albOriginDomain = albOriginDomain;
            return this;
        }

        public Builder albArn(Output<String> albArn) {
            this.albArn = albArn;
            return this;
        }

        public Builder albInternal(boolean albInternal) {
            this.albInternal = albInternal;
            this.albInternalSet = true;
            return this;
        }

        public Builder partnerApi(boolean partnerApi) {
            this.partnerApi = partnerApi;
            this.partnerApiSet = true;
            return this;
        }

        public Builder originSecret(SecretValue originSecret) {
            this.originSecret = originSecret;
            return this;
        }

        public Builder webAclArn(Output<String> webAclArn) {
            this.webAclArn = webAclArn;
            return this;
        }

        public Builder usEast1(Provider usEast1) {
            this.usEast1 = usEast1;
            return this;
        }

        public CdnArgs build() {
            Objects.requireNonNull(context, "CdnArgs.context is not set");
            Objects.requireNonNull(settings, "CdnArgs.settings is not set");
            Objects.requireNonNull(assets, "CdnArgs.assets is not set");
            Objects.requireNonNull(logBucketDomainName, "CdnArgs.logBucketDomainName is not set");
            Objects.requireNonNull(albOriginDomain, "CdnArgs.albOriginDomain is not set");
            Objects.requireNonNull(albArn, "CdnArgs.albArn is not set");
            if (!albInternalSet) {
                throw new IllegalStateException("CdnArgs.albInternal is not set");
            }
            if (!partnerApiSet) {
                throw new IllegalStateException("CdnArgs.partnerApi is not set");
            }
            Objects.requireNonNull(originSecret, "CdnArgs.originSecret is not set");
            Objects.requireNonNull(webAclArn, "CdnArgs.webAclArn is not set");
            Objects.requireNonNull(usEast1, "CdnArgs.usEast1 is not set");
            return new CdnArgs(
                    context,
                    settings,
                    assets,
                    logBucketDomainName,
                    albOriginDomain,
                    albArn,
                    albInternal,
                    partnerApi,
                    originSecret,
                    webAclArn,
                    usEast1);
        }
    }
}
