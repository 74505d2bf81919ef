package com.storefront.data;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.storefront.plan.Registered;
import com.storefront.testing.StackRun;
import com.storefront.testing.Types;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared assertions on a data store's security group. */
final class DataStoreAssertions {

    private DataStoreAssertions() {}

    /** The store's SG (a child of {@code component}) admits exactly the app SG on its port, and the app SG may connect out to it. */
    static void onlyAppReaches(StackRun run, String component, String what, int port) {
        Registered sg = run.one(Types.of(SecurityGroup.class), component + "-sg-" + what);
        String appSg = String.valueOf(run.output("appSecurityGroupId"));
        List<Registered> ingress = run.where(r -> r.type().equals(Types.of(SecurityGroupIngressRule.class))
                && r.string("securityGroupId").equals(sg.id()));
        assertEquals(1, ingress.size(), "one ingress rule on " + sg);
        Registered rule = ingress.get(0);
        assertEquals(appSg, rule.string("referencedSecurityGroupId"));
        assertEquals((double) port, rule.number("fromPort"));
        assertEquals((double) port, rule.number("toPort"));
        assertTrue(rule.input("cidrIpv4").isEmpty());

        List<Registered> egress = run.where(r -> r.type().equals(Types.of(SecurityGroupEgressRule.class))
                && r.string("securityGroupId").equals(sg.id()));
        assertTrue(egress.isEmpty(), "data stores never open connections");

        Registered appEgress = run.one(Types.of(SecurityGroupEgressRule.class), component + "-sg-app-egress-" + what);
        assertEquals(appSg, appEgress.string("securityGroupId"));
        assertEquals(sg.id(), appEgress.string("referencedSecurityGroupId"));
        assertEquals((double) port, appEgress.number("fromPort"));
    }
}
