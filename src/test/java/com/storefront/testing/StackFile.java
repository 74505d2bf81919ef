package com.storefront.testing;

import com.google.gson.Gson;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a real {@code Pulumi.<stack>.yaml} into the flat map the Pulumi engine passes to a program:
 * {@code namespace:key} to a string, with structured values as JSON (as the CLI does).
 */
public final class StackFile {

    /**
     * Secrets a real stack holds encrypted (set with {@code pulumi config set --secret}); the
     * committed stack files cannot carry them, so tests supply stand-ins of valid shape.
     */
    public static final Map<String, String> TEST_SECRETS = Map.of(
            "storefront:redisAuthToken", "TestRedisAuthToken0123456789abcdef",
            "storefront:originVerifySecret", "test-origin-verify-0123456789abcdef0123");

    private StackFile() {
    }

    public static Map<String, String> read(String fileName) {
        Path path = Path.of(fileName);
        try (Reader reader = Files.newBufferedReader(path)) {
            Map<String, Object> document = new Yaml().load(reader);
            @SuppressWarnings("unchecked")
            Map<String, Object> config = (Map<String, Object>) document.get("config");
            Map<String, String> flat = new LinkedHashMap<>();
            config.forEach((key, value) -> flat.put(key, toConfigString(value)));
            TEST_SECRETS.forEach(flat::putIfAbsent);
            return flat;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path.toAbsolutePath(), e);
        }
    }

    static String toConfigString(Object value) {
        if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
            return new Gson().toJson(value);
        }
        return String.valueOf(value);
    }
}
