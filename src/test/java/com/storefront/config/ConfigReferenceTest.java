package com.storefront.config;

import com.storefront.plan.StackConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOC-1: the README's configuration reference names every key the program reads. */
class ConfigReferenceTest {

    @Test
    void everyKeyTheProgramReadsIsDocumented() throws IOException {
        Map<String, String> config = StackConfig.read(Path.of("Pulumi.prod.yaml")).asObservedOffline().values();
        ConfigProblems problems = new ConfigProblems();
        SettingsLoader.load(key -> Optional.ofNullable(config.get(SettingsLoader.NAMESPACE + ":" + key)),
                key -> Optional.ofNullable(config.get("aws:" + key)), problems);
        String readme = Files.readString(Path.of("README.md"));
        String reference = readme.substring(readme.indexOf("## Configuration reference"), readme.indexOf("## Naming and tags"));
        Set<String> missing = new TreeSet<>();
        for (String key : problems.readKeys()) {
            boolean section = problems.readKeys().stream().anyMatch(other -> other.startsWith(key + "."));
            if (section) {
                continue; // an object such as storefront:network; its keys are checked one by one
            }
            if (!documented(reference, key)) {
                missing.add(key);
            }
        }
        assertTrue(problems.readKeys().size() > 80, "the loader reads " + problems.readKeys().size() + " keys");
        assertTrue(missing.isEmpty(), "undocumented config keys: " + missing);
    }

    /** A key appears as `key`, or as the last part of a row like `storefront:service.cpu` / `.memory`. */
    private static boolean documented(String reference, String key) {
        if (reference.contains("`" + key + "`")) {
            return true;
        }
        int dot = key.lastIndexOf('.');
        return dot > 0 && reference.lines().anyMatch(line -> line.contains("`" + key.substring(0, dot) + ".")
                && line.contains("`" + key.substring(dot) + "`"));
    }
}
