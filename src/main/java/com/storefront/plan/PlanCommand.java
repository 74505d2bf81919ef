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

    private PlanCommand() {
    }

    /** Returns the process exit code: 0 planned, 1 invalid config or program failure, 2 usage. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println("usage: plan <stack|stack-file>   e.g. plan dev, plan prod, plan path/to/Pulumi.test.yaml");
            return 2;
        }
        Path file = stackFile(args.get(0));
        if (!Files.isRegularFile(file)) {
            err.println("plan: no stack file " + file + " (give a stack name with a Pulumi.<stack>.yaml here, or a path)");
            return 2;
        }
        String stack = stackName(file);
        out.println("[plan] reading " + file);
        StackConfig config = StackConfig.read(file).asObservedOffline();
        List<String> warnings = new ArrayList<>();
        config.placeholders().forEach(key -> warnings.add("secret " + key + " is not readable here (not set, or "
                + "encrypted with the stack passphrase): planned with a placeholder"));
        warnings.forEach(w -> out.println("[plan] warning: " + w));

        out.println("[plan] running the program on Pulumi's mock engine (no AWS, no backend)");
        PlanRun run = PlanRun.run(config);
        if (!run.succeeded()) {
            Throwable cause = rootCause(run.errors().get(0));
            if (cause instanceof ConfigValidationException invalid) {
                // The same message `pulumi up` shows for this stack file.
                err.println(invalid.getMessage());
            } else {
                err.println("plan: the program failed: " + cause);
            }
            return 1;
        }
        PlanReport report = PlanReport.of(stack, file.toString(), config, run, warnings);
        out.print(report.summary());
        try {
            Files.createDirectories(OUTPUT_DIR);
            Path markdown = OUTPUT_DIR.resolve(stack + ".md");
            Path json = OUTPUT_DIR.resolve(stack + ".json");
            Files.writeString(markdown, report.markdown(), StandardCharsets.UTF_8);
            Files.writeString(json, report.json(), StandardCharsets.UTF_8);
            out.println("[plan] wrote " + markdown + " and " + json);
        } catch (IOException e) {
            err.println("plan: cannot write the report: " + e.getMessage());
            return 1;
        }
        return 0;
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
