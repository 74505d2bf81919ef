package com.storefront.delivery;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        // Pulumi runs Maven in the program's directory only (it does not build a reactor): the program module
        // needs nothing from the others.
        assertEquals("program", project.get("main"));
        String programPom = Files.readString(Path.of("program/pom.xml"));
        assertFalse(
                programPom.contains("storefront-plan") || programPom.contains("storefront-testkit"),
                "the program depends on no other module");
        assertFalse(
                programPom.contains("snakeyaml") || programPom.contains("junit"),
                "nor on what only the planner " + "or the tests use");
    }

    /** `pulumi new` prompts for what has no default, so the stack it writes loads without a problem. */
    @Test
    @SuppressWarnings("unchecked")
    void theTemplatePromptsForEverythingANewStackNeeds() throws IOException {
        Map<String, Object> project = new Yaml().load(Files.readString(Path.of("Pulumi.yaml")));
        Map<String, Map<String, Object>> prompts =
                (Map<String, Map<String, Object>>) ((Map<String, Object>) project.get("template")).get("config");
        assertEquals(
                java.util.Set.of(
                        "aws:region",
                        "storefront:environmentSuffix",
                        "storefront:owner",
                        "storefront:redisAuthToken",
                        "storefront:originVerifySecret"),
                prompts.keySet());
        assertEquals(true, prompts.get("storefront:redisAuthToken").get("secret"));
        assertEquals(true, prompts.get("storefront:originVerifySecret").get("secret"));
        prompts.values()
                .forEach(p -> assertTrue(
                        String.valueOf(p.get("description")).length() > 20, "each prompt says what to enter"));

        // The stack file `pulumi new` writes: the defaults, and an answer where there is none.
        Map<String, String> answers = Map.of(
                "storefront:owner",
                "platform-team",
                "storefront:redisAuthToken",
                "0123456789abcdef0123456789abcdef",
                "storefront:originVerifySecret",
                "0123456789abcdef0123456789abcdef");
        Map<String, String> stack = new java.util.TreeMap<>();
        prompts.forEach((key, prompt) -> stack.put(
                key, prompt.containsKey("default") ? String.valueOf(prompt.get("default")) : answers.get(key)));
        com.storefront.config.StackSettings settings = com.storefront.settings.SettingsLoader.load(stack);
        assertEquals("dev", settings.suffix());
        assertEquals("us-west-2", settings.region());
    }

    /** The formatter is part of CI, before the tests, and editors are told the same rules. */
    @Test
    void ciChecksTheFormattingTheEditorsFollow() throws IOException {
        String ci = Files.readString(Path.of(".ci/run"));
        assertTrue(
                ci.indexOf("mvn -B -q spotless:check") >= 0
                        && ci.indexOf("mvn -B -q spotless:check") < ci.indexOf("mvn -B test"),
                ci);
        assertTrue(Files.readString(Path.of("pom.xml")).contains("<palantirJavaFormat>"));
        String workflow = Files.readString(Path.of(".github/workflows/infrastructure.yml"));
        assertTrue(
                workflow.indexOf("mvn -B -q spotless:check") >= 0
                        && workflow.indexOf("mvn -B -q spotless:check") < workflow.indexOf("mvn -B test"),
                "GitHub CI too");
        assertTrue(Files.readString(Path.of(".editorconfig")).contains("max_line_length = 120"));
    }

    @Test
    void mavenRunsTheAppEntryPoint() throws IOException {
        String program = Files.readString(Path.of("program/pom.xml"));
        assertTrue(program.contains("<mainClass>com.storefront.App</mainClass>"));
        assertTrue(
                program.contains("<mainClass>${mainClass}</mainClass>"), "Pulumi's plugin discovery sets -DmainClass");
        for (String pom : List.of("pom.xml", "program/pom.xml", "plan/pom.xml", "testkit/pom.xml")) {
            String text = Files.readString(Path.of(pom));
            // Pinned, not a range or a snapshot: the same build every run (which versions is the pom's business).
            assertFalse(text.contains("SNAPSHOT"), pom + ": pinned versions only");
            assertFalse(text.matches("(?s).*<version>[\\[(].*"), pom + ": no version ranges");
        }
    }
}
