package com.storefront.iam;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.List;

/** Renders IAM policy documents (identity, trust and resource policies) as JSON. */
public final class PolicyDocument {

    private PolicyDocument() {}

    public static String of(PolicyStatement... statements) {
        return of(List.of(statements));
    }

    public static String of(List<PolicyStatement> statements) {
        JsonObject document = new JsonObject();
        document.addProperty("Version", "2012-10-17");
        JsonArray array = new JsonArray();
        statements.forEach(s -> array.add(s.toJson()));
        document.add("Statement", array);
        return document.toString();
    }

    /**
     * A role trust policy for an AWS service, limited to this account (confused-deputy protection).
     * Only for services documented to send {@code aws:SourceAccount} when they assume a role: IAM
     * denies the assume of a service that does not.
     */
    public static String serviceTrustForAccount(String servicePrincipal, String accountId) {
        return of(PolicyStatement.allow("TrustService")
                .service(servicePrincipal)
                .actions("sts:AssumeRole")
                .condition("StringEquals", "aws:SourceAccount", accountId));
    }

    /** A role trust policy for an AWS service, as the service's documentation gives it (no conditions). */
    public static String serviceTrust(String servicePrincipal) {
        return of(
                PolicyStatement.allow("TrustService").service(servicePrincipal).actions("sts:AssumeRole"));
    }
}
