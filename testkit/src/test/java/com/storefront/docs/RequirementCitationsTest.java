package com.storefront.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every requirement id the code, scripts and README cite is explained in docs/requirements.md. */
class RequirementCitationsTest {

    private static final Pattern ID =
            Pattern.compile("\\b(CFG|NET|DB|CACHE|SEC|SVC|EDGE|API|OBS|DR|OUT|REL|CHG|PERF|PLAN|TEST|DOC|CI)-\\d+\\b");

    @Test
    void everyCitedIdIsDefinedInTheRepository() throws IOException {
        String requirements = Files.readString(Path.of("docs/requirements.md"));
        Set<String> defined = ids(requirements);
        Set<String> cited = new TreeSet<>();
        try (Stream<Path> files = Stream.of(
                        Path.of("program/src"),
                        Path.of("plan/src"),
                        Path.of("testkit/src"),
                        Path.of("scripts"),
                        Path.of("README.md"),
                        Path.of(".ci"))
                .flatMap(RequirementCitationsTest::walk)) {
            files.filter(Files::isRegularFile).forEach(file -> cited.addAll(ids(read(file))));
        }
        cited.removeAll(defined);
        assertTrue(cited.isEmpty(), "cited but not in docs/requirements.md: " + cited);
        assertTrue(defined.size() > 50, "ids defined: " + defined.size());
    }

    @Test
    void noCitationPointsAtTextOutsideTheRepository() throws IOException {
        try (Stream<Path> files = Stream.of("program/src", "plan/src", "testkit/src")
                .map(Path::of)
                .flatMap(RequirementCitationsTest::walk)) {
            String outside = "AWS-" + "RULES"; // spelt apart so this file does not cite it
            files.filter(Files::isRegularFile)
                    .forEach(file -> assertTrue(
                            !read(file).contains(outside),
                            file + " cites " + outside + ", which is not in this repository"));
        }
    }

    private static Set<String> ids(String text) {
        Set<String> ids = new TreeSet<>();
        Matcher m = ID.matcher(text);
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    private static Stream<Path> walk(Path root) {
        try {
            return Files.isDirectory(root) ? Files.walk(root) : Stream.of(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
