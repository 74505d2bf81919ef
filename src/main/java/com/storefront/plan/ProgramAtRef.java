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
 * The program as it was at a git commit, runnable beside the current one: its {@code src/main} is
 * taken with {@code git archive}, compiled against the current classpath (cached by commit under
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

    public static ProgramAtRef load(Path repo, String ref, String stack) {
        String commit = git(repo, "rev-parse", "--verify", ref + "^{commit}").trim();
        // Classes built against another classpath (a changed pom) are built again.
        Path cache = repo.resolve("target/plan-cache").resolve(commit + "-" + Integer.toHexString(classpath().hashCode()));
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
            ClassLoader loader = new ChildFirst(new URL[]{classes.toUri().toURL()}, ProgramAtRef.class.getClassLoader());
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

    /** Whether {@code src/main} at the commit is what the working tree holds (no edits, no new files). */
    static boolean sameProgram(Path repo, String commit) {
        try {
            git(repo, "diff", "--quiet", commit, "--", "src/main");
        } catch (IllegalStateException changed) {
            return false;
        }
        return git(repo, "ls-files", "--others", "--exclude-standard", "--", "src/main").isBlank();
    }

    /** Whether the ref's pom declares other dependencies than ours (its program then runs on ours). */
    public static boolean sameBuild(Path repo, String commit) {
        try {
            return git(repo, "show", commit + ":pom.xml").equals(Files.readString(repo.resolve("pom.xml")));
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    private static void compile(Path repo, String commit, Path cache, Path classes) throws IOException {
        Path sources = cache.resolve("src");
        Files.createDirectories(sources);
        Files.createDirectories(classes);
        Path archive = cache.resolve("src.tar");
        run(repo, List.of("git", "archive", "--format=tar", "-o", archive.toString(), commit, "src/main"));
        run(sources, List.of("tar", "-xf", archive.toString()));
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources.resolve("src/main/java"))) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler here: run the plan with a JDK, not a JRE");
        }
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", classpath(),
                "-encoding", "UTF-8", "--release", "17", "-proc:none", "-nowarn", "-Xlint:none"));
        args.addAll(files);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        if (javac.run(null, null, errors, args.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the program at " + commit + " does not compile against this build:\n"
                    + errors.toString(StandardCharsets.UTF_8));
        }
        Path resources = sources.resolve("src/main/resources");
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
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
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
            return new File(ProgramAtRef.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getPath();
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
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
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
