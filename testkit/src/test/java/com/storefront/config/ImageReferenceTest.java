package com.storefront.config;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/** The image grammar, one list of cases for the Java validation and for the rollout tool. */
class ImageReferenceTest {

    record Case(String reference, boolean valid) {}

    static List<Case> cases() throws IOException {
        try (InputStream in = ImageReferenceTest.class.getResourceAsStream("/image-references.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> new Case(line.substring(0, line.lastIndexOf(' ')), line.endsWith(" valid")))
                    .toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> javaAndTheRolloutToolAgree() throws IOException {
        return cases().stream()
                .map(c -> dynamicTest((c.valid() ? "accepts " : "refuses ") + "'" + c.reference() + "'", () -> {
                    assertEquals(
                            c.valid(), ImageReference.problem(c.reference()).isEmpty(), "Java");
                    Process p = new ProcessBuilder(
                                    "/bin/bash",
                                    Path.of("scripts/deploy-image.sh").toString(),
                                    "check-image",
                                    c.reference())
                            .redirectErrorStream(true)
                            .start();
                    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
                    assertEquals(c.valid() ? 0 : 1, p.exitValue(), "deploy-image.sh: " + output);
                }));
    }

    @Test
    void problemsSayWhatIsAllowed() {
        assertEquals(
                Optional.of("has no tag or digest; name one (e.g. :1.4.2) so the stack config pins the image"),
                ImageReference.problem("registry.example.com:5000/storefront-api"));
        assertTrue(ImageReference.problem("Team/API:1").orElseThrow().contains("path lowercase"));
        assertTrue(
                ImageReference.problem("a".repeat(250) + ":12345").orElseThrow().contains("255"));
        assertTrue(ImageReference.problem("a".repeat(248) + ":12345").isEmpty());
    }

    @Test
    void theStackRefusesAnImageWithoutATagAndAcceptsUppercaseTags() {
        ConfigFixtures.onlyProblem(
                ConfigFixtures.with(
                        ConfigFixtures.minimal(),
                        "storefront:service",
                        "{\"image\":\"registry.example.com/team/api\"}"),
                "storefront:service.image",
                "no tag or digest");
        TaskSettings settings = ConfigFixtures.load(ConfigFixtures.with(
                        ConfigFixtures.minimal(),
                        "storefront:service",
                        "{\"image\":\"registry.example.com/team/api:Release-2\"}"))
                .task();
        assertEquals("registry.example.com/team/api:Release-2", settings.image());
        assertTrue(settings.command().isEmpty(), "the team's image runs its own entrypoint");
    }
}
