package com.storefront.stack;

import com.storefront.config.ConfigValidationException;
import com.storefront.plan.Registered;
import com.storefront.testing.StackRun;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bad stack config stops the program before it registers anything (CFG-2). */
class ConfigRejectionTest {

    @Test
    void severalMistakesFailOnceListingAllAndRegisterNothing() {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("storefront:environmentSuffix", null);
        overrides.put(
                "storefront:network", "{\"azCount\":5,\"subnetCidrs\":{\"public\":[\"10.0.1.0/24\",\"10.0.1.0/25\"]}}");
        StackRun run = StackRun.ofStackFile("Pulumi.dev.yaml", overrides);

        // The engine reports the failure of the program (and of the stack resource) with one cause.
        assertFalse(run.errors().isEmpty());
        Set<String> messages = run.errors().stream()
                .map(ConfigRejectionTest::validationMessage)
                .collect(Collectors.toSet());
        assertEquals(1, messages.size(), () -> "distinct errors: " + messages);
        String message = messages.iterator().next();
        assertTrue(message.contains("storefront:environmentSuffix = (not set): is required"), message);
        assertTrue(message.contains("storefront:network.azCount = '5'"), message);
        assertTrue(
                message.contains("storefront:network.subnetCidrs.public = '10.0.1.0/25': overlaps 10.0.1.0/24"),
                message);

        assertTrue(
                run.registeredEvenIfFailed().stream()
                        .map(Registered::type)
                        .allMatch(t -> t.equals("pulumi:pulumi:Stack")),
                () -> "registered before validation: " + run.registeredEvenIfFailed());
    }

    private static String validationMessage(Throwable error) {
        Throwable cause = error;
        while (!(cause instanceof ConfigValidationException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (!(cause instanceof ConfigValidationException)) {
            throw new AssertionError("unexpected error", error);
        }
        return cause.getMessage();
    }
}
