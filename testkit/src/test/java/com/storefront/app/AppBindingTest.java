package com.storefront.app;

import com.pulumi.core.Output;
import com.storefront.plan.Registered;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A resource's owner declares what the API gets from it; the service assembles the task from the bindings. */
class AppBindingTest {

    @Test
    void aVariableSetTwiceInOneBindingIsRefused() {
        AppBinding.Builder queue = AppBinding.named("orders-queue").env("QUEUE_URL", "https://sqs.example/q");
        IllegalArgumentException twice = assertThrows(
                IllegalArgumentException.class,
                () -> queue.secret("QUEUE_URL", AppBinding.SecretRef.whole(Output.of("arn:secret"))));
        assertTrue(twice.getMessage().contains("orders-queue: QUEUE_URL is set twice"), twice.getMessage());
    }

    @Test
    void theRolesReadEachInjectedSecretOnceInBindingOrder() {
        Output<String> db = Output.of("arn:db");
        Output<String> keys = Output.of("arn:keys");
        List<AppBinding> bindings = List.of(
                AppBinding.named("database")
                        .secret("DB_USERNAME", AppBinding.SecretRef.key(db, "username"))
                        .secret("DB_PASSWORD", AppBinding.SecretRef.key(db, "password"))
                        .build(),
                AppBinding.named("app-secrets")
                        .secret("API_KEYS", AppBinding.SecretRef.whole(keys))
                        .build());
        assertEquals(List.of(db, keys), AppBinding.secretArns(bindings));
    }

    /** The committed stacks' task gets exactly what the database, cache and API-key bindings declare. */
    @Test
    void theTaskCarriesEveryBindingsVariables() {
        Registered task = Stacks.prod().one(Types.of(com.pulumi.aws.ecs.TaskDefinition.class), "api-task");
        String containers = task.string("containerDefinitions");
        for (String variable : List.of(
                "PORT",
                "DB_HOST",
                "DB_READER_HOST",
                "DB_SSLMODE",
                "REDIS_HOST",
                "REDIS_CLUSTER_MODE",
                "DB_USERNAME",
                "DB_PASSWORD",
                "REDIS_AUTH_TOKEN",
                "API_KEYS")) {
            assertTrue(containers.contains("\"" + variable + "\""), variable + " in " + containers);
        }
    }
}
