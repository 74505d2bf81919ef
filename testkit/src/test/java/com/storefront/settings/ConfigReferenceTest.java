package com.storefront.settings;

import com.storefront.config.ConfigProblems;
import com.storefront.plan.StackConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DOC-1, CFG-2: the README's configuration tables are the declarations, and every key read is declared. */
class ConfigReferenceTest {

    @Test
    void theReadmeTablesAreGeneratedFromTheDeclarations() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String expected = ConfigReference.markdown();
        int begin = readme.indexOf(ConfigReference.BEGIN);
        int end = readme.indexOf(ConfigReference.END);
        String actual = begin < 0 || end < 0
                ? "(markers missing)"
                : readme.substring(begin, end + ConfigReference.END.length());
        if (!expected.equals(actual)) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target/config-reference.md"), expected);
        }
        assertEquals(
                expected,
                actual,
                "README configuration tables drifted from the declarations: copy "
                        + "target/config-reference.md between the markers in README.md");
    }

    @Test
    void everyKeyTheLoaderReadsIsDeclared() {
        Map<String, String> config = StackConfig.read(Path.of("Pulumi.prod.yaml"))
                .asObservedOffline()
                .values();
        ConfigProblems problems = new ConfigProblems();
        SettingsLoader.load(
                key -> Optional.ofNullable(config.get(SettingsLoader.NAMESPACE + ":" + key)),
                key -> Optional.ofNullable(config.get("aws:" + key)),
                Optional.of(config.keySet()),
                problems);
        Set<String> declared = new TreeSet<>(ConfigReference.keys());
        Set<String> undeclared = new TreeSet<>(problems.readKeys());
        undeclared.removeAll(declared);
        // A section's own key (storefront:network) is read as an object; its settings are declared one by one.
        undeclared.removeIf(
                key -> GeneralConfig.SECTIONS.stream().anyMatch(g -> g.prefix().equals(key)));
        assertTrue(undeclared.isEmpty(), "read but not declared: " + undeclared);
        assertTrue(declared.size() > 100, "declared " + declared.size());
    }
}
