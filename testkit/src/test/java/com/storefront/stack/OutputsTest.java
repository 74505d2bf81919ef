package com.storefront.stack;

import com.storefront.testing.StackRun;
import com.storefront.testing.Stacks;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OUT-1: the outputs the SPEC names exist, and the README documents exactly the outputs the program exports. */
class OutputsTest {

    private static final Set<String> SPEC_OUTPUTS = Set.of(
            "vpcId",
            "publicSubnetIds",
            "appSubnetIds",
            "dataSubnetIds",
            "albDnsName",
            "applicationUrl",
            "apiUrl",
            "dbWriterEndpoint",
            "dbReaderEndpoint",
            "dbSecretArn",
            "redisConfigurationEndpoint",
            "redisSecretArn",
            "ecsClusterName",
            "ecsServiceName",
            "ecrRepositoryUrl",
            "dashboardUrl",
            "snsTopicArn");

    @Test
    void prodExportsEverythingTheSpecNames() {
        Set<String> exported = Stacks.prod().outputs().keySet();
        assertTrue(exported.containsAll(SPEC_OUTPUTS), () -> "missing: " + diff(SPEC_OUTPUTS, exported));
        assertTrue(String.valueOf(Stacks.prod().output("applicationUrl")).startsWith("https://"));
        assertTrue(String.valueOf(Stacks.prod().output("apiUrl")).startsWith("https://"));
    }

    @Test
    void readmeOutputsTableMatchesTheProgram() throws IOException {
        Set<String> documented = documentedOutputs();
        Set<String> exported = new TreeSet<>();
        for (StackRun run : Stacks.all().values()) {
            exported.addAll(run.outputs().keySet());
        }
        assertEquals(
                exported,
                documented,
                "README outputs table vs exported: undocumented " + diff(exported, documented)
                        + ", documented but not exported " + diff(documented, exported));
    }

    /** Names in the first column of the table under "## Outputs". */
    static Set<String> documentedOutputs() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("\n## Outputs"));
        section = section.substring(0, section.indexOf("\n## ", 5));
        Set<String> names = new TreeSet<>();
        Pattern row = Pattern.compile("^\\| ([^|]+) \\|", Pattern.MULTILINE);
        Matcher m = row.matcher(section);
        while (m.find()) {
            Arrays.stream(m.group(1).split(","))
                    .map(String::trim)
                    .filter(n -> n.startsWith("`") && n.endsWith("`"))
                    .map(n -> n.substring(1, n.length() - 1))
                    .forEach(names::add);
        }
        return names;
    }

    private static Set<String> diff(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
