package com.storefront.plan;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A stack file ({@code Pulumi.<stack>.yaml}) as the Pulumi engine hands it to the program: a flat map
 * of {@code namespace:key} to strings, structured values as JSON. Secrets a real stack keeps
 * encrypted (or has not set yet) are replaced by clearly marked placeholders of valid shape, so the
 * program can run without the passphrase; their values are never reported.
 *
 * @param values       the config, placeholders included
 * @param secretKeys   keys whose values are secrets (encrypted in the file, or placeholders)
 * @param placeholders keys that got a placeholder because the file has no usable value
 */
public record StackConfig(Map<String, String> values, Set<String> secretKeys, Set<String> placeholders) {

    /** Secrets every stack needs, with stand-ins that satisfy the program's validation. */
    public static final Map<String, String> SECRET_PLACEHOLDERS = Map.of(
            "storefront:redisAuthToken", "PlanPlaceholderRedisToken0123456789",
            "storefront:originVerifySecret", "plan-placeholder-origin-secret-0123456789");

    static final String DEPLOYMENT_KEY = "storefront:deployment";
    static final String LIVE_TARGET_GROUP = "liveTargetGroup";

    public StackConfig {
        // Sorted: the plan's warnings name these in order, and its output must be byte-stable.
        values = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(values));
        secretKeys = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(secretKeys));
        placeholders = java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(placeholders));
    }

    public static StackConfig read(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> document = new Yaml().load(reader);
            Object config = document == null ? null : document.get("config");
            if (!(config instanceof Map<?, ?> entries)) {
                throw new IllegalArgumentException(file + " has no config: section");
            }
            Map<String, String> values = new TreeMap<>();
            Set<String> secrets = new TreeSet<>();
            Set<String> placeholders = new TreeSet<>();
            entries.forEach((key, value) -> {
                String name = String.valueOf(key);
                if (value instanceof Map<?, ?> map && map.size() == 1 && map.containsKey("secure")) {
                    // Encrypted with the stack's passphrase: known to exist, unknown to us. The stand-in
                    // follows the ciphertext, so a changed secret still shows as a change (never its value).
                    secrets.add(name);
                    placeholders.add(name);
                    values.put(name, standIn(name, String.valueOf(map.get("secure"))));
                } else {
                    values.put(name, toConfigString(value));
                }
            });
            SECRET_PLACEHOLDERS.forEach((key, placeholder) -> {
                secrets.add(key);
                if (!values.containsKey(key)) {
                    placeholders.add(key);
                    values.put(key, placeholder);
                }
            });
            return new StackConfig(values, secrets, placeholders);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** A stand-in for an encrypted value that passes validation and differs when the ciphertext does. */
    static String standIn(String key, String ciphertext) {
        String digest;
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(ciphertext.getBytes(StandardCharsets.UTF_8));
            digest = java.util.HexFormat.of().formatHex(hash).substring(0, 24);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String base = SECRET_PLACEHOLDERS.getOrDefault(key, "plan-placeholder-" + key + "-");
        // The known placeholders are letters and digits (the Redis token allows no '-'); keep them so.
        return base.replaceAll("[0-9]+$", "") + digest;
    }

    /** The same config with some keys replaced ({@code null} removes a key). */
    public StackConfig with(Map<String, String> overrides) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        overrides.forEach((k, v) -> {
            if (v == null) {
                changed.remove(k);
            } else {
                changed.put(k, v);
            }
        });
        return new StackConfig(changed, secretKeys, placeholders);
    }

    /**
     * The same config with one value set inside a structured key, as {@code pulumi config set --path}
     * does: {@code withPath("storefront:service", "image", "repo:1.0")}.
     */
    public StackConfig withPath(String key, String field, Object value) {
        // Edited as a JSON tree so the other values keep their exact text (5 stays 5, not 5.0).
        String raw = values.get(key);
        JsonObject section =
                raw == null ? new JsonObject() : JsonParser.parseString(raw).getAsJsonObject();
        if (value == null) {
            section.remove(field);
        } else {
            section.add(field, new Gson().toJsonTree(value));
        }
        Map<String, String> changed = new LinkedHashMap<>(values);
        changed.put(key, section.toString());
        return new StackConfig(changed, secretKeys, placeholders);
    }

    /**
     * The config as the rollout tool hands it to {@code pulumi up}: with what it observes in AWS. Offline
     * there is nothing to observe, so a blue/green stack is planned as a new one, with blue live.
     */
    public StackConfig asObservedOffline() {
        String raw = values.get(DEPLOYMENT_KEY);
        var deployment = raw == null ? null : JsonParser.parseString(raw);
        if (deployment != null
                && deployment.isJsonObject()
                && deployment.getAsJsonObject().has(LIVE_TARGET_GROUP)) {
            return this;
        }
        return withPath(DEPLOYMENT_KEY, LIVE_TARGET_GROUP, "blue");
    }

    /** The values the plan may show: secret keys masked. */
    public Map<String, String> redacted() {
        Map<String, String> shown = new TreeMap<>(values);
        secretKeys.forEach(k -> shown.computeIfPresent(k, (key, v) -> "[secret]"));
        return shown;
    }

    static String toConfigString(Object value) {
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            return new Gson().toJson(value);
        }
        return String.valueOf(value);
    }
}
