package com.storefront.plan;

import com.pulumi.Context;
import com.storefront.App;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code plan <stack> --against <git-ref|stack-file>}: the change impact of the working tree's
 * program and stack file against a base, both run on the mock engine (CHG-1). A stack file as base
 * means the same program with another config; a git ref means that commit's program and stack file.
 * Writes {@code target/plan/<stack>-impact.md} and {@code .json}.
 */
final class ChangeCommand {

    private ChangeCommand() {}

    private static boolean isEmpty(Path file) {
        try {
            return Files.size(file) == 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static int run(
            String stack,
            Path file,
            String against,
            boolean allowStateful,
            Path repo,
            PrintStream out,
            PrintStream err) {
        List<String> warnings = new ArrayList<>();
        StackConfig baseConfig;
        Consumer<Context> baseProgram;
        String baseLabel;
        Path againstFile = repo.resolve(against);
        if (against.endsWith(".yaml") || against.endsWith(".yml")) {
            if (!Files.isRegularFile(againstFile)) {
                err.println("plan: no stack file " + againstFile + " to compare against");
                return 2;
            }
            baseConfig = StackConfig.read(againstFile).asObservedOffline();
            baseProgram = App::stack;
            baseLabel = against;
        } else {
            ProgramAtRef base;
            try {
                out.println("[plan] building the program at " + against);
                base = ProgramAtRef.load(repo, against, stack);
            } catch (IllegalStateException | java.io.UncheckedIOException e) {
                err.println("plan: cannot use " + against + " as the base: " + e.getMessage());
                return 2;
            }
            if (!ProgramAtRef.sameBuild(repo, base.commit())) {
                warnings.add("pom.xml differs at " + against + ": its program ran with this build's dependencies");
            }
            baseLabel = against + " (" + base.commit().substring(0, 12) + ")";
            if (isEmpty(base.stackFile())) {
                warnings.add("the stack has no stack file at " + against + ": everything is new");
                baseConfig = null;
            } else {
                // The base as its own tooling would have deployed it.
                StackConfig committed = StackConfig.read(base.stackFile());
                baseConfig = base.observes() ? committed.asObservedOffline() : committed;
            }
            baseProgram = base.program();
        }
        StackConfig changeConfig = StackConfig.read(file).asObservedOffline();
        // Secrets the files hold encrypted are compared by their ciphertext: a re-encryption of the
        // same value shows as a change too, on the safe side.
        PlanCommand.placeholderWarnings(changeConfig).forEach(warnings::add);

        out.println("[plan] running both sides on Pulumi's mock engine (no AWS, no backend)");
        PlanMocks baseMocks = new PlanMocks();
        PlanRun baseRun = baseConfig == null
                ? new PlanRun(java.util.Map.of(), List.of(), List.of(), java.util.Map.of())
                : PlanRun.run(baseConfig, baseMocks, baseProgram);
        if (!baseRun.succeeded()) {
            err.println("plan: the base (" + baseLabel + ") does not run:");
            return PlanCommand.failed(baseRun, err);
        }
        // Both sides agree on the ids of what the engine would keep (same URN, or moved by an alias).
        PlanRun changeRun = PlanRun.run(changeConfig, baseMocks.continuing());
        if (!changeRun.succeeded()) {
            return PlanCommand.failed(changeRun, err);
        }
        ChangeReport report = new ChangeReport(
                stack,
                baseLabel,
                "working tree " + file.getFileName(),
                ChangeImpact.between(baseRun, changeRun, ReplacementRules.load()),
                warnings);
        warnings.forEach(w -> out.println("[plan] warning: " + w));
        out.println(report.summary());
        report.lines().forEach(line -> out.println("  " + line));
        if (!PlanCommand.write(stack + "-impact", report.markdown(), report.json(), out, err)) {
            return 1;
        }
        if (!report.impact().endangered().isEmpty()) {
            report.impact()
                    .endangered()
                    .forEach(c -> err.println("plan: error: " + c.action().word() + " " + c.type() + " " + c.name()
                            + ": " + String.join("; ", c.reasons())));
            if (!allowStateful) {
                err.println("plan: this change replaces or deletes data; if that is intended, acknowledge it with "
                        + PlanCommand.ALLOW_STATEFUL
                        + " (see the README: \"When the change impact flags data at risk\")");
                return PlanCommand.DATA_AT_RISK;
            }
            out.println("[plan] acknowledged with " + PlanCommand.ALLOW_STATEFUL);
        }
        return 0;
    }
}
