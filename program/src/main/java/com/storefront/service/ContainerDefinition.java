package com.storefront.service;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.storefront.config.TaskSettings;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The API container's definition (SVC-2, SVC-3) as the JSON ECS takes. Plain settings go to
 * {@code environment}; every credential is a {@code secrets} entry whose {@code valueFrom} names a
 * Secrets Manager secret (and JSON key), so no secret value ever sits in the task definition.
 */
final class ContainerDefinition {

    static final String CONTAINER_NAME = "api";

    /** Resolved values the definition needs; built inside an apply so the JSON is produced once. */
    record Values(
            String image,
            Map<String, String> environment,
            Map<String, String> secrets,
            String logGroup,
            String region) {}

    private ContainerDefinition() {}

    static String json(TaskSettings settings, Values values) {
        JsonObject container = new JsonObject();
        container.addProperty("name", CONTAINER_NAME);
        container.addProperty("image", values.image());
        container.addProperty("essential", true);
        // Only the placeholder image needs a command; the team's image runs its own entrypoint.
        if (settings.usesDefaultImage()) {
            container.add("command", strings(settings.command().orElseThrow()));
        }

        JsonObject port = new JsonObject();
        port.addProperty("name", "http");
        port.addProperty("containerPort", settings.containerPort());
        port.addProperty("protocol", "tcp");
        JsonArray ports = new JsonArray();
        ports.add(port);
        container.add("portMappings", ports);

        container.add("environment", pairs(values.environment(), "value"));
        container.add("secrets", pairs(values.secrets(), "valueFrom"));

        JsonObject options = new JsonObject();
        options.addProperty("awslogs-group", values.logGroup());
        options.addProperty("awslogs-region", values.region());
        options.addProperty("awslogs-stream-prefix", CONTAINER_NAME);
        JsonObject logging = new JsonObject();
        logging.addProperty("logDriver", "awslogs");
        logging.add("options", options);
        container.add("logConfiguration", logging);

        // The ALB health check is the gate. A container check runs inside the image, so it exists only
        // when the team asks for one with a command their image has.
        settings.containerHealthCheck().ifPresent(command -> {
            JsonObject health = new JsonObject();
            health.add("command", strings(command));
            health.addProperty("interval", 30);
            health.addProperty("timeout", 5);
            health.addProperty("retries", 3);
            health.addProperty("startPeriod", Math.min(300, Math.max(0, settings.healthCheckGraceSeconds())));
            container.add("healthCheck", health);
        });

        // ECS Exec needs an init process to reap the agent's child processes.
        JsonObject linux = new JsonObject();
        linux.addProperty("initProcessEnabled", settings.executeCommand());
        container.add("linuxParameters", linux);

        JsonArray definitions = new JsonArray();
        definitions.add(container);
        return definitions.toString();
    }

    /** {@code valueFrom} for one key of a JSON secret: {@code <arn>:<key>::} (latest version). */
    static String jsonKey(String secretArn, String key) {
        return secretArn + ":" + key + "::";
    }

    private static JsonArray pairs(Map<String, String> entries, String valueField) {
        JsonArray array = new JsonArray();
        new TreeMap<>(entries).forEach((name, value) -> {
            JsonObject pair = new JsonObject();
            pair.addProperty("name", name);
            pair.addProperty(valueField, value);
            array.add(pair);
        });
        return array;
    }

    private static JsonArray strings(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
