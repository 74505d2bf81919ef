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

    @SuppressWarnings("unchecked")
    private static List<String> viaServices(Map<String, Map<String, Object>> statements) {
        Map<String, Object> equals = (Map<String, Object>) ((Map<String, Object>)
                        statements.get("AccountServicesViaService").get("Condition"))
                .get("StringEquals");
        Object services = equals.get("kms:ViaService");
        return services instanceof List<?> list ? (List<String>) list : List.of((String) services);
    }

    /**
     * The key policy is what the stack's components declare, and keeps the uses of data that outlives a
     * switch: without a cache ElastiCache keeps its use (the final snapshot is written after the policy
     * update, and a restore needs it); with an OAI only CloudFront's grant goes.
     */
    @Test
    void theKeyPolicyFollowsWhatTheComponentsUse() {
        List<String> withoutCache = viaServices(statementsBySid(Stacks.devWithoutCache()));
        assertEquals(viaServices(statementsBySid(Stacks.dev())), withoutCache);

        Map<String, Map<String, Object>> oai = statementsBySid(Stacks.devCustomDomainOai());
        assertFalse(oai.containsKey("CloudFrontReadsAssets"));
        assertTrue(statementsBySid(Stacks.dev()).containsKey("CloudFrontReadsAssets"));
        assertTrue(
                viaServices(oai).contains("s3.us-west-2.amazonaws.com"),
                viaServices(oai).toString());
    }

    /** The DR key keeps the S3 use its replica needs whatever the primary's assets use. */
    @Test
    void theDrKeyCarriesTheUsesOfTheDrRegion() {
        Map<String, Object> policy = Json.parse(
                Stacks.prod().one(Types.of(Key.class), "encryption-dr-key").string("policy"));
        Map<String, Map<String, Object>> dr =
                Json.statements(policy).stream().collect(Collectors.toMap(s -> (String) s.get("Sid"), s -> s));
        assertTrue(viaServices(dr).containsAll(List.of("s3.us-west-2.amazonaws.com", "rds.us-west-2.amazonaws.com")));
        assertFalse(dr.containsKey("CloudFrontReadsAssets"), "a grant scoped to a primary bucket stays there");
    }

    /** A service a new component brings follows the first six; a grant two components share appears once. */
    @Test
    void aNewUseIsAddedInAStableOrderAndSharedGrantsOnce() {
        com.storefront.core.AwsContext aws = new com.storefront.core.AwsContext(
                "us-east-2", com.pulumi.core.Output.of("123456789012"), com.pulumi.core.Output.of("aws"));
        String document = KeyPolicy.document(
                aws,
                "aws",
                "123456789012",
                List.of(
                        com.storefront.iam.KeyUse.cloudWatchLogs(),
                        com.storefront.iam.KeyUse.via("sqs"),
                        com.storefront.iam.KeyUse.via("ecr"),
                        com.storefront.iam.KeyUse.cloudWatchLogs(),
                        com.storefront.iam.KeyUse.via("rds")));
        Map<String, Map<String, Object>> statements = Json.statements(Json.parse(document)).stream()
                .collect(Collectors.toMap(s -> (String) s.get("Sid"), s -> s));
        assertEquals(
                List.of("rds.us-east-2.amazonaws.com", "ecr.us-east-2.amazonaws.com", "sqs.us-east-2.amazonaws.com"),
                viaServices(statements));
        assertEquals(3, statements.size(), "administration, logs once, the via-service grant");
    }
}
