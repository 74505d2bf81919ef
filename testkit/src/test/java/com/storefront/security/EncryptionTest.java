package com.storefront.security;

import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.Key;
import com.storefront.plan.Json;
import com.storefront.plan.Registered;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SEC-1: the customer-managed key, its alias and policy, and protection per environment. */
class EncryptionTest {

    private static Map<String, Map<String, Object>> statementsBySid(StackRun run) {
        Map<String, Object> policy =
                Json.parse(run.one(Types.of(Key.class), "encryption-key").string("policy"));
        return Json.statements(policy).stream().collect(Collectors.toMap(s -> (String) s.get("Sid"), s -> s));
    }

    @Test
    void keyRotatesAndIsAliasedPerStack() {
        StackRun run = Stacks.dev();
        Registered key = run.one(Types.of(Key.class), "encryption-key");
        assertTrue(key.bool("enableKeyRotation"));
        assertFalse(key.input("bypassPolicyLockoutSafetyCheck")
                .map(Boolean.TRUE::equals)
                .orElse(false));
        Registered alias = run.one(Types.of(Alias.class), "encryption-alias");
        assertEquals("alias/storefront-dev", alias.string("name"));
        assertEquals(key.id(), alias.string("targetKeyId"));
        assertEquals(Encryption.TYPE, run.componentOf(key).type());
    }

    @Test
    void devKeyIsDestroyableProdKeyIsProtected() {
        Registered dev = Stacks.dev().one(Types.of(Key.class), "encryption-key");
        assertEquals(7.0, dev.number("deletionWindowInDays"));
        assertFalse(dev.protect());
        Registered prod = Stacks.prod().one(Types.of(Key.class), "encryption-key");
        assertEquals(30.0, prod.number("deletionWindowInDays"));
        assertTrue(prod.protect());
    }

    @Test
    void accountRootKeepsAdministrativeAccess() {
        Map<String, Object> admin = statementsBySid(Stacks.dev()).get("AccountAdministration");
        assertEquals(Map.of("AWS", "arn:aws:iam::123456789012:root"), admin.get("Principal"));
        assertEquals("kms:*", admin.get("Action"));
    }

    @Test
    void cloudWatchLogsMayUseTheKeyOnlyForThisAccountsLogGroups() {
        Map<String, Object> logs = statementsBySid(Stacks.prod()).get("CloudWatchLogs");
        assertEquals(Map.of("Service", "logs.us-east-2.amazonaws.com"), logs.get("Principal"));
        assertTrue(Json.strings(logs.get("Action"))
                .containsAll(List.of("kms:Encrypt*", "kms:Decrypt*", "kms:GenerateDataKey*")));
        assertEquals(
                Map.of(
                        "ArnLike",
                        Map.of(
                                "kms:EncryptionContext:aws:logs:arn",
                                "arn:aws:logs:us-east-2:123456789012:log-group:*")),
                logs.get("Condition"));
    }

    @Test
    void cloudWatchAlarmsMayPublishToTheEncryptedTopic() {
        Map<String, Object> alarms = statementsBySid(Stacks.dev()).get("CloudWatchAlarmsPublishToSns");
        assertEquals(Map.of("Service", "cloudwatch.amazonaws.com"), alarms.get("Principal"));
        assertEquals(List.of("kms:Decrypt", "kms:GenerateDataKey*"), alarms.get("Action"));
    }

    @Test
    void dataServicesUseTheKeyOnlyThroughTheServiceForThisAccount() {
        Map<String, Object> via = statementsBySid(Stacks.dev()).get("AccountServicesViaService");
        @SuppressWarnings("unchecked")
        Map<String, Object> equals =
                (Map<String, Object>) ((Map<String, Object>) via.get("Condition")).get("StringEquals");
        assertEquals("123456789012", equals.get("kms:CallerAccount"));
        assertEquals(
                List.of(
                        "rds.us-west-2.amazonaws.com",
                        "elasticache.us-west-2.amazonaws.com",
                        "secretsmanager.us-west-2.amazonaws.com",
                        "s3.us-west-2.amazonaws.com",
                        "sns.us-west-2.amazonaws.com",
                        "ecr.us-west-2.amazonaws.com"),
                equals.get("kms:ViaService"));
    }
}
