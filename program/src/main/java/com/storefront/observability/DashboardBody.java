package com.storefront.observability;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dashboard JSON (OBS-1), built from {@link MetricRef}s: widgets of two per row, each with its
 * own region (CloudWatch requires one; CloudFront WAF metrics live in us-east-1).
 */
final class DashboardBody {

    static final int WIDTH = 12;
    static final int HEIGHT = 6;

    /** One line graph. */
    record Widget(String title, String region, List<MetricRef> metrics) {}

    private DashboardBody() {}

    static Output<String> render(List<Widget> widgets) {
        List<Output<JsonObject>> rendered = new ArrayList<>();
        for (int i = 0; i < widgets.size(); i++) {
            rendered.add(widget(widgets.get(i), (i % 2) * WIDTH, (i / 2) * HEIGHT));
        }
        return Output.all(rendered).applyValue(list -> {
            JsonArray array = new JsonArray();
            list.forEach(array::add);
            JsonObject body = new JsonObject();
            body.add("widgets", array);
            return body.toString();
        });
    }

    private static Output<JsonObject> widget(Widget widget, int x, int y) {
        List<Output<JsonArray>> lines =
                widget.metrics().stream().map(DashboardBody::line).toList();
        return Output.all(lines).applyValue(metricLines -> {
            JsonArray metrics = new JsonArray();
            metricLines.forEach(metrics::add);
            JsonObject properties = new JsonObject();
            properties.addProperty("title", widget.title());
            properties.addProperty("region", widget.region());
            properties.addProperty("view", "timeSeries");
            properties.addProperty("stacked", false);
            properties.addProperty("period", Alarms.PERIOD_SECONDS);
            properties.add("metrics", metrics);
            JsonObject json = new JsonObject();
            json.addProperty("type", "metric");
            json.addProperty("x", x);
            json.addProperty("y", y);
            json.addProperty("width", WIDTH);
            json.addProperty("height", HEIGHT);
            json.add("properties", properties);
            return json;
        });
    }

    /** {@code [namespace, metric, dim1, value1, ..., {"stat": ...}]} as CloudWatch expects. */
    private static Output<JsonArray> line(MetricRef metric) {
        return metric.dimensions().applyValue(dimensions -> {
            JsonArray line = new JsonArray();
            line.add(metric.namespace());
            line.add(metric.name());
            new TreeMap<>(dimensions).forEach((name, value) -> {
                line.add(name);
                line.add(value);
            });
            JsonObject options = new JsonObject();
            options.addProperty("stat", metric.stat());
            options.addProperty("region", metric.region());
            line.add(options);
            return line;
        });
    }

    static Output<Map<String, String>> dims(String name, Output<String> value) {
        return value.applyValue(v -> Map.of(name, v));
    }
}
