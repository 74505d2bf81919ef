package com.storefront.edge;

import com.pulumi.aws.s3.BucketLifecycleConfigurationV2;
import com.pulumi.aws.s3.BucketV2;
import com.storefront.config.StackSettings;
import com.storefront.plan.Registered;
import com.storefront.testing.ComponentRun;
import com.storefront.testing.StackRun;
import com.storefront.testing.Types;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log bucket on its own: its expiry is its input, and a force-deleted (dev) stack can empty it. */
class LogBucketAloneTest {

    private static final StackSettings DEV = ComponentRun.settings(Map.of());
    private static StackRun run;

    @BeforeAll
    static void buildTheLogBucketAlone() {
        run = ComponentRun.of(
                DEV, (context, options) -> new LogBucket("log-bucket", new LogBucketArgs(context, 9), options));
    }

    @Test
    void logsExpireAfterTheGivenDaysAndTheBucketGoesWithTheStack() {
        Registered bucket = run.ofType(Types.of(BucketV2.class)).get(0);
        assertTrue(bucket.bool("forceDestroy"), "teardown forceDelete: pulumi destroy empties and removes it");
        assertFalse(bucket.protect());
        Registered lifecycle =
                run.ofType(Types.of(BucketLifecycleConfigurationV2.class)).get(0);
        Map<?, ?> rule = (Map<?, ?>) lifecycle.list("rules").get(0);
        assertEquals(9.0, ((Map<?, ?>) rule.get("expiration")).get("days"), rule.toString());
        assertEquals(
                List.of(),
                run.ofType(Types.of(com.pulumi.aws.kms.Key.class)),
                "SSE-S3, as ALB log delivery requires: no key of its own");
    }
}
