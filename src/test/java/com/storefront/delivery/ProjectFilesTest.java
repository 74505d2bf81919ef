package com.storefront.delivery;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Pulumi project file and the build: the program always runs from freshly compiled sources. */
class ProjectFilesTest {

    @Test
    void pulumiRunsTheProgramThroughMavenSoAStaleBuildIsNeverDeployed() throws IOException {
        Map<String, Object> project = new Yaml().load(Files.readString(Path.of("Pulumi.yaml")));
        assertEquals("storefront", project.get("name"));
        assertEquals("java", project.get("runtime"), "no runtime.options.binary: a prebuilt jar could be stale");
    }

    @Test
    void mavenRunsTheAppEntryPoint() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.contains("<mainClass>com.storefront.App</mainClass>"));
        assertTrue(pom.contains("<artifactId>exec-maven-plugin</artifactId>"));
        assertTrue(pom.contains("<pulumi.version>1.36.1</pulumi.version>"));
        assertTrue(pom.contains("<pulumi.aws.version>6.83.0</pulumi.aws.version>"));
        assertFalse(pom.contains("SNAPSHOT"), "pinned versions only");
    }
}
