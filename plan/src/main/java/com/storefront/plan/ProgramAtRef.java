package com.storefront.plan;

import com.pulumi.Context;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The program as it was at a git commit, runnable beside the current one: its sources
 * ({@code program/src/main}, or {@code src/main} before the program became a module) are taken with {@code git archive}, compiled against the current classpath (cached by commit under
 * {@code target/plan-cache/}), and loaded child-first, so its classes replace ours while the Pulumi
 * SDK, the provider and the mock engine stay shared.
 *
 * @param commit    the full commit id the ref resolved to
 * @param stackFile that commit's {@code Pulumi.<stack>.yaml}, written to the cache
 * @param observes  whether that commit's tooling adds what the rollout tool observes in AWS to a
 *                  stack file ({@link StackConfig#asObservedOffline()}); older programs reject it
 */
public record ProgramAtRef(String commit, Consumer<Context> program, Path stackFile, boolean observes) {

    static final String PROGRAM_PACKAGE = "com.storefront.";
    /** Where the program's sources are, since it became a module. */
    static final String PROGRAM_SOURCES = "program/src/main";
    /** Where they were before: one module holding the program and the planner. */
    static final String SINGLE_MODULE_SOURCES = "src/main";

    /** The commit's program sources: the module's, or (an older commit) the single module's. */
    static String sourcesAt(Path repo, String commit) {
        return git(repo, "ls-tree", "-d", "--name-only", commit, "--", PROGRAM_SOURCES)
                        .isBlank()
                ? SINGLE_MODULE_SOURCES
                : PROGRAM_SOURCES;
    }

    public static ProgramAtRef load(Path repo, String ref, String stack) {
        String commit = git(repo, "rev-parse", "--verify", ref + "^{commit}").trim();
        // Classes built against another classpath (a changed pom) are built again.
        Path cache = repo.resolve("target/plan-cache")
                .resolve(commit + "-" + Integer.toHexString(classpath().hashCode()));
        Path classes = cache.resolve("classes");
        Path done = cache.resolve(".compiled");
        try {
            Files.createDirectories(cache);
            Path stackFile = cache.resolve("Pulumi." + stack + ".yaml");
            Files.writeString(stackFile, stackFileAt(repo, commit, stack));
            if (sameProgram(repo, commit)) {
                // A config-only change: the base runs the program we run, nothing to build.
                return new ProgramAtRef(commit, com.storefront.App::stack, stackFile, true);
            }
            if (!Files.exists(done)) {
                compile(repo, commit, cache, classes);
                Files.writeString(done, commit + "\n");
            }
            ClassLoader loader =
                    new ChildFirst(new URL[] {classes.toUri().toURL()}, ProgramAtRef.class.getClassLoader());
            return new ProgramAtRef(commit, stackMethod(loader), stackFile, observes(loader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The stack file at the commit; a stack the commit does not have yet is an empty one (all created). */
    private static String stackFileAt(Path repo, String commit, String stack) {
        String path = "Pulumi." + stack + ".yaml";
        if (git(repo, "ls-tree", "--name-only", commit, "--", path).isBlank()) {
            return "";
        }
        return git(repo, "show", commit + ":" + path);
    }

    /** Whether the program's sources at the commit are what the working tree holds (no edits, no new files). */
    static boolean sameProgram(Path repo, String commit) {
        if (!sourcesAt(repo, commit).equals(PROGRAM_SOURCES)) {
            return false;
        }
        try {
            git(repo, "diff", "--quiet", commit, "--", PROGRAM_SOURCES);
        } catch (IllegalStateException changed) {
            return false;
        }
        return git(repo, "ls-files", "--others", "--exclude-standard", "--", PROGRAM_SOURCES)
                .isBlank();
    }

    /** Whether the ref's poms declare the dependencies ours do (otherwise its program runs on ours). */
    public static boolean sameBuild(Path repo, String commit) {
        try {
            for (String pom : List.of("pom.xml", "program/pom.xml")) {
                if (!git(repo, "show", commit + ":" + pom).equals(Files.readString(repo.resolve(pom)))) {
                    return false;
                }
            }
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    private static void compile(Path repo, String commit, Path cache, Path classes) throws IOException {
        Path sources = cache.resolve("src");
        Files.createDirectories(sources);
        Files.createDirectories(classes);
        Path archive = cache.resolve("src.tar");
        String at = sourcesAt(repo, commit);
        run(repo, List.of("git", "archive", "--format=tar", "-o", archive.toString(), commit, at));
        run(sources, List.of("tar", "-xf", archive.toString()));
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources.resolve(at + "/java"))) {
            files = walk.filter(p -> p.toString().endsWith(".java"))
                    .map(Path::toString)
                    .sorted()
                    .toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler here: run the plan with a JDK, not a JRE");
        }
        List<String> args = new ArrayList<>(List.of(
                "-d",
                classes.toString(),
                "-classpath",
                classpath(),
                "-encoding",
                "UTF-8",
                "--release",
                "17",
                "-proc:none",
                "-nowarn",
                "-Xlint:none"));
        args.addAll(files);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        if (javac.run(null, null, errors, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the program at " + commit + " does not compile against this build:\n"
                    + errors.toString(StandardCharsets.UTF_8));
        }
        Path resources = sources.resolve(at + "/resources");
        if (Files.isDirectory(resources)) {
            try (Stream<Path> walk = Files.walk(resources)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    Path target = classes.resolve(resources.relativize(file).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static boolean observes(ClassLoader loader) {
        try {
            loader.loadClass(StackConfig.class.getName()).getMethod("asObservedOffline");
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private static Consumer<Context> stackMethod(ClassLoader loader) {
        try {
            Method stack = loader.loadClass("com.storefront.App").getMethod("stack", Context.class);
            return ctx -> {
                try {
                    stack.invoke(null, ctx);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the program at this ref has no App.stack(Context)", e);
        }
    }

    /** Loads the program's own classes from the old build first; everything else from ours. */
    private static final class ChildFirst extends URLClassLoader {
        ChildFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(PROGRAM_PACKAGE)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try {
                        loaded = findClass(name);
                    } catch (ClassNotFoundException e) {
                        loaded = super.loadClass(name, false);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }

        /** The old build's resources (its dated tables, its price list) before ours, as its classes are. */
        @Override
        public URL getResource(String name) {
            URL own = findResource(name);
            return own != null ? own : super.getResource(name);
        }

        @Override
        public java.util.Enumeration<URL> getResources(String name) throws IOException {
            List<URL> all = new ArrayList<>(java.util.Collections.list(findResources(name)));
            java.util.Collections.list(getParent().getResources(name)).stream()
                    .filter(url -> !all.contains(url))
                    .forEach(all::add);
            return java.util.Collections.enumeration(all);
        }
    }

    /** The classpath we run with, from class loaders and {@code java.class.path} (manifest-only jars expanded). */
    static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (ClassLoader l = ProgramAtRef.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    if ("file".equals(url.getProtocol())) {
                        entries.add(new File(url.getPath()).getPath());
                    }
                }
            }
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(entry);
                entries.addAll(manifestClassPath(entry));
            }
        }
        // Our own compiled classes must not shadow the old program's.
        String own = ownClassesDirectory();
        entries.removeIf(e -> e.equals(own));
        return String.join(File.pathSeparator, entries);
    }

    private static List<String> manifestClassPath(String jar) {
        if (!jar.endsWith(".jar") || !Files.isRegularFile(Path.of(jar))) {
            return List.of();
        }
        try (JarFile file = new JarFile(jar)) {
            Manifest manifest = file.getManifest();
            String classPath =
                    manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null) {
                return List.of();
            }
            List<String> entries = new ArrayList<>();
            for (String item : classPath.trim().split("\\s+")) {
                entries.add(item.startsWith("file:") ? new File(java.net.URI.create(item)).getPath() : item);
            }
            return entries;
        } catch (IOException | IllegalArgumentException e) {
            return List.of();
        }
    }

    private static String ownClassesDirectory() {
        try {
            return new File(ProgramAtRef.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .getPath();
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return "";
        }
    }

    static String git(Path repo, String... args) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        return run(repo, command);
    }

    private static String run(Path dir, List<String> command) {
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output.trim());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
