package com.storefront.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.storefront.config.ConfigFixtures.load;
import static com.storefront.config.ConfigFixtures.minimal;
import static com.storefront.config.ConfigFixtures.onlyProblem;
import static com.storefront.config.ConfigFixtures.with;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Defaults and rules for {@code storefront:alerts}. */
class AlertSettingsTest {

    private static Map<String, String> alerts(String json) {
        return with(minimal(), "storefront:alerts", json);
    }

    @Test
    void defaults() {
        AlertSettings alerts = load(minimal()).alerts();
        assertEquals(List.of(), alerts.emails());
        assertEquals(3, alerts.evaluationPeriods());
        assertEquals(85, alerts.ecsCpuPercent());
        assertEquals(1.0, alerts.p95LatencySeconds());
        assertEquals(150, alerts.dbConnections());
        assertEquals(80, alerts.redisMemoryPercent());
    }

    @Test
    void emailsAreValidatedAndUnique() {
        assertEquals(
                List.of("a@example.com", "b@example.org"),
                load(alerts("{\"emails\":[\"a@example.com\",\"b@example.org\"]}"))
                        .alerts()
                        .emails());
        assertEquals(
                List.of("a@example.com"),
                load(alerts("{\"emails\":\"a@example.com\"}")).alerts().emails());
        onlyProblem(alerts("{\"emails\":[\"oncall\"]}"), "storefront:alerts.emails", "email addresses");
        onlyProblem(
                alerts("{\"emails\":[\"a@example.com\",\"a@example.com\"]}"), "storefront:alerts.emails", "each once");
    }

    @Test
    void thresholdsInRange() {
        onlyProblem(alerts("{\"ecsCpuPercent\":120}"), "storefront:alerts.ecsCpuPercent", "from 1 to 100");
        onlyProblem(alerts("{\"p95LatencySeconds\":0}"), "storefront:alerts.p95LatencySeconds", "from 0.01");
        onlyProblem(alerts("{\"evaluationPeriods\":0}"), "storefront:alerts.evaluationPeriods", "from 1 to 60");
        onlyProblem(alerts("{\"cpu\":80}"), "storefront:alerts.cpu", "not a known setting");
    }
}
