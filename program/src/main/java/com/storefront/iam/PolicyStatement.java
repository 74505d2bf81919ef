package com.storefront.iam;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One IAM / resource-policy statement. Built from plain strings inside an {@code applyValue}, so the
 * JSON is produced in one deterministic order.
 */
public final class PolicyStatement {

    private final String sid;
    private String effect = "Allow";
    private final Map<String, List<String>> principals = new TreeMap<>();
    private boolean anyPrincipal;
    private final List<String> actions = new ArrayList<>();
    private final List<String> resources = new ArrayList<>();
    private final Map<String, Map<String, List<String>>> conditions = new TreeMap<>();

    private PolicyStatement(String sid) {
        this.sid = sid;
    }

    public static PolicyStatement allow(String sid) {
        return new PolicyStatement(sid);
    }

    public static PolicyStatement deny(String sid) {
        PolicyStatement statement = new PolicyStatement(sid);
        statement.effect = "Deny";
        return statement;
    }

    public PolicyStatement service(String... servicePrincipals) {
        principals.computeIfAbsent("Service", k -> new ArrayList<>()).addAll(List.of(servicePrincipals));
        return this;
    }

    public PolicyStatement aws(String... awsPrincipals) {
        principals.computeIfAbsent("AWS", k -> new ArrayList<>()).addAll(List.of(awsPrincipals));
        return this;
    }

    /** {@code "Principal": "*"}; only meaningful with conditions that narrow it (e.g. kms:CallerAccount). */
    public PolicyStatement anyPrincipal() {
        anyPrincipal = true;
        return this;
    }

    public PolicyStatement actions(String... values) {
        actions.addAll(List.of(values));
        return this;
    }

    public PolicyStatement actions(List<String> values) {
        actions.addAll(values);
        return this;
    }

    public PolicyStatement resources(String... values) {
        resources.addAll(List.of(values));
        return this;
    }

    public PolicyStatement resources(List<String> values) {
        resources.addAll(values);
        return this;
    }

    public PolicyStatement condition(String operator, String key, String... values) {
        conditions.computeIfAbsent(operator, k -> new TreeMap<>()).put(key, List.of(values));
        return this;
    }

    JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("Sid", sid);
        json.addProperty("Effect", effect);
        if (anyPrincipal) {
            json.addProperty("Principal", "*");
        } else if (!principals.isEmpty()) {
            JsonObject principal = new JsonObject();
            principals.forEach((type, values) -> principal.add(type, values(values)));
            json.add("Principal", principal);
        }
        json.add("Action", values(actions));
        if (!resources.isEmpty()) {
            json.add("Resource", values(resources));
        }
        if (!conditions.isEmpty()) {
            JsonObject condition = new JsonObject();
            conditions.forEach((operator, keys) -> {
                JsonObject byKey = new JsonObject();
                keys.forEach((key, values) -> byKey.add(key, values(values)));
                condition.add(operator, byKey);
            });
            json.add("Condition", condition);
        }
        return json;
    }

    private static JsonElement values(List<String> values) {
        if (values.size() == 1) {
            return new JsonPrimitive(values.get(0));
        }
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
