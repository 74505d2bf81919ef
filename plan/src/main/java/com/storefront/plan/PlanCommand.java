package com.storefront.plan;

import com.storefront.config.ConfigValidationException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code plan <stack|file>}: runs the real program for a stack file on Pulumi's mock engine (no CLI,
 * no backend, no AWS) and reports what it would create, cost and violate, to the terminal and to
 * {@code target/plan/<stack>.md} and {@code .json}.
 */
public final class PlanCommand {

    static final Path OUTPUT_DIR = Path.of("target", "plan");

    private PlanCommand() {}

    /** {@code mvn -q compile exec:java -Dplan="<stack> [--against <ref>]"} at the repository root. */
    public static void main(String[] args) {
        System.exit(run(List.of(args), System.out, System.err));
    }

    /** Exit code when the change replaces or deletes data and the caller did not acknowledge it. */
    public static final int DATA_AT_RISK = 3;

    static final String AGAINST = "--against";
    static final String ALLOW_STATEFUL = "--allow-stateful-changes";
    private static final String USAGE = "usage: plan <stack|stack-file> [" + AGAINST + " <git-ref|stack-file> ["
            + ALLOW_STATEFUL + "]]   e.g. plan dev, plan prod --against origin/main";

    /**
     * Returns the process exit code: 0 planned, 1 invalid config or program failure, 2 usage,
     * {@value #DATA_AT_RISK} a change that replaces or deletes data, not acknowledged.
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        return run(args, Path.of("").toAbsolutePath(), out, err);
    }

    static int run(List<String> args, Path repo, PrintStream out, PrintStream err) {
        List<String> rest = new ArrayList<>(args);
        boolean allowStateful = rest.remove(ALLOW_STATEFUL);
        String against = null;
        int at = rest.indexOf(AGAINST);
        if (at >= 0) {
            if (at + 1 >= rest.size()) {
                err.println(USAGE);
                return 2;
            }
            against = rest.remove(at + 1);
            rest.remove(at);
        }
        if (rest.size() != 1 || rest.get(0).startsWith("--") || (allowStateful && against == null)) {
            err.println(USAGE);
            return 2;
        }
        Path file = repo.resolve(stackFile(rest.get(0)));
        if (!Files.isRegularFile(file)) {
            err.println("plan: no stack file " + stackFile(rest.get(0))
                    + " (give a stack name with a Pulumi.<stack>.yaml here, or a path)");
            return 2;
        }
        String stack = stackName(file);
        // Reports name the file as given, so they are the same on every machine.
        return against == null
                ? plan(stack, file, stackFile(rest.get(0)).toString(), out, err)
                : ChangeCommand.run(stack, file, against, allowStateful, repo, out, err);
    }

    private static int plan(String stack, Path file, String shown, PrintStream out, PrintStream err) {
        out.println("[plan] reading " + shown);
        StackConfig config = StackConfig.read(file).asObservedOffline();
        List<String> warnings = placeholderWarnings(config);
        warnings.forEach(w -> out.println("[plan] warning: " + w));

        out.println("[plan] running the program on Pulumi's mock engine (no AWS, no backend)");
        PlanRun run = PlanRun.run(config);
        if (!run.succeeded()) {
            return failed(run, err);
        }
        PlanReport report = PlanReport.of(stack, shown, config, run, warnings);
        out.print(report.summary());
        return write(stack, report.markdown(), report.json(), out, err) ? 0 : 1;
    }

    static List<String> placeholderWarnings(StackConfig config) {
        List<String> warnings = new ArrayList<>();
        config.placeholders()
                .forEach(key -> warnings.add("secret " + key + " is not readable here (not set, or "
                        + "encrypted with the stack passphrase): planned with a placeholder"));
        return warnings;
    }

    /** Prints why a run failed, as `pulumi up` would for the same stack file; returns the exit code. */
    static int failed(PlanRun run, PrintStream err) {
        Throwable cause = rootCause(run.errors().get(0));
        if (cause instanceof ConfigValidationException invalid) {
            err.println(invalid.getMessage());
        } else {
            err.println("plan: the program failed: " + cause);
        }
        return 1;
    }

    /** Writes {@code target/plan/<name>.md} and {@code .json}. */
    static boolean write(String name, String markdown, String json, PrintStream out, PrintStream err) {
        try {
            Files.createDirectories(OUTPUT_DIR);
            Path md = OUTPUT_DIR.resolve(name + ".md");
            Path js = OUTPUT_DIR.resolve(name + ".json");
            Files.writeString(md, markdown, StandardCharsets.UTF_8);
            Files.writeString(js, json, StandardCharsets.UTF_8);
            out.println("[plan] wrote " + md + " and " + js);
            return true;
        } catch (IOException e) {
            err.println("plan: cannot write the report: " + e.getMessage());
            return false;
        }
    }

    static Path stackFile(String argument) {
        Path path = Path.of(argument);
        return argument.endsWith(".yaml") || argument.endsWith(".yml") ? path : Path.of("Pulumi." + argument + ".yaml");
    }

    static String stackName(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return name.startsWith("Pulumi.") ? name.substring("Pulumi.".length()) : name;
    }

    private static Throwable rootCause(Throwable error) {
        Throwable cause = error;
        while (!(cause instanceof ConfigValidationException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
