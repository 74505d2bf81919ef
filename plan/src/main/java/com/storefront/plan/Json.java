package com.storefront.plan;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

import java.util.List;
import java.util.Map;

/** Parses JSON documents (IAM policies, container definitions) for assertions. */
public final class Json {

    private static final Gson GSON = new Gson();

    private Json() {}

    public static Map<String, Object> parse(String json) {
        return GSON.fromJson(json, new TypeToken<Map<String, Object>>() {}.getType());
    }

    /** One line of JSON with keys in a stable order, for showing a value in a report. */
    public static String compact(Object value) {
        return GSON.toJson(sorted(value));
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> ordered = new java.util.TreeMap<>();
            map.forEach((k, v) -> ordered.put(String.valueOf(k), sorted(v)));
            return ordered;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Json::sorted).toList();
        }
        return value;
    }

    /** A JSON array, e.g. a task definition's container definitions. */
    public static List<Object> parseList(String json) {
        return GSON.fromJson(json, new TypeToken<List<Object>>() {}.getType());
    }

    /** The statements of a policy document, always as a list. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> statements(Map<String, Object> policy) {
        Object statements = policy.get("Statement");
        return statements instanceof List<?> list
                ? (List<Map<String, Object>>) list
                : List.of((Map<String, Object>) statements);
    }

    /** A value that IAM allows as a string or a list, always as a list. */
    @SuppressWarnings("unchecked")
    public static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> list ? (List<String>) list : List.of(String.valueOf(value));
    }
}
