package com.storefront.plan;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import com.storefront.testing.Types;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cost model, line by line, against the price table. */
class CostModelTest {

    private static final PriceTable PRICES = PriceTable.load();

    private static Map<String, CostModel.LineItem> items(StackRun run) {
        return CostModel.estimate(run.plan(), PRICES).lineItems().stream()
                .collect(Collectors.toMap(CostModel.LineItem::item, i -> i));
    }

    @Test
    void priceTableStatesItsDateBasisAndSource() {
        assertEquals(1, PRICES.version());
        assertTrue(PRICES.date().matches("\\d{4}-\\d{2}-\\d{2}"));
        assertFalse(PRICES.regionBasis().isBlank());
        assertFalse(PRICES.source().isBlank());
        assertEquals(730, PRICES.hoursPerMonth());
    }

    @Test
    void devLineItems() {
        Map<String, CostModel.LineItem> dev = items(Stacks.dev());
        assertEquals(32.85, dev.get("NAT gateways").monthly(), 0.001);
        assertEquals(3.65, dev.get("Public IPv4 addresses (NAT EIPs)").monthly(), 0.001);
        assertEquals(16.43, dev.get("Application Load Balancer").monthly(), 0.001);
        assertFalse(dev.containsKey("Public IPv4 addresses (ALB)"), "the internal ALB has private addresses only");
        assertEquals(
                7.30,
                items(Stacks.devWithCertificate())
                        .get("Public IPv4 addresses (ALB)")
                        .monthly(),
                0.001,
                "internet-facing with a domain: one address per AZ");
        assertFalse(dev.containsKey("Interface endpoint AZs"), "dev has no interface endpoints");
        // 1 task, weights FARGATE 1 : SPOT 3 -> a quarter on-demand, three quarters Spot on average.
        double perTask = (0.04048 + 2 * 0.004445) * 730;
        assertEquals(
                0.25, dev.get("Fargate tasks, on-demand (1024 CPU / 2048 MiB)").quantity(), 0.001);
        assertEquals(0.75, dev.get("Fargate tasks, Spot (1024 CPU / 2048 MiB)").quantity(), 0.001);
        assertEquals(
                0.25 * perTask,
                dev.get("Fargate tasks, on-demand (1024 CPU / 2048 MiB)").monthly(),
                0.01);
        assertEquals(
                0.75 * perTask * 0.3,
                dev.get("Fargate tasks, Spot (1024 CPU / 2048 MiB)").monthly(),
                0.01);
        CostModel.LineItem aurora = dev.get("Aurora Serverless v2 (1 instance(s) x 0.0 ACU)");
        assertEquals(0.0, aurora.monthly(), "auto-pause: no compute while idle");
        assertTrue(aurora.notes().contains("auto-pause"));
        assertEquals(
                4 * 0.016 * 730, dev.get("ElastiCache nodes cache.t4g.micro").monthly(), 0.01);
        assertEquals(10.0, dev.get("WAF web ACLs").monthly(), 0.001);
        assertEquals(10.0, dev.get("WAF rules").monthly(), 0.001);
        assertEquals(2.0, dev.get("KMS keys").monthly(), 0.001);
        assertEquals(3, dev.get("Secrets Manager secrets").quantity(), 0.001);
        assertEquals(3.0, dev.get("CloudWatch dashboards").monthly(), 0.001);
    }

    @Test
    void prodLineItems() {
        Map<String, CostModel.LineItem> prod = items(Stacks.prod());
        assertEquals(3, prod.get("NAT gateways").quantity(), 0.001);
        assertEquals(12, prod.get("Interface endpoint AZs").quantity(), 0.001, "4 endpoints x 3 AZs");
        assertEquals(
                2,
                prod.get("Fargate tasks, on-demand (1024 CPU / 2048 MiB)").quantity(),
                0.001,
                "the on-demand base covers the minimum");
        assertFalse(prod.containsKey("Fargate tasks, Spot (1024 CPU / 2048 MiB)"));
        assertEquals(
                2 * 0.5 * 0.12 * 730,
                prod.get("Aurora Serverless v2 (2 instance(s) x 0.5 ACU)").monthly(),
                0.01);
        assertEquals(
                4 * 0.219 * 730, prod.get("ElastiCache nodes cache.r7g.large").monthly(), 0.01);
        assertEquals(3.0, prod.get("KMS keys").monthly(), 0.001, "stack, us-east-1 and DR keys");
        assertEquals(4, prod.get("Secrets Manager secrets").quantity(), 0.001, "with the API key secret");
    }

    @Test
    void alarmMetricsCountEachMetricOfMetricMath() {
        StackRun prod = Stacks.prod();
        long alarms = prod.ofType(Types.of(MetricAlarm.class)).size();
        // Two Redis alarms of 4 node metrics each replace 2 single-metric alarms: +6.
        assertEquals(alarms + 6, items(prod).get("CloudWatch alarm metrics").quantity(), 0.001);
    }

    @Test
    void provisionedSizesArePricedOrReportedNotGuessed() {
        Map<String, CostModel.LineItem> priced = items(Stacks.devProvisionedValkey());
        assertEquals(3, priced.get("Aurora instances db.t4g.medium").quantity(), 0.001, "writer and two readers");
        assertEquals(
                3 * 0.073 * 730, priced.get("Aurora instances db.t4g.medium").monthly(), 0.01);
        StackRun unknownSize = StackRun.ofStackFile(
                Stacks.DEV_FILE,
                Map.of("storefront:database", "{\"engineVersion\":\"16.6\",\"instanceClass\":\"db.x2g.large\"}"));
        CostModel.Estimate estimate = CostModel.estimate(unknownSize.plan(), PRICES);
        assertTrue(
                estimate.unknown().contains("Aurora instance class db.x2g.large (database-aurora-writer)"),
                estimate.unknown().toString());
        assertTrue(estimate.lineItems().stream().noneMatch(i -> i.item().contains("db.x2g.large")));
    }
}
